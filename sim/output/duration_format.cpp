#include "sim/output/duration_format.h"

#include <array>
#include <cmath>
#include <string_view>
#include <utility>

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

std::string format_exact_elapsed(double seconds) {
  constexpr long long kMsPerSecond = 1000;
  constexpr long long kMsPerMinute = 60 * kMsPerSecond;
  constexpr long long kMsPerHour = 60 * kMsPerMinute;
  constexpr long long kMsPerDay = 24 * kMsPerHour;
  long long ms = std::llround(std::abs(seconds) * kMsPerSecond);
  std::string text;
  for (const auto& [unit_ms, suffix] : {std::pair{kMsPerDay, "d"}, {kMsPerHour, "h"}, {kMsPerMinute, "m"}}) {
    if (ms < unit_ms) continue;
    text += std::to_string(ms / unit_ms) + suffix + " ";
    ms %= unit_ms;
  }
  if (ms == 0 && !text.empty()) return text.substr(0, text.size() - 1);
  std::string second_text = format_fixed(static_cast<double>(ms) / kMsPerSecond, 3);
  second_text.erase(second_text.find_last_not_of('0') + 1);  // "4.500" -> "4.5", "5.000" -> "5."
  if (second_text.back() == '.') second_text.pop_back();
  return text + second_text + "s";
}

}  // namespace delivsim
