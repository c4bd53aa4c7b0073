#include "models/recipient_limiter.h"

namespace delivsim {

namespace {

/// Moves a fixed window to number `window` (resetting its count when it changes); returns whether one more
/// message fits under `limit`.
bool has_room(std::int32_t window, std::int32_t& current, std::int32_t& count, std::int64_t limit) {
  if (window != current) {
    current = window;
    count = 0;
  }
  return count < limit;
}

}  // namespace

RecipientLimiter::RecipientLimiter(RecipientLimits limits, std::size_t population)
    : limits_(limits), windows_(population) {}

bool RecipientLimiter::admit(std::size_t index, Duration now) {
  Windows& w = windows_[index];
  const std::int64_t now_ms = now.count();
  if (now_ms < w.locked_until_ms) return false;
  const bool within_minute =
      has_room(static_cast<std::int32_t>(now / kMinute), w.minute, w.minute_count, limits_.per_minute);
  const bool within_hour =
      has_room(static_cast<std::int32_t>(now / kHour), w.hour, w.hour_count, limits_.per_hour);
  const bool within_day =
      has_room(static_cast<std::int32_t>(now / kDay), w.day, w.day_count, limits_.per_day);
  if (!(within_minute && within_hour && within_day)) {
    w.locked_until_ms = now_ms + limits_.lockout.count();
    return false;
  }
  ++w.minute_count;
  ++w.hour_count;
  ++w.day_count;
  return true;
}

}  // namespace delivsim
