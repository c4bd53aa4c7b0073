#pragma once
/// @file The result charts in a scrolling grid (two columns when they fit at their minimum width, else one)
/// and the provider whose identities they show.
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QWidget>
#include <vector>

#include "gui/charts/run_chart.h"
#include "gui/figures/pinned_run.h"

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
  /// How many columns the grid has now.
  int columns() const { return columns_; }

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void fillProviders(const RunResult& run, const Scenario& scenario);
  void replot();
  /// Lays the charts out in `columns` columns.
  void arrange(int columns);

  QComboBox* provider_;
  QScrollArea* scroll_;
  QGridLayout* grid_;
  int columns_ = 0;
  std::vector<RunChart*> charts_;
  QLabel* compare_note_;
  ChartRuns runs_;
  Scenario scenario_;
};

}  // namespace delivsim::gui
