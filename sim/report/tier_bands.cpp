#include "sim/report/tier_bands.h"

#include "models/identity_reputation.h"
#include "sim/output/number_format.h"

namespace delivsim::report {

namespace {

/// Opacity of a tier band behind the score lines.
constexpr double kTierBandOpacity = 0.18;

}  // namespace

ChartAxis score_axis() {
  ChartAxis axis{"Score (0-1)", 0, 1, {}};
  for (const double at : {0.0, 0.25, 0.5, 0.75, 1.0}) axis.ticks.push_back({at, format_significant(at, 3)});
  return axis;
}

void draw_tier_bands(SvgChart& chart, const ProviderThresholds& thresholds) {
  std::vector<AxisTick> tier_labels;
  for (const TierScoreBand& band :
       tier_score_bands(thresholds.tier_low_min, thresholds.tier_medium_min, thresholds.tier_high_min)) {
    chart.band(band.low, band.high, tier_rgb(band.tier), kTierBandOpacity);
    tier_labels.push_back({(band.low + band.high) / 2, std::string(tier_name(band.tier))});
  }
  chart.set_right_labels(std::move(tier_labels));
}

}  // namespace delivsim::report
