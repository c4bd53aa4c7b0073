#pragma once
/// @file What every run chart shares: the run it draws (names from summary.json, values from the time
/// series), reading it by column for identity groups, and drawing a column as a line with its p5–p95 band.
#include <string>
#include <vector>

#include "sim/output/identity_groups.h"
#include "sim/output/run_result.h"
#include "sim/report/run_series.h"
#include "sim/report/svg_chart.h"

namespace delivsim::report {

/// A run as the charts see it: its providers and identities, and its time series (single or bands).
struct RunView {
  const RunResult& run;
  const RunSeries& series;
};

/// `series` read by column name, for identity_groups(): a column's values (the mean for replications).
SeriesColumns series_columns(const RunSeries& series);

/// The providers that have at least one identity, in provider order.
std::vector<std::string> providers_with_identities(const RunResult& run);

/// `values` (one per row) as chart points: x is the row's interval start plus `offset_s` in `time` units,
/// y the value times `factor`; non-finite values are left out.
std::vector<ChartPoint> series_points(const RunSeries& series, const std::vector<double>& values,
                                      const TimeAxis& time, double offset_s = 0, double factor = 1);

/// The largest finite value of `column` times `factor`, its p95 included; 0 when there is none.
double column_max(const SeriesValues& column, double factor = 1);

/// Draws `column` as a line in `color` and, for replications, its p5–p95 band in the same colour, lighter.
void draw_column(SvgChart& chart, const RunSeries& series, const SeriesValues& column, const TimeAxis& time,
                 RgbColor color, double offset_s = 0, double factor = 1,
                 StrokeStyle style = StrokeStyle::Solid);

/// "per hour" for hourly series, "per day" for daily ones, else "per 30 min" / "per 2 h".
std::string per_interval(double interval_s);

}  // namespace delivsim::report
