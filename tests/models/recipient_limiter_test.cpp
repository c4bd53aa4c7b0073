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

// Thousands of recipients a minute, a few messages each: no slot of the sketch reaches a limit and no
// window counts exactly. A call for a recipient at the minute's limit makes the minute count exactly, until
// it ends.
TEST(RecipientLimiterTest, WindowsCountExactlyOnlyWhenASlotReachesALimit) {
  RecipientLimiter limiter(RecipientLimits{});
  for (std::size_t recipient = 0; recipient < 3000; ++recipient) {
    EXPECT_TRUE(limiter.admit(recipient, minutes(10) + Duration(static_cast<std::int64_t>(recipient))));
  }
  EXPECT_EQ(limiter.exact_windows(), 0);
  EXPECT_EQ(admit_many(limiter, 5, minutes(11), Duration(100), 60), 60);
  EXPECT_EQ(limiter.exact_windows(), 0);
  EXPECT_FALSE(limiter.admit(5, minutes(11) + seconds(30)));
  EXPECT_EQ(limiter.exact_windows(), 1);
  EXPECT_TRUE(limiter.admit(6, minutes(12)));
  EXPECT_EQ(limiter.exact_windows(), 0);
}

// Many recipients share each slot: with 20 an hour, slots reach the limit while no recipient does. The
// hour then counts exactly and refuses nobody; a recipient at the limit is refused.
TEST(RecipientLimiterTest, ASlotAtTheLimitRefusesNoRecipientUnderIt) {
  RecipientLimits limits;
  limits.per_hour = 20;
  RecipientLimiter limiter(limits);
  for (std::size_t recipient = 0; recipient < 200'000; ++recipient) {
    ASSERT_TRUE(limiter.admit(recipient % 100'000, hours(2) + Duration(static_cast<std::int64_t>(recipient))))
        << "recipient " << recipient;
  }
  EXPECT_EQ(limiter.exact_windows(), 1);
  EXPECT_EQ(admit_many(limiter, 7, hours(2) + minutes(10), seconds(10), 20), 18);  // 2 already this hour
  EXPECT_EQ(limiter.lockouts_held(), 1u);
}

// With 2 a minute, a message in the same minute as the first fits, a third is refused and locks the
// recipient out.
TEST(RecipientLimiterTest, TwoAMinute) {
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

// A lockout is held while it may refuse a call: forgotten at the first day that starts with it over.
TEST(RecipientLimiterTest, LockoutsForgottenOnceADayStartsWithThemOver) {
  RecipientLimits limits;
  limits.per_hour = 2;
  limits.lockout = hours(3);
  RecipientLimiter limiter(limits);
  EXPECT_EQ(admit_many(limiter, 0, hours(10), minutes(1), 3), 2);  // locked out from 10:02 to 13:02
  EXPECT_EQ(admit_many(limiter, 1, hours(23), minutes(1), 3), 2);  // locked out from 23:02 to 02:02
  EXPECT_EQ(limiter.lockouts_held(), 2u);
  EXPECT_TRUE(limiter.admit(2, hours(24) + minutes(1)));  // day 1 starts: recipient 0's lockout is over
  EXPECT_EQ(limiter.lockouts_held(), 1u);
  EXPECT_FALSE(limiter.admit(1, hours(26)));  // still locked out
  EXPECT_TRUE(limiter.admit(1, hours(26) + minutes(2)));
  EXPECT_TRUE(limiter.admit(0, hours(24) + hours(10)));
  EXPECT_TRUE(limiter.admit(2, hours(48)));  // day 2 starts: recipient 1's lockout is over
  EXPECT_EQ(limiter.lockouts_held(), 0u);
}

// A call before the latest one is taken as made at the latest one's time.
TEST(RecipientLimiterTest, ACallBackInTimeCountsAtTheLatestTime) {
  RecipientLimits limits;
  limits.per_minute = 1;
  limits.lockout = minutes(5);
  RecipientLimiter limiter(limits);
  EXPECT_TRUE(limiter.admit(0, minutes(3)));
  EXPECT_TRUE(limiter.admit(1, minutes(10)));
  EXPECT_TRUE(limiter.admit(0, minutes(3)));   // at 10 min: a new minute for recipient 0
  EXPECT_FALSE(limiter.admit(0, minutes(4)));  // at 10 min again: over, locked out until 15 min
  EXPECT_FALSE(limiter.admit(0, minutes(14) + seconds(59)));
  EXPECT_TRUE(limiter.admit(0, minutes(15)));
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

/// Random traffic in time order: steps up to `max_step`, calls at the same time, one in `calls_per_jump` a
/// jump of up to 10 hours. Checks every answer against full counts; returns how many calls were refused.
int refusals_checked_against_full_counts(RecipientLimits limits, int recipients, Duration max_step,
                                         int calls_per_jump) {
  RecipientLimiter limiter(limits);
  FullCountLimiter oracle(limits, static_cast<std::size_t>(recipients));
  boost::random::mt19937_64 engine(11);
  boost::random::uniform_int_distribution<int> recipient(0, recipients - 1), jump(1, calls_per_jump),
      jump_minutes(0, 600);
  boost::random::uniform_int_distribution<std::int64_t> step_ms(0, max_step.count());
  Duration now(0);
  int refused = 0;
  for (int call = 0; call < 200000; ++call) {
    now += Duration(step_ms(engine));
    if (jump(engine) == 1) now += minutes(jump_minutes(engine));
    const auto index = static_cast<std::size_t>(recipient(engine));
    const bool expected = oracle.admit(index, now);
    if (limiter.admit(index, now) != expected) {
      ADD_FAILURE() << "call " << call << " at " << now.count() << " ms: expected " << expected;
      return -1;
    }
    refused += expected ? 0 : 1;
  }
  return refused;
}

RecipientLimits tight_limits() {
  RecipientLimits tight;
  tight.per_minute = 2;
  tight.per_hour = 5;
  tight.per_day = 9;
  tight.lockout = minutes(90);
  return tight;
}

// A few recipients over months (many day starts, each forgetting lockouts over), with tight limits (many
// refusals and lockouts) and with Gmail's (none): the same answers as full counts for every call.
TEST(RecipientLimiterTest, SameAnswersAsFullCountsForAFewRecipients) {
  EXPECT_GT(refusals_checked_against_full_counts(tight_limits(), 7, minutes(4), 1000), 10000);
  EXPECT_EQ(refusals_checked_against_full_counts(RecipientLimits{}, 7, minutes(4), 1000), 0);
}

// Twenty thousand recipients, about 12,000 calls a minute: every slot of the sketch is shared, and with tight
// limits the windows count exactly most of the time. The same answers as full counts.
TEST(RecipientLimiterTest, SameAnswersAsFullCountsForRecipientsSharingSlots) {
  EXPECT_GT(refusals_checked_against_full_counts(tight_limits(), 20'000, Duration(10), 50'000), 10000);
  EXPECT_EQ(refusals_checked_against_full_counts(RecipientLimits{}, 20'000, Duration(10), 50'000), 0);
}

}  // namespace
}  // namespace delivsim
