#include "models/recipient_limiter.h"

#include <algorithm>

namespace delivsim {

RecipientLimiter::RecipientLimiter(RecipientLimits limits)
    : lockout_(limits.lockout), sketch_(std::size_t{1} << kSketchSlotBits, Slot{}) {
  windows_[kMinuteWindow].length = kMinute;
  windows_[kMinuteWindow].limit = limits.per_minute;
  windows_[kHourWindow].length = kHour;
  windows_[kHourWindow].limit = limits.per_hour;
  windows_[kDayWindow].length = kDay;
  windows_[kDayWindow].limit = limits.per_day;
}

bool RecipientLimiter::admit(std::size_t index, Duration now) {
  now = std::max(now, latest_);
  latest_ = now;
  const auto recipient = static_cast<std::uint32_t>(index);
  if (locked_out(recipient, now)) return false;
  if (now >= windows_end_) move_windows_to(now);
  Slot& slot = sketch_[fibonacci_slot(recipient, kSketchSlotBits)];
  // Almost every call: no window counts exactly and the slot is under every limit.
  const bool slot_under_limits = slot[kMinuteWindow] < windows_[kMinuteWindow].limit &&
                                 slot[kHourWindow] < windows_[kHourWindow].limit &&
                                 slot[kDayWindow] < windows_[kDayWindow].limit;
  if (!slot_under_limits || any_exact_) return admit_slowly(recipient, slot, now);
  for (std::uint32_t& count : slot) ++count;
  admitted_today_.push_back(recipient);
  return true;
}

bool RecipientLimiter::admit_slowly(std::uint32_t recipient, Slot& slot, Duration now) {
  if (!(has_room(kMinuteWindow, recipient, slot) && has_room(kHourWindow, recipient, slot) &&
        has_room(kDayWindow, recipient, slot))) {
    lock_out(recipient, now);
    return false;
  }
  for (int kind = 0; kind < kWindowKinds; ++kind) {
    ++slot[kind];
    if (windows_[kind].exact) ++*windows_[kind].counts.find_or_add(recipient).first;
  }
  admitted_today_.push_back(recipient);
  return true;
}

int RecipientLimiter::exact_windows() const {
  return static_cast<int>(std::ranges::count_if(windows_, [](const Window& w) { return w.exact; }));
}

bool RecipientLimiter::locked_out(std::uint32_t recipient, Duration now) const {
  if (lockouts_.empty()) return false;
  const std::uint32_t* at = lockout_of_.find(recipient);
  return at != nullptr && now < lockouts_[*at].until;
}

void RecipientLimiter::lock_out(std::uint32_t recipient, Duration now) {
  const auto [at, added] = lockout_of_.find_or_add(recipient);
  if (added) {
    *at = static_cast<std::uint32_t>(lockouts_.size());
    lockouts_.push_back({recipient, now});
  }
  lockouts_[*at].until = now + lockout_;
}

void RecipientLimiter::move_windows_to(Duration now) {
  // Windows nest (a day holds whole hours, an hour whole minutes) and calls come in time order, so the
  // windows that end are the minute's up to the widest that does.
  int widest = kMinuteWindow;
  while (widest + 1 < kWindowKinds && now / windows_[widest + 1].length != windows_[widest + 1].number) {
    ++widest;
  }
  // The slots counting anything in these windows are those of the widest one's admissions (or all).
  const std::size_t first = windows_[widest].first;
  // Not std::fill_n: with a count known only at run time it became a call of memset per slot.
  const auto empty = [widest](Slot& slot) {
    for (int kind = 0; kind < kWindowKinds; ++kind) slot[kind] = kind <= widest ? 0u : slot[kind];
  };
  if (admitted_today_.size() - first > sketch_.size()) {
    std::ranges::for_each(sketch_, empty);
  } else {
    for (std::size_t i = first; i < admitted_today_.size(); ++i)
      empty(sketch_[fibonacci_slot(admitted_today_[i], kSketchSlotBits)]);
  }
  if (widest == kDayWindow) {
    admitted_today_.clear();
    forget_ended_lockouts(now / kDay * kDay);
  }
  for (int kind = 0; kind <= widest; ++kind) {
    Window& window = windows_[kind];
    window.number = now / window.length;
    window.first = admitted_today_.size();
    window.exact = false;
    window.counts.clear();
  }
  any_exact_ = exact_windows() > 0;
  windows_end_ = (now / kMinute + 1) * kMinute;
}

bool RecipientLimiter::has_room(WindowKind kind, std::uint32_t recipient, const Slot& slot) {
  Window& window = windows_[kind];
  if (!window.exact) {
    if (slot[kind] < window.limit) return true;
    count_exactly(window);
  }
  const std::uint32_t* count = window.counts.find(recipient);
  return (count != nullptr ? *count : 0) < window.limit;
}

void RecipientLimiter::count_exactly(Window& window) {
  window.exact = true;
  any_exact_ = true;
  for (std::size_t i = window.first; i < admitted_today_.size(); ++i) {
    ++*window.counts.find_or_add(admitted_today_[i]).first;
  }
}

void RecipientLimiter::forget_ended_lockouts(Duration day_start) {
  std::erase_if(lockouts_, [day_start](const Lockout& lockout) { return lockout.until <= day_start; });
  lockout_of_.clear();
  for (std::size_t i = 0; i < lockouts_.size(); ++i) {
    *lockout_of_.find_or_add(lockouts_[i].recipient).first = static_cast<std::uint32_t>(i);
  }
}

}  // namespace delivsim
