#pragma once
/// @file The Strategies tab's overlay: one line per strategy of a comparison over simulated time (each the
/// mean over the strategy's replications, interval by interval: timeseries_bands), in the line colours of
/// the HTML compare report (series_rgb).
#include <QChartView>
#include <QStringList>
#include <cstddef>
#include <string>

#include "gui/charts/time_scale.h"
#include "sim/batch/compare.h"

namespace delivsim::gui {

/// What the overlay draws per strategy.
enum class StrategySeries : std::size_t {
  Queue,           ///< messages queued for all providers at the end of each interval
  DeliveredShare,  ///< delivered so far over injected, in percent
  DeferralShare,   ///< deferred / attempts in each interval over all providers, in percent
};

/// The series the overlay can draw, in StrategySeries order, as the chooser names them.
QStringList strategy_series_names();

/// A chart with a line per strategy.
class StrategiesChart : public QChartView {
  Q_OBJECT

 public:
  explicit StrategiesChart(QWidget* parent = nullptr);

  /// Draws `shown` for every strategy of `result` over `simulated` time.
  void plot(const CompareResult& result, StrategySeries shown, Duration simulated);
  /// Removes the lines, the axes and the title.
  void clearChart();
  /// The strategies drawn, in order (a line each).
  QStringList lineNames() const;
  /// What hovering `line`'s point `at` (in the chart's units) shows: "warmup: 42.5% at Tue 2026-01-06
  /// 04:00 UTC (1d 4h)", the calendar time as in accounting logs, then the time since the start.
  QString readout(const QString& line, const QPointF& at) const;

 private:
  TimeScale scale_;
  bool percent_ = true;
  std::string start_date_;
};

}  // namespace delivsim::gui
