#include "sim/report/chart_series.h"

#include <algorithm>
#include <cmath>

#include "sim/output/duration_format.h"

namespace delivsim::report {

namespace {

/// Opacity of a p5–p95 band behind its mean line.
constexpr double kBandOpacity = 0.2;

std::string identity_label(const IdentityResult& identity) {
  return std::string(identity_kind_name(identity.kind)) + " " + identity.id;
}

}  // namespace

std::string identity_column(const IdentityResult& identity, const std::string& figure) {
  return identity.provider + "." + std::string(identity_kind_name(identity.kind)) + "[" + identity.id + "]." +
         figure;
}

std::vector<IdentityGroup> identity_groups(const RunView& view, const std::string& provider) {
  static const std::vector<std::string> kFigures{"score", "spam_rate", "quota_per_hour", "accepted"};
  const auto same_series = [&](const IdentityResult& a, const IdentityResult& b) {
    return std::all_of(kFigures.begin(), kFigures.end(), [&](const std::string& figure) {
      const SeriesValues* first = view.series.find(identity_column(a, figure));
      const SeriesValues* second = view.series.find(identity_column(b, figure));
      return first && second && first->values == second->values;
    });
  };
  std::vector<IdentityGroup> groups;
  std::vector<std::string> kinds;  // per group: "dkim+spf"
  for (const IdentityResult& identity : view.run.identities) {
    if (identity.provider != provider) continue;
    const auto same = std::find_if(groups.begin(), groups.end(), [&](const IdentityGroup& group) {
      return group.identity->id == identity.id && same_series(*group.identity, identity);
    });
    if (same == groups.end()) {
      groups.push_back({&identity, identity_label(identity)});
      kinds.emplace_back(identity_kind_name(identity.kind));
      continue;
    }
    std::string& merged = kinds[static_cast<std::size_t>(same - groups.begin())];
    merged += "+" + std::string(identity_kind_name(identity.kind));
    same->label = merged + " " + identity.id;
  }
  return groups;
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
