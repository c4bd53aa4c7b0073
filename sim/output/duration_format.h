#pragma once
/// @file Spans of time in human units for the terminal summary.
#include <string>

namespace delivsim {

/// A span in its two largest units, rounded to the smaller one: "42s", "12m 5s", "4h 12m", "3d 4h".
std::string format_elapsed(double seconds);

/// A span in one unit (s, m, h or d, the largest that is at least 1), one decimal below 10 and none from
/// 10 on: "0.3s", "12s", "45m", "4.2h", "1.5d".
std::string format_short_duration(double seconds);

}  // namespace delivsim
