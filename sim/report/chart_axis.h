#pragma once
/// @file Chart axes: a range with labelled ticks, for values (nice steps) and for simulated time (hours or
/// days).
#include <string>
#include <vector>

namespace delivsim::report {

/// One labelled tick, at a value in axis units.
struct AxisTick {
  double at = 0;
  std::string label;
};

/// An axis: its title (with the unit), its range in axis units, and its ticks.
struct ChartAxis {
  std::string title;
  double min = 0, max = 1;
  std::vector<AxisTick> ticks;
};

/// A value axis from `min_value` up to at least `max_value`, ending on a tick, with at most 6 ticks on a
/// 1, 2, 2.5 or 5 times a power of ten step; labels are counts ("1,500") for whole steps, else 3
/// significant digits. A flat or empty range (max <= min) becomes [min, min + 1].
ChartAxis value_axis(std::string title, double max_value, double min_value = 0);

/// An axis whose ticks are the given labels at 0, 1, 2, ... (a sweep's parameter values), with half a step
/// of room on each side.
ChartAxis category_axis(std::string title, const std::vector<std::string>& labels);

/// How a chart shows a figure's values on a value axis: value / divisor, with `unit` in the axis title.
struct ValueScale {
  double divisor = 1;
  std::string unit;  ///< appended to the axis title, e.g. " (days)"; empty: the values as they are
};

/// The scale of values of the headline figure `key` whose largest magnitude is `high`: spans (keys ending
/// in "_s") in days above 2 days, hours above 2 hours, else seconds; other figures as they are.
ValueScale figure_value_scale(const std::string& key, double high);

/// How simulated seconds map onto a time axis.
struct TimeAxis {
  double seconds_per_unit = 3600;  ///< 3600 (hours) or 86400 (days)
  ChartAxis axis;                  ///< "Time (hours)" or "Time (days)", from 0 to the span
  /// Seconds of simulated time as axis units.
  double at(double seconds) const { return seconds / seconds_per_unit; }
};

/// A time axis over [0, span_s]: in days when time_axis_in_days(span_s) (over 72 h), else in hours; at most
/// 8 ticks on whole hours (1, 2, 3, 4, 6, 12, 24 h) or days (0.25, 0.5, 1, 2, 3, 7, 14, 28 d, ...).
TimeAxis time_axis(double span_s);

}  // namespace delivsim::report
