#include "sim/report/compare_charts.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/output/identity_groups.h"
#include "sim/output/judging_provider.h"
#include "sim/output/number_format.h"
#include "sim/report/chart_series.h"
#include "sim/report/run_thresholds.h"
#include "sim/report/tier_bands.h"

namespace delivsim::report {

namespace {

constexpr double kPercent = 100.0;

/// The first IP identity with `provider`, or nullptr.
const IdentityResult* first_ip(const RunResult& run, const std::string& provider) {
  const auto ip =
      std::find_if(run.identities.begin(), run.identities.end(), [&](const IdentityResult& identity) {
        return identity.kind == IdentityKind::Ip && identity.provider == provider;
      });
  return ip == run.identities.end() ? nullptr : &*ip;
}

std::vector<double> total_queue(const RunFolder& folder) {
  std::vector<double> total(folder.series.t_s.size(), 0.0);
  for (const ProviderResult& provider : folder.run.providers) {
    const std::vector<double> queue = folder.series.values_or_zero(provider.name + ".queue");
    for (std::size_t row = 0; row < total.size(); ++row) total[row] += queue[row];
  }
  return total;
}

/// deferred / attempts per row in percent; NaN in rows without attempts.
std::vector<double> deferral_share(const RunFolder& folder, const std::string& provider) {
  const std::vector<double> deferred = folder.series.values_or_zero(provider + ".deferred");
  const std::vector<double> attempts = folder.series.values_or_zero(provider + ".attempts");
  std::vector<double> share(attempts.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t row = 0; row < share.size(); ++row) {
    if (attempts[row] > 0) share[row] = deferred[row] / attempts[row] * kPercent;
  }
  return share;
}

double finite_max(const std::vector<double>& values) {
  double most = 0;
  for (const double value : values) {
    if (std::isfinite(value)) most = std::max(most, value);
  }
  return most;
}

/// The first strategy's run, whose judged provider and thresholds the overlays show; an empty run without
/// strategies.
const RunResult& first_run(const std::vector<StrategyRun>& strategies) {
  static const RunResult kNone;
  return strategies.empty() ? kNone : strategies.front().folder.run;
}

}  // namespace

std::string compare_queue_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time) {
  std::vector<std::vector<double>> queues;
  double most = 0;
  for (const StrategyRun& strategy : strategies) {
    queues.push_back(total_queue(strategy.folder));
    most = std::max(most, finite_max(queues.back()));
  }
  SvgChart chart("chart-compare-queue", "Queue depth, all providers", time.axis,
                 value_axis("Messages queued", most));
  for (std::size_t s = 0; s < strategies.size(); ++s) {
    const RunSeries& series = strategies[s].folder.series;
    chart.line(series_points(series, queues[s], time, series.interval_s), series_rgb(s));
    chart.legend(strategies[s].name, series_rgb(s));
  }
  return chart.svg();
}

std::string compare_deferral_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time) {
  const ProviderThresholds& thresholds = judged_thresholds(first_run(strategies));
  const std::string provider = judging_provider(first_run(strategies));
  std::vector<std::vector<double>> shares;
  double most = thresholds.alert_act_share * kPercent * 1.2;
  for (const StrategyRun& strategy : strategies) {
    shares.push_back(deferral_share(strategy.folder, provider));
    most = std::max(most, finite_max(shares.back()));
  }
  const std::string interval =
      strategies.empty() ? "per hour" : per_interval(strategies.front().folder.series.interval_s);
  SvgChart chart("chart-compare-deferral", "Deferral share " + interval + " (" + provider + ")", time.axis,
                 value_axis("Deferred / attempts (%)", std::min(most, kPercent)));
  const auto level = [&](double share, const std::string& what, RgbColor color) {
    chart.line({{time.axis.min, share * kPercent}, {time.axis.max, share * kPercent}}, color,
               StrokeStyle::Dotted);
    chart.legend(what + " " + format_significant(share * kPercent, 3) + "%", color, LegendMark::Dotted);
  };
  level(thresholds.alert_unusual_share, "unusual above", warning_rgb());
  level(thresholds.alert_act_share, "act above", bad_rgb());
  for (std::size_t s = 0; s < strategies.size(); ++s) {
    chart.line(series_points(strategies[s].folder.series, shares[s], time), series_rgb(s));
    chart.legend(strategies[s].name, series_rgb(s));
  }
  return chart.svg();
}

std::string compare_reputation_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time) {
  const std::string provider = judging_provider(first_run(strategies));
  const IdentityResult* ip = first_ip(first_run(strategies), provider);
  SvgChart chart(
      "chart-compare-reputation",
      "Reputation of the first IP" + (ip ? " (" + ip->id + " with " + provider + ")" : std::string()),
      time.axis, score_axis());
  draw_tier_bands(chart, judged_thresholds(first_run(strategies)));
  for (std::size_t s = 0; s < strategies.size(); ++s) {
    const RunFolder& folder = strategies[s].folder;
    const IdentityResult* own_ip = first_ip(folder.run, provider);
    const SeriesValues* score = own_ip ? folder.series.find(identity_column(*own_ip, "score")) : nullptr;
    if (!score) continue;
    chart.line(series_points(folder.series, score->values, time, folder.series.interval_s), series_rgb(s));
    chart.legend(strategies[s].name + (ip && own_ip->id == ip->id ? "" : " (" + own_ip->id + ")"),
                 series_rgb(s));
  }
  return chart.svg();
}

}  // namespace delivsim::report
