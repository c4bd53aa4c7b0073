#include "models/recipient_limiter.h"

namespace delivsim {

namespace {

constexpr std::int64_t kMinutesPerHour = kHour / kMinute;
constexpr std::int64_t kMinutesPerDay = kDay / kMinute;

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

RecipientLimiter::RecipientLimiter(RecipientLimits limits)
    : limits_(limits),
      fresh_record_admits_(limits.per_minute >= 1 && limits.per_hour >= 1 && limits.per_day >= 1) {}

bool RecipientLimiter::admit(std::size_t index, Duration now) {
  const std::int64_t minute = now / kMinute;
  const std::int64_t day = minute / kMinutesPerDay;
  if (day > day_) start_day(day);
  const auto [word, added] = words_.find_or_add(static_cast<std::uint32_t>(index));
  if (added && day == day_ && fresh_record_admits_) {
    // Not asked about today and no full counts: every window has moved on since any earlier admission.
    *word = static_cast<std::uint32_t>(minute + 1);
    return true;
  }
  return admit_slowly(*word, index, minute, now);
}

bool RecipientLimiter::admit_slowly(std::uint32_t& word, std::size_t index, std::int64_t minute,
                                    Duration now) {
  if ((word & kDetailed) != 0) return admit_detailed(detailed_[word & ~kDetailed], now);
  const bool admitted_today = word != 0 && (word - 1) / kMinutesPerDay == minute / kMinutesPerDay;
  if (!admitted_today && fresh_record_admits_) {
    word = static_cast<std::uint32_t>(minute + 1);
    return true;
  }
  Windows windows;
  if (word != 0) {
    const std::int64_t last = word - 1;
    windows.minute = static_cast<std::int32_t>(last);
    windows.hour = static_cast<std::int32_t>(last / kMinutesPerHour);
    windows.day = static_cast<std::int32_t>(last / kMinutesPerDay);
    windows.minute_count = windows.hour_count = windows.day_count = 1;
  }
  windows.recipient = static_cast<std::uint32_t>(index);
  word = kDetailed | static_cast<std::uint32_t>(detailed_.size());
  detailed_.push_back(windows);
  return admit_detailed(detailed_.back(), now);
}

bool RecipientLimiter::admit_detailed(Windows& w, Duration now) const {
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

void RecipientLimiter::start_day(std::int64_t day) {
  day_ = day;
  words_.clear();
  // Calls come in time order, so every later call moves all three windows of a full count on. One whose
  // lockout ended by the day's start then holds nothing a fresh record would not: it is dropped, and its
  // recipient starts the day like any other. The rest keep their counts and their words.
  const std::int64_t day_start_ms = day * kDay.count();
  std::size_t kept = 0;
  for (const Windows& windows : detailed_) {
    if (fresh_record_admits_ && windows.locked_until_ms <= day_start_ms) continue;
    *words_.find_or_add(windows.recipient).first = kDetailed | static_cast<std::uint32_t>(kept);
    detailed_[kept++] = windows;
  }
  detailed_.resize(kept);
}

}  // namespace delivsim
