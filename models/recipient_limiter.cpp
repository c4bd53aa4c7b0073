#include "models/recipient_limiter.h"

namespace delivsim {

namespace {

/// Moves a fixed window to the one holding `now_ms` (resetting its count when it changes); returns whether
/// one more message fits under `limit`.
bool has_room(std::int64_t now_ms, std::int64_t window_ms, std::int64_t& window_start_ms, std::int32_t& count,
              std::int64_t limit) {
  const std::int64_t start_ms = now_ms - now_ms % window_ms;
  if (start_ms != window_start_ms) {
    window_start_ms = start_ms;
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
      has_room(now_ms, kMinute.count(), w.minute_start_ms, w.minute_count, limits_.per_minute);
  const bool within_hour = has_room(now_ms, kHour.count(), w.hour_start_ms, w.hour_count, limits_.per_hour);
  const bool within_day = has_room(now_ms, kDay.count(), w.day_start_ms, w.day_count, limits_.per_day);
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
