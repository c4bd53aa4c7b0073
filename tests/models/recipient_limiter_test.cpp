#include "models/recipient_limiter.h"

#include <gtest/gtest.h>

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
  RecipientLimiter limiter(RecipientLimits{}, 2);
  const Duration start = hours(5) + seconds(1);
  EXPECT_EQ(admit_many(limiter, 0, start, Duration(500), 60), 60);  // 60 within 30 s of one clock minute
  EXPECT_FALSE(limiter.admit(0, start + seconds(31)));              // the 61st: over the limit
  EXPECT_FALSE(limiter.admit(0, start + minutes(2)));               // new minute, but locked out
  EXPECT_FALSE(limiter.admit(0, start + seconds(31) + hours(24) - Duration(1)));
  EXPECT_TRUE(limiter.admit(0, start + seconds(31) + hours(24)));
  EXPECT_TRUE(limiter.admit(1, start + seconds(31)));  // other recipients are not affected
}

TEST(RecipientLimiterTest, MinuteWindowsAlignToTimeZero) {
  RecipientLimiter limiter(RecipientLimits{}, 1);
  // 60 in the last second of minute 3, 60 more in the first second of minute 4: two windows, no refusal.
  EXPECT_EQ(admit_many(limiter, 0, minutes(4) - seconds(1), Duration(10), 60), 60);
  EXPECT_EQ(admit_many(limiter, 0, minutes(4), Duration(10), 60), 60);
}

TEST(RecipientLimiterTest, HourLimit) {
  RecipientLimits limits;
  limits.per_hour = 100;
  RecipientLimiter limiter(limits, 1);
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
  RecipientLimiter limiter(limits, 1);
  EXPECT_EQ(admit_many(limiter, 0, hours(1), hours(1), 3), 3);
  EXPECT_FALSE(limiter.admit(0, hours(20)));
  EXPECT_FALSE(limiter.admit(0, hours(20) + minutes(5)));  // locked out
  EXPECT_FALSE(limiter.admit(0, hours(21)));               // lockout over, but the day's 3 are used
  EXPECT_TRUE(limiter.admit(0, hours(24) + minutes(11)));  // new day, lockout from 21:00 ended
}

}  // namespace
}  // namespace delivsim
