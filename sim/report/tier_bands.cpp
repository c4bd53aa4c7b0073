#include "sim/report/tier_bands.h"

#include "models/receiver_params.h"
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

void draw_tier_bands(SvgChart& chart) {
  const ReceiverParams params = ReceiverParams::gmail();
  struct Band {
    Tier tier;
    double low, high;
  };
  const Band bands[] = {{Tier::Bad, 0.0, params.tier_low_min},
                        {Tier::Low, params.tier_low_min, params.tier_medium_min},
                        {Tier::Medium, params.tier_medium_min, params.tier_high_min},
                        {Tier::High, params.tier_high_min, 1.0}};
  std::vector<AxisTick> tier_labels;
  for (const Band& band : bands) {
    chart.band(band.low, band.high, tier_rgb(band.tier), kTierBandOpacity);
    tier_labels.push_back({(band.low + band.high) / 2, std::string(tier_name(band.tier))});
  }
  chart.set_right_labels(std::move(tier_labels));
}

}  // namespace delivsim::report
