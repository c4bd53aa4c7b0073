#include "gui/time_scale.h"

#include <array>
#include <cmath>

#include "sim/output/days_axis.h"

namespace delivsim::gui {

double TimeScale::tick_step(double span) const {
  static constexpr std::array<double, 9> kHourSteps{1, 2, 3, 4, 6, 12, 24, 48, 72};
  static constexpr std::array<double, 10> kDaySteps{0.25, 0.5, 1, 2, 3, 7, 14, 28, 56, 91};
  constexpr double kMaxTicks = 8;
  const auto pick = [&](const auto& steps) {
    for (const double step : steps) {
      if (span / step <= kMaxTicks) return step;
    }
    return steps.back() * std::ceil(span / kMaxTicks / steps.back());
  };
  return seconds_per_unit >= 86400 ? pick(kDaySteps) : pick(kHourSteps);
}

TimeScale time_scale_for(Duration simulated) {
  if (time_axis_in_days(to_seconds(simulated))) return TimeScale{86400, QStringLiteral("Time (days)")};
  return TimeScale{3600, QStringLiteral("Time (hours)")};
}

}  // namespace delivsim::gui
