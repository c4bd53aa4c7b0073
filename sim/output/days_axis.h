#pragma once
/// @file When a chart's time axis is in days rather than hours, and its tick interval: one rule for the GUI's
/// charts and the HTML report's.
#include <array>
#include <cmath>

#include "models/units.h"

namespace delivsim {

/// Simulated spans longer than this are charted in days, shorter ones in hours (a 3-day run reads better in
/// hours).
inline constexpr Duration kDaysAxisAbove = std::chrono::hours(72);

/// Whether a chart over `span_s` seconds of simulated time shows it in days: `span_s` > kDaysAxisAbove.
inline bool time_axis_in_days(double span_s) {
  return span_s > to_seconds(kDaysAxisAbove);
}

/// Most ticks on a time axis.
inline constexpr double kMaxTimeTicks = 8;

/// A tick interval over `span` units of a time axis (days when `days`, else hours) giving at most
/// kMaxTimeTicks ticks: the first of whole hours or days (or a quarter or half day) that does, past them
/// whole multiples of the largest.
inline double time_tick_step(double span, bool days) {
  static constexpr std::array<double, 9> kHourSteps{1, 2, 3, 4, 6, 12, 24, 48, 72};
  static constexpr std::array<double, 10> kDaySteps{0.25, 0.5, 1, 2, 3, 7, 14, 28, 56, 91};
  const auto pick = [span](const auto& steps) {
    for (const double step : steps) {
      if (span / step <= kMaxTimeTicks) return step;
    }
    return steps.back() * std::ceil(span / kMaxTimeTicks / steps.back());
  };
  return days ? pick(kDaySteps) : pick(kHourSteps);
}

}  // namespace delivsim
