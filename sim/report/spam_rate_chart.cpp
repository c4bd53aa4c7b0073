#include <algorithm>

#include "sim/output/number_format.h"
#include "sim/report/html_escape.h"
#include "sim/report/run_charts.h"
#include "sim/report/run_thresholds.h"

namespace delivsim::report {

namespace {

constexpr double kPercent = 100.0;

}  // namespace

std::string spam_rate_chart_svg(const RunView& view, const TimeAxis& time, const std::string& provider) {
  const ProviderThresholds& thresholds = provider_thresholds(view.run, provider);
  const std::vector<IdentityGroup> groups =
      identity_groups(view.run.identities, provider, series_columns(view.series));
  double most = thresholds.spam_rate_bad * kPercent * 1.2;
  for (const IdentityGroup& group : groups) {
    if (const SeriesValues* rate = view.series.find(identity_column(*group.identity, "spam_rate"))) {
      most = std::max(most, column_max(*rate, kPercent));
    }
  }
  SvgChart chart("chart-spam-rate-" + html_id(provider), "Daily spam rate per identity (" + provider + ")",
                 time.axis, value_axis("Spam rate (% of delivered, daily)", most));
  const auto limit = [&](double rate, const std::string& what, RgbColor color) {
    const double y = rate * kPercent;
    chart.line({{time.axis.min, y}, {time.axis.max, y}}, color, StrokeStyle::Dotted);
    chart.legend(what + " " + format_significant(y, 3) + "%", color, LegendMark::Dotted);
  };
  limit(thresholds.spam_rate_good, "keep below", warning_rgb());
  limit(thresholds.spam_rate_bad, "never reach", bad_rgb());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const SeriesValues* rate = view.series.find(identity_column(*groups[i].identity, "spam_rate"));
    if (!rate) continue;
    draw_column(chart, view.series, *rate, time, identity_rgb(i), view.series.interval_s, kPercent);
    chart.legend(groups[i].label, identity_rgb(i));
  }
  return chart.svg();
}

}  // namespace delivsim::report
