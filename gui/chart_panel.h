#pragma once
/// @file The result charts in a grid and the provider whose identities they show.
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QWidget>
#include <vector>

#include "gui/pinned_run.h"
#include "gui/run_chart.h"

namespace delivsim::gui {

/// The result charts, redrawn for every finished run.
class ChartPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChartPanel(QWidget* parent = nullptr);

  /// Draws `current` (and `pinned` dashed when not null). The pointers must stay valid until the next call.
  void plot(const RunResult* current, const PinnedRun* pinned, const Scenario& scenario);
  /// Empties every chart, `note` in each saying why (no run yet, running, cancelled, an error).
  void clear(const QString& note);
  /// The charts, in display order.
  const std::vector<RunChart*>& charts() const { return charts_; }

 private:
  void fillProviders(const RunResult& run, const Scenario& scenario);
  void replot();
  void arrange();

  QComboBox* provider_;
  QGridLayout* grid_;
  std::vector<RunChart*> charts_;
  QLabel* compare_note_;
  ChartRuns runs_;
  Scenario scenario_;
};

}  // namespace delivsim::gui
