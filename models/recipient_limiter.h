#pragma once
/// @file Per-recipient receive limits (Gmail: 60/min, 3,600/h, 86,400/day; a mailbox over them is locked
/// out for about 24 h), answered with 450 4.2.1.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/recipient_word_table.h"
#include "models/units.h"

namespace delivsim {

struct RecipientLimits {
  std::int64_t per_minute = 60;
  std::int64_t per_hour = 3600;
  std::int64_t per_day = 86400;
  Duration lockout = std::chrono::hours(24);

  friend bool operator==(const RecipientLimits&, const RecipientLimits&) = default;
};

/// Counts admissions per recipient in fixed minute, hour and day windows (aligned to the scenario start).
/// Recipients are indices below 2^32 - 1. Calls come in time order, as the simulation and the live clock
/// make them; a call before the latest one is taken as made at the latest one's time.
///
/// A recipient is refused only when its count in a window has reached that window's limit, which almost
/// no recipient does (most get one message a day). So the limiter keeps no record per recipient (over a
/// day's millions of recipients, a record per recipient was a cache miss per call). It keeps a sketch: a
/// few thousand slots, each recipient hashed to one, each slot counting the admissions in every current
/// window of the recipients that share it. A slot's count is never below a count of one of its
/// recipients, so a slot under a window's limit admits at once; the sketch stays in the cache. Only when
/// a slot reaches a limit does that window count exactly, per recipient, from the list of the day's
/// admissions, until it ends. The answers are those of full counts per recipient.
class RecipientLimiter {
 public:
  explicit RecipientLimiter(RecipientLimits limits);
  /// Whether recipient `index` may receive one more message at `now`; counts it if so. A recipient over
  /// any limit is refused and locked out for `lockout` from `now`.
  bool admit(std::size_t index, Duration now);
  /// Windows counting exactly now, of the minute, hour and day (for tests).
  int exact_windows() const;
  /// Recipients whose lockout is held: locked out now or since the previous day started (for tests).
  std::size_t lockouts_held() const { return lockouts_.size(); }

 private:
  enum WindowKind { kMinuteWindow, kHourWindow, kDayWindow, kWindowKinds };
  /// Slots of the sketch: with a million admissions a day, a slot counts a few hundred of them in a day
  /// and a fraction of one in a minute, far under Gmail's limits.
  static constexpr unsigned kSketchSlotBits = 12;

  struct Window {
    Duration length{0};
    std::int64_t limit = 0;
    std::int64_t number = -1;  ///< windows since the start
    std::size_t first = 0;     ///< the window's first admission in admitted_today_
    bool exact = false;
    RecipientWordTable counts;  ///< while exact: the window's admissions per recipient
  };
  /// A slot's admissions in the current minute, hour and day.
  using Slot = std::array<std::uint32_t, kWindowKinds>;
  struct Lockout {
    std::uint32_t recipient = 0;
    Duration until{0};
  };

  /// admit's answer when a window counts exactly or the slot has reached a limit: each window decides.
  bool admit_slowly(std::uint32_t recipient, Slot& slot, Duration now);
  bool locked_out(std::uint32_t recipient, Duration now) const;
  void lock_out(std::uint32_t recipient, Duration now);
  /// Starts the windows `now` is past the end of, emptying their counts.
  void move_windows_to(Duration now);
  /// Whether the window of `kind` counts fewer than its limit for `recipient` (whose slot is `slot`).
  bool has_room(WindowKind kind, std::uint32_t recipient, const Slot& slot);
  /// Counts the window's admissions so far per recipient; it counts exactly until it ends.
  void count_exactly(Window& window);
  /// Forgets the lockouts over by `day_start`: every later call is past them.
  void forget_ended_lockouts(Duration day_start);

  Duration lockout_;
  std::array<Window, kWindowKinds> windows_;
  Duration windows_end_{0};  ///< the current minute window's end: no window moves before it
  bool any_exact_ = false;   ///< whether a window counts exactly
  std::vector<Slot> sketch_;
  std::vector<std::uint32_t> admitted_today_;  ///< recipients admitted since the day window started
  RecipientWordTable lockout_of_;              ///< recipient -> its index in lockouts_
  std::vector<Lockout> lockouts_;
  Duration latest_{0};  ///< the latest call's time
};

}  // namespace delivsim
