#include "models/retry_schedule.h"

#include <gtest/gtest.h>

#include <climits>

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

RetrySchedule seed_002_list() {
  RetrySchedule schedule;
  schedule.kind = RetrySchedule::Kind::List;
  schedule.offsets = {minutes(15), hours(1), hours(4), hours(12)};
  return schedule;
}

RetrySchedule postfix_exponential(double jitter = 0.0) {
  RetrySchedule schedule;
  schedule.kind = RetrySchedule::Kind::Exponential;
  schedule.initial = seconds(300);
  schedule.max = seconds(4000);
  schedule.factor = 2.0;
  schedule.jitter = jitter;
  return schedule;
}

TEST(RetryScheduleTest, FixedIsNowPlusInterval) {
  RandomEngine engine(1);
  RetrySchedule fixed;  // PowerMTA default: 10m
  EXPECT_EQ(next_attempt_time(fixed, 1, hours(1), hours(1), engine), hours(1) + minutes(10));
  EXPECT_EQ(next_attempt_time(fixed, 7, hours(1), hours(5), engine), hours(5) + minutes(10));
}

TEST(RetryScheduleTest, ListFollowsSeed002FromFirstAttemptThenRepeatsLastGap) {
  RandomEngine engine(1);
  const RetrySchedule schedule = seed_002_list();
  const Duration t = hours(3);
  const Duration transaction = Duration(350);  // each failure is reported a little after its attempt
  Duration now = t + transaction;
  const std::vector<Duration> expected = {t + minutes(15),
                                          t + hours(1),
                                          t + hours(4),
                                          t + hours(12),
                                          t + hours(20) + transaction,
                                          t + hours(28) + 2 * transaction};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Duration next = next_attempt_time(schedule, static_cast<int>(i) + 1, t, now, engine);
    EXPECT_EQ(next, expected[i]) << "after failure " << i + 1;
    now = next + transaction;
  }
}

TEST(RetryScheduleTest, ListNeverEarlierThanNow) {
  RandomEngine engine(1);
  // The second failure came 2 h after the first attempt: the 1 h offset is already past.
  EXPECT_EQ(next_attempt_time(seed_002_list(), 2, Duration(0), hours(2), engine), hours(2));
}

TEST(RetryScheduleTest, SingleOffsetRepeatsAsInterval) {
  RandomEngine engine(1);
  RetrySchedule schedule;
  schedule.kind = RetrySchedule::Kind::List;
  schedule.offsets = {minutes(30)};
  EXPECT_EQ(next_attempt_time(schedule, 1, hours(1), hours(1), engine), hours(1) + minutes(30));
  EXPECT_EQ(next_attempt_time(schedule, 2, hours(1), hours(2), engine), hours(2) + minutes(30));
}

TEST(RetryScheduleTest, ExponentialPostfixDoublesToCap) {
  RandomEngine engine(1);
  RandomEngine untouched = engine;
  const RetrySchedule schedule = postfix_exponential();
  const Duration now = hours(2);
  const std::vector<int> expected_seconds = {300, 600, 1200, 2400, 4000, 4000};
  for (std::size_t i = 0; i < expected_seconds.size(); ++i) {
    EXPECT_EQ(next_attempt_time(schedule, static_cast<int>(i) + 1, Duration(0), now, engine),
              now + seconds(expected_seconds[i]));
  }
  EXPECT_EQ(engine(), untouched());  // no jitter: no draws
}

TEST(RetryScheduleTest, ExponentialHugeAttemptCountsStayAtCap) {
  RandomEngine engine(1);
  const RetrySchedule schedule = postfix_exponential();
  EXPECT_EQ(next_attempt_time(schedule, 100000, Duration(0), Duration(0), engine), seconds(4000));
  EXPECT_EQ(next_attempt_time(schedule, INT_MAX, Duration(0), Duration(0), engine), seconds(4000));
}

TEST(RetryScheduleTest, JitterStaysWithinBoundsAndUnderCap) {
  RandomEngine engine(5);
  const RetrySchedule schedule = postfix_exponential(0.2);
  for (int failed = 1; failed <= 6; ++failed) {
    const double base_ms = std::min(4000.0, 300.0 * (1 << (failed - 1))) * 1000.0;
    Duration lowest = Duration::max();
    Duration highest = Duration(0);
    for (int draw = 0; draw < 2000; ++draw) {
      const Duration delay = next_attempt_time(schedule, failed, Duration(0), Duration(0), engine);
      lowest = std::min(lowest, delay);
      highest = std::max(highest, delay);
    }
    EXPECT_GE(static_cast<double>(lowest.count()), 0.8 * base_ms - 1.0) << "failure " << failed;
    EXPECT_LE(static_cast<double>(highest.count()), std::min(1.2 * base_ms, 4000e3) + 1.0)
        << "failure " << failed;
    // The spread is used: extremes lie near both ends of +-20%.
    EXPECT_LT(static_cast<double>(lowest.count()), 0.81 * base_ms) << "failure " << failed;
  }
}

TEST(RetryScheduleTest, JitterIsDeterministicForASeed) {
  const RetrySchedule schedule = postfix_exponential(0.3);
  RandomEngine a(99);
  RandomEngine b(99);
  for (int failed = 1; failed <= 5; ++failed) {
    EXPECT_EQ(next_attempt_time(schedule, failed, Duration(0), Duration(0), a),
              next_attempt_time(schedule, failed, Duration(0), Duration(0), b));
  }
}

// A delay as long as Duration can say, added to a time after the start, overflowed int64 (undefined
// behaviour; in practice a time before the start). It saturates now.
TEST(RetryScheduleTest, HugeDelaysSaturateInsteadOfOverflowing) {
  RandomEngine engine(1);
  RetrySchedule fixed;
  fixed.interval = Duration::max();
  EXPECT_EQ(next_attempt_time(fixed, 1, Duration(0), hours(1), engine), Duration::max());

  RetrySchedule list;
  list.kind = RetrySchedule::Kind::List;
  list.offsets = {Duration::max()};
  EXPECT_EQ(next_attempt_time(list, 1, hours(1), hours(1), engine), Duration::max());
  EXPECT_EQ(next_attempt_time(list, 2, hours(1), hours(2), engine), Duration::max());

  RetrySchedule exponential = postfix_exponential();
  exponential.max = Duration::max();
  exponential.factor = 1e6;
  EXPECT_EQ(next_attempt_time(exponential, 10, Duration(0), hours(1), engine), hours(1) + kLongestSpan);
}

}  // namespace
}  // namespace delivsim
