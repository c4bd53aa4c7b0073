#pragma once
/// @file The charts' time axis (hours for short runs, days for long ones) and the calendar time of a point on
/// it, from the scenario's start_date.
#include <QString>
#include <string_view>

#include "models/units.h"

namespace delivsim::gui {

/// How seconds of simulated time map onto the time axis.
struct TimeScale {
  double seconds_per_unit = 3600;  ///< divide seconds by this to get axis units
  QString title;                   ///< the axis title with its unit, e.g. "Time (days)"
  /// Seconds of simulated time as axis units.
  double at(double seconds) const { return seconds / seconds_per_unit; }
  /// A tick interval (axis units) over `span` units: time_tick_step (sim/output/days_axis.h), the report's.
  double tick_step(double span) const;
};

/// Days when time_axis_in_days() (sim/output/days_axis.h: runs over 72 h), else hours.
TimeScale time_scale_for(Duration simulated);

/// The calendar time `seconds` of simulated time after `start_date` (Scenario::start_date, ISO 8601 UTC), as
/// "Mon 2026-01-05 14:30 UTC" (seconds shown only when not zero), so a chart lines up with accounting logs
/// and Postmaster Tools. The one place the GUI turns simulated time into a date. Throws
/// std::invalid_argument for a `start_date` that is not of the form YYYY-MM-DDTHH:MM:SSZ.
QString calendar_time(std::string_view start_date, double seconds);

}  // namespace delivsim::gui
