#pragma once
/// @file What every run chart shares: the run it draws (names from summary.json, values from the time
/// series), identity columns and groups, and drawing a column as a line with its p5–p95 band.
#include <string>
#include <vector>

#include "sim/output/run_result.h"
#include "sim/report/run_series.h"
#include "sim/report/svg_chart.h"

namespace delivsim::report {

/// A run as the charts see it: its providers and identities, and its time series (single or bands).
struct RunView {
  const RunResult& run;
  const RunSeries& series;
};

/// The column name of one of an identity's figures ("score", "tier", "spam_rate", "quota_per_hour",
/// "accepted"), e.g. "gmail.ip[203.0.113.10].score" (sim/world/recorder.cpp's naming).
std::string identity_column(const IdentityResult& identity, const std::string& figure);

/// Identities of one provider whose series are identical (a domain used for both DKIM and SPF), shown as
/// one, as the GUI does: `label` names them all ("dkim+spf news.example.com"), `identity` is the first.
struct IdentityGroup {
  const IdentityResult* identity = nullptr;
  std::string label;
};

/// The identities of `provider` in `view`, identical ones merged, in the order of RunResult::identities.
std::vector<IdentityGroup> identity_groups(const RunView& view, const std::string& provider);

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
