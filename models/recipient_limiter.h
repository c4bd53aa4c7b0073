#pragma once
/// @file Per-recipient receive limits (Gmail: 60/min, 3,600/h, 86,400/day; a mailbox over them is locked
/// out for about 24 h), answered with 450 4.2.1.
#include <cstdint>
#include <vector>

#include "models/units.h"

namespace delivsim {

struct RecipientLimits {
  std::int64_t per_minute = 60;
  std::int64_t per_hour = 3600;
  std::int64_t per_day = 86400;
  Duration lockout = std::chrono::hours(24);

  friend bool operator==(const RecipientLimits&, const RecipientLimits&) = default;
};

/// Counts deliveries per recipient in fixed minute, hour and day windows (aligned to the scenario start).
/// Recipients are dense indices 0..population-1.
class RecipientLimiter {
 public:
  RecipientLimiter(RecipientLimits limits, std::size_t population);
  /// Whether recipient `index` may receive one more message at `now`; counts it if so. A recipient over
  /// any limit is refused and locked out for `lockout` from `now`.
  bool admit(std::size_t index, Duration now);

 private:
  /// 32 bytes per recipient: window numbers (minutes, hours, days since the start) rather than times.
  struct Windows {
    std::int32_t minute = -1, hour = -1, day = -1;
    std::int32_t minute_count = 0, hour_count = 0, day_count = 0;
    std::int64_t locked_until_ms = 0;
  };
  RecipientLimits limits_;
  std::vector<Windows> windows_;
};

}  // namespace delivsim
