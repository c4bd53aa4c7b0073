#pragma once
/// @file Spans of time in human units for the terminal summary.
#include <string>

namespace delivsim {

/// A span in its two largest units, rounded to the smaller one: "42s", "12m 5s", "4h 12m", "3d 4h".
std::string format_elapsed(double seconds);

/// A span in one unit (s, m, h or d, the largest that is at least 1), one decimal below 10 and none from
/// 10 on: "0.3s", "12s", "45m", "4.2h", "1.5d".
std::string format_short_duration(double seconds);

/// A span exactly: every unit from the largest that is at least 1 down to seconds, zero units left out,
/// seconds to the millisecond: "1d 2h 3m 4.5s", "2h 5s", "0.125s", "0s". Takes the magnitude of a negative
/// span.
std::string format_exact_elapsed(double seconds);

}  // namespace delivsim
