#pragma once
/// @file The reputation charts' score axis and tier bands.
#include "sim/output/provider_thresholds.h"
#include "sim/report/chart_axis.h"
#include "sim/report/svg_chart.h"

namespace delivsim::report {

/// The score axis: 0 to 1 in quarters, titled "Score (0-1)".
ChartAxis score_axis();

/// Shades the HIGH, MEDIUM, LOW and BAD score ranges of `chart` under `thresholds` in their tier colours and
/// names them on the right edge.
void draw_tier_bands(SvgChart& chart, const ProviderThresholds& thresholds);

}  // namespace delivsim::report
