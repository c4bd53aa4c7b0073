#pragma once
/// @file Time and rate units shared by every layer: simulated time is integer milliseconds.
#include <chrono>
#include <cmath>
#include <cstdint>

namespace delivsim {

/// A span of simulated time, and also a point in simulated time measured from the scenario's start.
using Duration = std::chrono::milliseconds;

inline constexpr Duration kMinute = std::chrono::minutes(1);
inline constexpr Duration kHour = std::chrono::hours(1);
inline constexpr Duration kDay = std::chrono::hours(24);

/// Seconds as a double, for outputs and rate arithmetic.
inline double to_seconds(Duration d) {
  return static_cast<double>(d.count()) / 1000.0;
}

/// The longest span a scenario may write or a model may compute (2^62 ms, about 146 million years).
/// Simulated times stay far below it too, so a time plus such a span always fits in Duration.
inline constexpr Duration kLongestSpan{std::int64_t{1} << 62};

/// `ms` milliseconds rounded to a whole millisecond and clamped to [0, kLongestSpan] (NaN gives 0): how a
/// computed delay becomes a Duration that any simulated time can be moved by.
inline Duration saturating_ms(double ms) {
  constexpr auto kLongestMs = static_cast<double>(kLongestSpan.count());  // 2^62, exact in a double
  if (!(ms > 0.0)) return Duration(0);
  if (ms >= kLongestMs) return kLongestSpan;
  // std::llround without the library call (two draws per attempt come here): for 0 < ms < 2^62 the
  // truncation is the floor and ms minus it is exact, so halves round away from zero as llround does.
  const auto whole = static_cast<std::int64_t>(ms);
  return Duration(whole + (ms - static_cast<double>(whole) >= 0.5 ? 1 : 0));
}

/// a + b for a, b >= 0, clamped to Duration::max() instead of overflowing.
inline Duration saturating_add(Duration a, Duration b) {
  return b > Duration::max() - a ? Duration::max() : a + b;
}

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
