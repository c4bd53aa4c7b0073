#pragma once
/// @file Time and rate units shared by every layer: simulated time is integer milliseconds.
#include <chrono>
#include <cstdint>

namespace delivsim {

/// A span of simulated time, and also a point in simulated time measured from the scenario's start.
using Duration = std::chrono::milliseconds;

inline constexpr Duration kMinute = std::chrono::minutes(1);
inline constexpr Duration kHour = std::chrono::hours(1);
inline constexpr Duration kDay = std::chrono::hours(24);

/// Seconds as a double, for outputs and rate arithmetic.
inline double to_seconds(Duration d) { return static_cast<double>(d.count()) / 1000.0; }

/// A count per unit of time, as written in scenarios (`500/h`). Zero means "no limit" only where a field
/// says so; elsewhere a rate must be positive.
struct Rate {
  double per_second = 0.0;

  static Rate per_hour(double n) { return Rate{n / 3600.0}; }
  static Rate per_day(double n) { return Rate{n / 86400.0}; }
  double hourly() const { return per_second * 3600.0; }
  double daily() const { return per_second * 86400.0; }
  bool unlimited() const { return per_second <= 0.0; }
  friend bool operator==(const Rate&, const Rate&) = default;
};

}  // namespace delivsim
