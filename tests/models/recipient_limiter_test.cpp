#include "models/recipient_limiter.h"

#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <vector>

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

/// Admits `count` messages for `recipient` spaced `spacing` apart from `start`; returns how many got in.
int admit_many(RecipientLimiter& limiter, std::size_t recipient, Duration start, Duration spacing,
               int count) {
  int admitted = 0;
  for (int i = 0; i < count; ++i) admitted += limiter.admit(recipient, start + i * spacing) ? 1 : 0;
  return admitted;
}

TEST(RecipientLimiterTest, SixtyPerMinuteThenLockedOutForADay) {
  RecipientLimiter limiter(RecipientLimits{});
  const Duration start = hours(5) + seconds(1);
  EXPECT_EQ(admit_many(limiter, 0, start, Duration(500), 60), 60);  // 60 within 30 s of one clock minute
  EXPECT_FALSE(limiter.admit(0, start + seconds(31)));              // the 61st: over the limit
  EXPECT_FALSE(limiter.admit(0, start + minutes(2)));               // new minute, but locked out
  EXPECT_FALSE(limiter.admit(0, start + seconds(31) + hours(24) - Duration(1)));
  EXPECT_TRUE(limiter.admit(0, start + seconds(31) + hours(24)));
  EXPECT_TRUE(limiter.admit(1, start + seconds(31)));  // other recipients are not affected
}

TEST(RecipientLimiterTest, MinuteWindowsAlignToTimeZero) {
  RecipientLimiter limiter(RecipientLimits{});
  // 60 in the last second of minute 3, 60 more in the first second of minute 4: two windows, no refusal.
  EXPECT_EQ(admit_many(limiter, 0, minutes(4) - seconds(1), Duration(10), 60), 60);
  EXPECT_EQ(admit_many(limiter, 0, minutes(4), Duration(10), 60), 60);
}

TEST(RecipientLimiterTest, HourLimit) {
  RecipientLimits limits;
  limits.per_hour = 100;
  RecipientLimiter limiter(limits);
  // 50 per minute stays under the minute limit; the hour's 101st message (in minute 3) is refused.
  EXPECT_EQ(admit_many(limiter, 0, Duration(0), Duration(1200), 100), 100);
  EXPECT_FALSE(limiter.admit(0, minutes(2) + seconds(1)));
  EXPECT_FALSE(limiter.admit(0, hours(1)));  // locked out past the hour's end
  EXPECT_TRUE(limiter.admit(0, minutes(2) + seconds(1) + hours(24)));
}

TEST(RecipientLimiterTest, DayLimitWithShortLockout) {
  RecipientLimits limits;
  limits.per_day = 3;
  limits.lockout = minutes(10);
  RecipientLimiter limiter(limits);
  EXPECT_EQ(admit_many(limiter, 0, hours(1), hours(1), 3), 3);
  EXPECT_FALSE(limiter.admit(0, hours(20)));
  EXPECT_FALSE(limiter.admit(0, hours(20) + minutes(5)));  // locked out
  EXPECT_FALSE(limiter.admit(0, hours(21)));               // lockout over, but the day's 3 are used
  EXPECT_TRUE(limiter.admit(0, hours(24) + minutes(11)));  // new day, lockout from 21:00 ended
}

TEST(RecipientLimiterTest, OneMessageADayNeedsNoFullCounts) {
  RecipientLimiter limiter(RecipientLimits{});
  for (int day = 0; day < 5; ++day) {
    for (std::size_t recipient = 0; recipient < 3; ++recipient) {
      EXPECT_TRUE(limiter.admit(recipient, hours(24 * day + 23) + minutes(59)));
    }
  }
  EXPECT_EQ(limiter.detailed_count(), 0u);
  EXPECT_TRUE(limiter.admit(1, hours(24 * 4 + 23) + minutes(59) + seconds(1)));  // a second one that day
  EXPECT_EQ(limiter.detailed_count(), 1u);
}

// The compact record of a recipient's first message carries over: with 2 a minute, a message in the same
// minute as the first fits, a third is refused and locks the recipient out.
TEST(RecipientLimiterTest, FirstMessageCountsOnceFullCountsStart) {
  RecipientLimits limits;
  limits.per_minute = 2;
  limits.lockout = hours(1);
  RecipientLimiter limiter(limits);
  EXPECT_TRUE(limiter.admit(0, hours(3) + seconds(10)));
  EXPECT_TRUE(limiter.admit(0, hours(3) + seconds(20)));
  EXPECT_FALSE(limiter.admit(0, hours(3) + seconds(30)));
  EXPECT_FALSE(limiter.admit(0, hours(3) + minutes(30)));  // locked out
  EXPECT_TRUE(limiter.admit(0, hours(4) + seconds(30)));
}

