#include "models/token_bucket.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace delivsim {
namespace {

using std::chrono::seconds;

TEST(SaturatingTimeTest, DoubleMillisecondsClampToTheDurationRange) {
  EXPECT_EQ(saturating_ms(1.4), Duration(1));
  EXPECT_EQ(saturating_ms(-5.0), Duration(0));
  EXPECT_EQ(saturating_ms(std::nan("")), Duration(0));
  EXPECT_EQ(saturating_ms(1e19), kLongestSpan);
  EXPECT_EQ(saturating_ms(std::numeric_limits<double>::infinity()), kLongestSpan);
  EXPECT_EQ(saturating_ms(4611686018427387904.0), kLongestSpan);
  EXPECT_EQ(saturating_ms(4611686018427387392.0), Duration(4611686018427387392));  // the largest below 2^62
}

// saturating_ms rounds inline: it must agree with std::llround everywhere in its range, halves, the double
// just below a half and values past 2^52 (where every double is a whole number) included.
TEST(SaturatingTimeTest, RoundsExactlyAsLlround) {
  std::vector<double> values{0.5,
                             1.5,
                             2.5,
                             0.49999999999999994,
                             1.4999999999999998,
                             4503599627370495.5,
                             4503599627370497.0,
                             9007199254740993.0,
                             1e-300,
                             123456789.5};
  std::mt19937_64 engine(11);
  std::uniform_real_distribution<double> exponent(-20.0, 61.0);
  for (int i = 0; i < 100000; ++i) values.push_back(std::exp2(exponent(engine)));
  for (double ms : values) EXPECT_EQ(saturating_ms(ms).count(), std::llround(ms)) << ms;
}

TEST(SaturatingTimeTest, AddClampsAtTheLargestDuration) {
  EXPECT_EQ(saturating_add(Duration(2), Duration(3)), Duration(5));
  EXPECT_EQ(saturating_add(kDay, Duration::max()), Duration::max());
  EXPECT_EQ(saturating_add(Duration::max() - Duration(1), Duration(1)), Duration::max());
}

TEST(TokenBucketTest, RefillsContinuouslyUpToCapacity) {
  const TokenBucket bucket(Rate{2.0}, 10.0, Duration(0), 0.0);
  EXPECT_DOUBLE_EQ(bucket.tokens(Duration(0)), 0.0);
  EXPECT_DOUBLE_EQ(bucket.tokens(Duration(250)), 0.5);
  EXPECT_DOUBLE_EQ(bucket.tokens(seconds(3)), 6.0);
  EXPECT_DOUBLE_EQ(bucket.tokens(seconds(60)), 10.0);
}

TEST(TokenBucketTest, InitialTokensClampedToCapacity) {
  EXPECT_DOUBLE_EQ(TokenBucket(Rate{1.0}, 5.0, Duration(0), 20.0).tokens(Duration(0)), 5.0);
}

TEST(TokenBucketTest, TakeNeedsWholeTokens) {
  TokenBucket bucket(Rate{2.0}, 10.0, Duration(0), 0.0);
  EXPECT_FALSE(bucket.try_take(Duration(0)));
  EXPECT_FALSE(bucket.try_take(Duration(499)));
  EXPECT_TRUE(bucket.try_take(Duration(500)));
  EXPECT_DOUBLE_EQ(bucket.tokens(Duration(500)), 0.0);
  EXPECT_FALSE(bucket.try_take(Duration(900), 2.0));
  EXPECT_TRUE(bucket.try_take(Duration(1000)));
}

/// A rate, and the exact whole-millisecond wait from an empty bucket to `tokens_needed` tokens.
struct WaitCase {
  Rate rate;
  double tokens_needed;
  Duration expected_wait;
};

class TokenBucketWaitTest : public ::testing::TestWithParam<WaitCase> {};

TEST_P(TokenBucketWaitTest, WaitIsSmallestWholeMillisecondThatSucceeds) {
  const WaitCase c = GetParam();
  const Duration start = seconds(100);
  TokenBucket bucket(c.rate, 10.0, start, 0.0);
  const Duration wait = bucket.time_until_available(start, c.tokens_needed);
  EXPECT_EQ(wait, c.expected_wait);
  TokenBucket early = bucket;
  EXPECT_FALSE(early.try_take(start + wait - Duration(1), c.tokens_needed));
  EXPECT_TRUE(bucket.try_take(start + wait, c.tokens_needed));
}

INSTANTIATE_TEST_SUITE_P(Rates, TokenBucketWaitTest,
                         ::testing::Values(WaitCase{Rate{2.0}, 1.0, Duration(500)},
                                           WaitCase{Rate{3.0}, 1.0, Duration(334)},  // 333.3 ms rounds up
                                           WaitCase{Rate::per_hour(500), 1.0, Duration(7200)},
                                           WaitCase{Rate::per_hour(3600), 3.0, seconds(3)}));

TEST(TokenBucketTest, NoWaitWhenTokensAreThere) {
  const TokenBucket bucket(Rate{1.0}, 5.0, Duration(0), 2.0);
  EXPECT_EQ(bucket.time_until_available(Duration(0), 2.0), Duration(0));
  EXPECT_EQ(bucket.time_until_available(Duration(0), 3.0), seconds(1));
}

TEST(TokenBucketTest, ZeroRateNeverRefills) {
  TokenBucket bucket(Rate{0.0}, 5.0, Duration(0), 2.0);
  EXPECT_TRUE(bucket.try_take(Duration(0), 2.0));
  EXPECT_DOUBLE_EQ(bucket.tokens(kDay), 0.0);
  EXPECT_FALSE(bucket.try_take(kDay));
  EXPECT_EQ(bucket.time_until_available(kDay), kLongestSpan);  // now + wait still fits
}

// 1e-16/s is one token per 1e19 ms, beyond int64 milliseconds: the wait was cast from 1e19 (undefined
// behaviour), then searched 1 ms at a time, which never ended. It saturates now, at once.
TEST(TokenBucketTest, WaitBeyondTheTimeTypeSaturatesAtOnce) {
  const auto started = std::chrono::steady_clock::now();
  for (const double per_second : {1e-16, 1e-300}) {
    const TokenBucket bucket(Rate{per_second}, 1.0, kDay, 0.0);
    EXPECT_EQ(bucket.time_until_available(kDay), kLongestSpan) << per_second;
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

// Waits that fit but are too long for a double to tell milliseconds apart keep the closed form.
TEST(TokenBucketTest, VeryLongWaitThatFitsIsTheClosedForm) {
  const TokenBucket bucket(Rate{1e-15}, 1.0, Duration(0), 0.0);
  const Duration wait = bucket.time_until_available(Duration(0));
  EXPECT_NEAR(static_cast<double>(wait.count()), 1e18, 1e18 * 1e-12);
}

TEST(TokenBucketTest, ReconfigureKeepsTokensEarnedAtOldRate) {
  TokenBucket bucket(Rate{1.0}, 10.0, Duration(0), 0.0);
  bucket.reconfigure(Rate{2.0}, 10.0, seconds(4));  // 4 tokens earned at 1/s
  EXPECT_DOUBLE_EQ(bucket.tokens(seconds(4)), 4.0);
  EXPECT_DOUBLE_EQ(bucket.tokens(seconds(5)), 6.0);  // then 2/s
  EXPECT_DOUBLE_EQ(bucket.rate().per_second, 2.0);
}

TEST(TokenBucketTest, ReconfigureClampsToNewCapacity) {
  TokenBucket bucket(Rate{1.0}, 10.0, Duration(0), 0.0);
  bucket.reconfigure(Rate{0.5}, 3.0, seconds(8));
  EXPECT_DOUBLE_EQ(bucket.capacity(), 3.0);
  EXPECT_DOUBLE_EQ(bucket.tokens(seconds(8)), 3.0);
  EXPECT_DOUBLE_EQ(bucket.tokens(seconds(100)), 3.0);
}

}  // namespace
}  // namespace delivsim
