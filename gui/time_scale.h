#pragma once
/// @file The charts' time axis: hours for short runs, days for long ones.
#include <QString>

#include "models/units.h"

namespace delivsim::gui {

/// How seconds of simulated time map onto the time axis.
struct TimeScale {
  double seconds_per_unit = 3600;  ///< divide seconds by this to get axis units
  QString title;                   ///< the axis title with its unit, e.g. "Time (days)"
  /// Seconds of simulated time as axis units.
  double at(double seconds) const { return seconds / seconds_per_unit; }
  /// A tick interval (axis units) giving at most 8 ticks over `span` units, on whole hours or days.
  double tick_step(double span) const;
};

/// Days when time_axis_in_days() (sim/output/days_axis.h: runs over 72 h), else hours.
TimeScale time_scale_for(Duration simulated);

}  // namespace delivsim::gui
