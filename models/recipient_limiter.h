#pragma once
/// @file Per-recipient receive limits (Gmail: 60/min, 3,600/h, 86,400/day; a mailbox over them is locked
/// out for about 24 h), answered with 450 4.2.1.
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

/// Counts deliveries per recipient in fixed minute, hour and day windows (aligned to the scenario start).
/// Recipients are indices below 2^32 - 1.
///
/// Most recipients get at most one message a day, and for them the windows hold nothing a fresh record
/// would not. So the limiter holds a record only of the recipients asked about on the latest day, in a hash
/// table emptied at each day's start (its memory follows a day's recipients, not the list: a word per
/// recipient over a 10-million list was 40 MB per receiver, one cache miss and, at first, one page fault
/// per recipient reached). A recipient not held is admitted at once and only the minute of that admission is
/// stored (a 4-byte word). A recipient admitted twice within one day gets full window counts, kept until a
/// day starts with its lockout over, so they follow the day's repeat recipients, not every recipient that
/// ever had one. The answers are exactly those of full counts when calls come in time order, as the
/// simulation and the live clock make them; a call back before the latest day is answered from what is
/// kept (a dropped count reads as no admission that day).
class RecipientLimiter {
 public:
  explicit RecipientLimiter(RecipientLimits limits);
  /// Whether recipient `index` may receive one more message at `now`; counts it if so. A recipient over
  /// any limit is refused and locked out for `lockout` from `now`.
  bool admit(std::size_t index, Duration now);
  /// Recipients with full window counts now (for tests and memory diagnostics).
  std::size_t detailed_count() const { return detailed_.size(); }

 private:
  /// Full counts: window numbers (minutes, hours, days since the start) rather than times.
  struct Windows {
    std::int32_t minute = -1, hour = -1, day = -1;
    std::int32_t minute_count = 0, hour_count = 0, day_count = 0;
    std::int64_t locked_until_ms = 0;
    std::uint32_t recipient = 0;
  };
  /// A word with this bit set holds an index into detailed_; otherwise 0 (never admitted) or 1 + the
  /// minute of the recipient's last admission.
  static constexpr std::uint32_t kDetailed = 0x8000'0000u;

  /// A recipient held today (`word`: its word in words_) or asked about on an earlier day.
  bool admit_slowly(std::uint32_t& word, std::size_t index, std::int64_t minute, Duration now);
  bool admit_detailed(Windows& windows, Duration now) const;
  /// Moves on to `day`, dropping the full counts a fresh record now equals: only recipients that keep
  /// full counts are held at its start.
  void start_day(std::int64_t day);

  RecipientLimits limits_;
  bool fresh_record_admits_;  ///< every limit is at least one, so a recipient's first message of a day fits
  /// Words of the recipients asked about since day_ started, and of those with full counts; a recipient
  /// not held has a fresh record.
  RecipientWordTable words_;
  std::vector<Windows> detailed_;
  std::int64_t day_ = 0;  ///< the latest day asked about
};

}  // namespace delivsim
