#include "sim/report/html_escape.h"
#include "sim/report/run_charts.h"
#include "sim/report/run_thresholds.h"
#include "sim/report/tier_bands.h"

namespace delivsim::report {

std::string reputation_chart_svg(const RunView& view, const TimeAxis& time, const std::string& provider) {
  SvgChart chart("chart-reputation-" + html_id(provider), "Reputation score per identity (" + provider + ")",
                 time.axis, score_axis());
  draw_tier_bands(chart, provider_thresholds(view.run, provider));
  const std::vector<IdentityGroup> groups =
      identity_groups(view.run.identities, provider, series_columns(view.series));
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const SeriesValues* score = view.series.find(identity_column(*groups[i].identity, "score"));
    if (!score) continue;
    // The score is a snapshot at the end of each interval.
    draw_column(chart, view.series, *score, time, identity_rgb(i), view.series.interval_s);
    chart.legend(groups[i].label, identity_rgb(i));
  }
  return chart.svg();
}

}  // namespace delivsim::report