// Full counts last while they differ from a fresh record: dropped at the first day that starts with the
// recipient's lockout over, kept across a day start while it is locked out.
TEST(RecipientLimiterTest, FullCountsDroppedOnceADayStartsWithTheLockoutOver) {
  RecipientLimits limits;
  limits.per_hour = 2;
  limits.lockout = hours(3);
  RecipientLimiter limiter(limits);
  EXPECT_TRUE(limiter.admit(0, hours(10)));
  EXPECT_TRUE(limiter.admit(0, hours(11)));  // a second one that day: full counts
  EXPECT_EQ(limiter.detailed_count(), 1u);
  EXPECT_EQ(admit_many(limiter, 1, hours(23), minutes(1), 3), 2);  // locked out from 23:02 to 02:02
  EXPECT_EQ(limiter.detailed_count(), 2u);
  EXPECT_TRUE(limiter.admit(2, hours(24) + minutes(1)));  // day 1 starts: recipient 0's counts are dropped
  EXPECT_EQ(limiter.detailed_count(), 1u);
  EXPECT_FALSE(limiter.admit(1, hours(26)));  // still locked out
  EXPECT_TRUE(limiter.admit(1, hours(26) + minutes(2)));
  EXPECT_TRUE(limiter.admit(0, hours(24) + hours(10)));  // a fresh record again
  EXPECT_TRUE(limiter.admit(2, hours(48)));              // day 2 starts: recipient 1's lockout is over
  EXPECT_EQ(limiter.detailed_count(), 0u);
}

/// The limits counted the plain way, a full record per recipient: the oracle for the compact limiter.
class FullCountLimiter {
 public:
  FullCountLimiter(RecipientLimits limits, std::size_t population) : limits_(limits), records_(population) {}
  bool admit(std::size_t index, Duration now) {
    Record& r = records_[index];
    if (now < r.locked_until) return false;
    // Every window is brought up to `now`, so all three are evaluated before they are combined.
    const bool minute_fits = room(now / kMinute, r.minute, r.minute_count, limits_.per_minute);
    const bool hour_fits = room(now / kHour, r.hour, r.hour_count, limits_.per_hour);
    const bool day_fits = room(now / kDay, r.day, r.day_count, limits_.per_day);
    const bool fits = minute_fits && hour_fits && day_fits;
    if (!fits) {
      r.locked_until = now + limits_.lockout;
      return false;
    }
    ++r.minute_count, ++r.hour_count, ++r.day_count;
    return true;
  }

 private:
  struct Record {
    std::int64_t minute = -1, hour = -1, day = -1, minute_count = 0, hour_count = 0, day_count = 0;
    Duration locked_until{0};
  };
  static bool room(std::int64_t window, std::int64_t& current, std::int64_t& count, std::int64_t limit) {
    if (window != current) current = window, count = 0;
    return count < limit;
  }
  RecipientLimits limits_;
  std::vector<Record> records_;
};

// Random traffic to a few recipients over months, mostly forward in time with jumps back (no further than
// the start of the latest day asked about: in time order as the limiter sees it): the
// same answers as full counts for every call, with tight limits (many refusals and lock-outs) and with
// Gmail's (none).
TEST(RecipientLimiterTest, SameAnswersAsFullCounts) {
  RecipientLimits tight;
  tight.per_minute = 2;
  tight.per_hour = 5;
  tight.per_day = 9;
  tight.lockout = minutes(90);
  for (const RecipientLimits& limits : {tight, RecipientLimits{}}) {
    RecipientLimiter limiter(limits);
    FullCountLimiter oracle(limits, 7);
    boost::random::mt19937_64 engine(11);
    boost::random::uniform_int_distribution<int> recipient(0, 6), step_s(0, 240), back(0, 999),
        back_minutes(0, 600);
    Duration now(0), latest(0);
    int refused = 0;
    for (int call = 0; call < 200000; ++call) {
      now += seconds(step_s(engine));
      latest = std::max(latest, now);
      if (back(engine) == 0) now = std::max((latest / kDay) * kDay, now - minutes(back_minutes(engine)));
      const auto index = static_cast<std::size_t>(recipient(engine));
      const bool expected = oracle.admit(index, now);
      ASSERT_EQ(limiter.admit(index, now), expected) << "call " << call << " at " << now.count() << " ms";
      refused += expected ? 0 : 1;
    }
    EXPECT_GT(now, 60 * kDay);  // many day starts, each dropping full counts
    if (limits == tight) {
      EXPECT_GT(refused, 10000);
    } else {
      EXPECT_EQ(refused, 0);
    }
  }
}

}  // namespace
}  // namespace delivsim
