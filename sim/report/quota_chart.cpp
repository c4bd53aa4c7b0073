#include <algorithm>
#include <cmath>

#include "sim/report/html_escape.h"
#include "sim/report/run_charts.h"

namespace delivsim::report {

namespace {

bool all_finite(const SeriesValues& column) {
  return std::all_of(column.values.begin(), column.values.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

std::string quota_chart_svg(const RunView& view, const TimeAxis& time, const std::string& provider) {
  const double per_hour = 3600.0 / view.series.interval_s;
  const std::vector<IdentityGroup> groups =
      identity_groups(view.run.identities, provider, series_columns(view.series));
  struct Lines {
    const SeriesValues* quota;
    const SeriesValues* accepted;
  };
  std::vector<Lines> lines;
  double most = 0;
  for (const IdentityGroup& group : groups) {
    const SeriesValues* quota = view.series.find(identity_column(*group.identity, "quota_per_hour"));
    const SeriesValues* accepted = view.series.find(identity_column(*group.identity, "accepted"));
    if (quota && !all_finite(*quota)) quota = nullptr;
    if (quota) most = std::max(most, column_max(*quota));
    if (accepted) most = std::max(most, column_max(*accepted, per_hour));
    lines.push_back({quota, accepted});
  }
  SvgChart chart("chart-quota-" + html_id(provider),
                 "Accepted (solid) vs quota (dotted) per hour (" + provider + ")", time.axis,
                 value_axis("Messages per hour", most));
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const RgbColor color = identity_rgb(i);
    // The quota is a snapshot at the end of each interval; accepted counts the interval itself.
    if (lines[i].quota) {
      draw_column(chart, view.series, *lines[i].quota, time, color, view.series.interval_s, 1,
                  StrokeStyle::Dotted);
      chart.legend("quota " + groups[i].label, color, LegendMark::Dotted);
    }
    if (lines[i].accepted) {
      draw_column(chart, view.series, *lines[i].accepted, time, color, 0, per_hour);
      chart.legend("accepted " + groups[i].label, color);
    }
  }
  return chart.svg();
}

}  // namespace delivsim::report
