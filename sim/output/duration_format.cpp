#include "sim/output/duration_format.h"

#include <array>
#include <cmath>
#include <string_view>

#include "sim/output/number_format.h"

namespace delivsim {

namespace {

constexpr double kSecondsPerMinute = 60;
constexpr double kSecondsPerHour = 3600;
constexpr double kSecondsPerDay = 86400;

/// "<major><major_unit> <minor><minor_unit>" for a span counted in minor units.
std::string two_units(long long total_minor, long long minor_per_major, std::string_view major_unit,
                      std::string_view minor_unit) {
  return std::to_string(total_minor / minor_per_major) + std::string(major_unit) + " " +
         std::to_string(total_minor % minor_per_major) + std::string(minor_unit);
}

}  // namespace

std::string format_elapsed(double seconds) {
  // Each branch decides on the value rounded to its own smaller unit, so 3599.6 s is "1h 0m", not "60m 0s".
  const long long total_seconds = std::llround(seconds);
  if (total_seconds < 60) return std::to_string(total_seconds) + "s";
  if (total_seconds < 3600) return two_units(total_seconds, 60, "m", "s");
  const long long total_minutes = std::llround(seconds / kSecondsPerMinute);
  if (total_minutes < 24 * 60) return two_units(total_minutes, 60, "h", "m");
  return two_units(std::llround(seconds / kSecondsPerHour), 24, "d", "h");
}

std::string format_short_duration(double seconds) {
  struct Unit {
    double seconds;
    std::string_view suffix;
  };
  static constexpr std::array<Unit, 4> kUnitsLargestFirst{
      {{kSecondsPerDay, "d"}, {kSecondsPerHour, "h"}, {kSecondsPerMinute, "m"}, {1, "s"}}};
  Unit unit = kUnitsLargestFirst.back();
  for (const Unit& candidate : kUnitsLargestFirst) {
    if (seconds >= candidate.seconds) {
      unit = candidate;
      break;
    }
  }
  const double value = seconds / unit.seconds;
  return format_fixed(value, value < 10 ? 1 : 0) + std::string(unit.suffix);
}

}  // namespace delivsim
