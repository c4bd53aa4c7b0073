#include "sim/report/chart_series.h"

#include <algorithm>
#include <cmath>

#include "sim/output/duration_format.h"

namespace delivsim::report {

namespace {

/// Opacity of a p5–p95 band behind its mean line.
constexpr double kBandOpacity = 0.2;

}  // namespace

SeriesColumns series_columns(const RunSeries& series) {
  return [&series](const std::string& column) -> std::optional<std::vector<double>> {
    const SeriesValues* values = series.find(column);
    if (!values) return std::nullopt;
    return values->values;
  };
}

std::vector<std::string> providers_with_identities(const RunResult& run) {
  std::vector<std::string> providers;
  for (const ProviderResult& provider : run.providers) {
    const bool has =
        std::any_of(run.identities.begin(), run.identities.end(),
                    [&](const IdentityResult& identity) { return identity.provider == provider.name; });
    if (has) providers.push_back(provider.name);
  }
  return providers;
}

std::vector<ChartPoint> series_points(const RunSeries& series, const std::vector<double>& values,
                                      const TimeAxis& time, double offset_s, double factor) {
  std::vector<ChartPoint> points;
  points.reserve(values.size());
  for (std::size_t row = 0; row < values.size() && row < series.t_s.size(); ++row) {
    if (!std::isfinite(values[row])) continue;
    points.push_back({time.at(series.t_s[row] + offset_s), values[row] * factor});
  }
  return points;
}

double column_max(const SeriesValues& column, double factor) {
  double most = 0;
  for (const std::vector<double>* values : {&column.values, &column.p95}) {
    for (const double value : *values) {
      if (std::isfinite(value)) most = std::max(most, value * factor);
    }
  }
  return most;
}

void draw_column(SvgChart& chart, const RunSeries& series, const SeriesValues& column, const TimeAxis& time,
                 RgbColor color, double offset_s, double factor, StrokeStyle style) {
  if (column.has_band()) {
    chart.area(series_points(series, column.p95, time, offset_s, factor),
               series_points(series, column.p5, time, offset_s, factor), color, kBandOpacity);
  }
  chart.line(series_points(series, column.values, time, offset_s, factor), color, style);
}

std::string per_interval(double interval_s) {
  if (interval_s == 3600) return "per hour";
  if (interval_s == 86400) return "per day";
  return "per " + format_short_duration(interval_s);
}

}  // namespace delivsim::report
