#pragma once
/// @file A sweep's objective chart: each point's objective value (or, without an objective, its delivered
/// share) against the value of the first swept parameter, one line per combination of the other swept
/// values; points that broke a constraint are grey dots, the best point a black ring. As the HTML sweep
/// report draws it (sim/report/sweep_chart.h).
#include <QChartView>
#include <QStringList>

#include "sim/batch/sweep.h"

namespace delivsim::gui {

/// The objective chart of the Strategies tab.
class SweepObjectiveChart : public QChartView {
  Q_OBJECT

 public:
  explicit SweepObjectiveChart(QWidget* parent = nullptr);

  /// Draws `result`.
  void plot(const SweepResult& result);
  /// Removes the lines, the axes and the title.
  void clearChart();
  /// The names of the lines drawn (one per combination of the axes after the first), in order.
  QStringList lineNames() const { return lines_; }

 private:
  QStringList lines_;
};

}  // namespace delivsim::gui
