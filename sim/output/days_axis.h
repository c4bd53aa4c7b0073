#pragma once
/// @file When a chart's time axis is in days rather than hours: one rule for the GUI's charts and the HTML
/// report's.
#include "models/units.h"

namespace delivsim {

/// Simulated spans longer than this are charted in days, shorter ones in hours (a 3-day run reads better in
/// hours).
inline constexpr Duration kDaysAxisAbove = std::chrono::hours(72);

/// Whether a chart over `span_s` seconds of simulated time shows it in days: `span_s` > kDaysAxisAbove.
inline bool time_axis_in_days(double span_s) {
  return span_s > to_seconds(kDaysAxisAbove);
}

}  // namespace delivsim
