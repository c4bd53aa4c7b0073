#pragma once
/// @file The five result charts in a grid, the provider whose identities they show, and, once a run is
/// pinned, the A/B table in the sixth cell.
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QWidget>
#include <vector>

#include "gui/compare_table.h"
#include "gui/run_chart.h"

namespace delivsim::gui {

/// The result charts and the A/B table, redrawn for every finished run.
class ChartPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChartPanel(QWidget* parent = nullptr);

  /// Draws `current` (and `pinned` dashed, with the A/B table, when not null). The pointers must stay
  /// valid until the next call.
  void plot(const RunResult* current, const RunResult* pinned, const Scenario& scenario);
  /// Draws a running run's figures so far in the charts that need no identities.
  void plotProgress(const RunResult* partial, const RunResult* pinned, const Scenario& scenario);
  /// The charts, in display order.
  const std::vector<RunChart*>& charts() const { return charts_; }

 private:
  void fillProviders(const RunResult& run, const Scenario& scenario);
  void replot();
  void arrange(bool with_table);

  QComboBox* provider_;
  QGridLayout* grid_;
  std::vector<RunChart*> charts_;
  CompareTable* compare_;
  QLabel* compare_note_;
  bool table_shown_ = false;
  ChartRuns runs_;
  Scenario scenario_;
};

}  // namespace delivsim::gui
