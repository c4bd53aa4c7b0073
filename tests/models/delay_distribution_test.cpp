#include "models/delay_distribution.h"

#include <gtest/gtest.h>

#include <cmath>

namespace delivsim {
namespace {

using Kind = DelayDistribution::Kind;

TEST(DelayDistributionTest, ConstantReturnsValueWithoutDrawing) {
  RandomEngine engine(7);
  RandomEngine untouched = engine;
  const DelayDistribution constant{Kind::Constant, Duration(1234), 0.0};
  EXPECT_EQ(sample(constant, engine), Duration(1234));
  EXPECT_EQ(engine(), untouched());  // no randomness consumed
  EXPECT_DOUBLE_EQ(mean_ms(constant), 1234.0);
}

// A lognormal with a huge sigma draws delays far beyond int64 milliseconds (llround of them was undefined);
// they saturate at the longest span, which any simulated time can still be moved by.
TEST(DelayDistributionTest, HugeDrawsSaturateAtTheLongestSpan) {
  RandomEngine engine(7);
  const DelayDistribution wild{Kind::Lognormal, std::chrono::hours(4), 1000.0};
  bool saturated = false;
  for (int i = 0; i < 100; ++i) {
    const Duration delay = sample(wild, engine);
    EXPECT_GE(delay, Duration(0));
    EXPECT_LE(delay, kLongestSpan);
    saturated = saturated || delay == kLongestSpan;
  }
  EXPECT_TRUE(saturated);
}

TEST(DelayDistributionTest, ClosedFormMeans) {
  EXPECT_DOUBLE_EQ(mean_ms({Kind::Exponential, Duration(500), 0.0}), 500.0);
  // Lognormal median 200 ms, sigma 0.5: mean = 200 * exp(0.125).
  EXPECT_DOUBLE_EQ(mean_ms({Kind::Lognormal, Duration(200), 0.5}), 200.0 * std::exp(0.125));
}

class DelaySampleMeanTest : public ::testing::TestWithParam<DelayDistribution> {};

TEST_P(DelaySampleMeanTest, SampleMeanMatchesClosedForm) {
  const DelayDistribution distribution = GetParam();
  RandomEngine engine(42);
  constexpr int kDraws = 100000;
  double sum_ms = 0.0;
  for (int i = 0; i < kDraws; ++i) {
    const Duration draw = sample(distribution, engine);
    ASSERT_GE(draw, Duration(0));
    sum_ms += static_cast<double>(draw.count());
  }
  // 1.5% covers > 4 standard errors for these distributions with 100k draws (plus rounding to whole ms).
  EXPECT_NEAR(sum_ms / kDraws, mean_ms(distribution), 0.015 * mean_ms(distribution));
}

INSTANTIATE_TEST_SUITE_P(Kinds, DelaySampleMeanTest,
                         ::testing::Values(DelayDistribution{Kind::Exponential, Duration(500), 0.0},
                                           DelayDistribution{Kind::Lognormal, Duration(200), 0.5},
                                           DelayDistribution{Kind::Lognormal, std::chrono::hours(4), 1.0}));

TEST(DelayDistributionTest, LognormalMedianIsValue) {
  RandomEngine engine(3);
  const DelayDistribution lognormal{Kind::Lognormal, Duration(300), 0.5};
  constexpr int kDraws = 20000;
  int below = 0;
  for (int i = 0; i < kDraws; ++i) below += sample(lognormal, engine) < Duration(300) ? 1 : 0;
  EXPECT_NEAR(static_cast<double>(below) / kDraws, 0.5, 0.02);
}

TEST(DelayDistributionTest, SameSeedSameDraws) {
  const DelayDistribution exponential{Kind::Exponential, Duration(1000), 0.0};
  RandomEngine a(11);
  RandomEngine b(11);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(sample(exponential, a), sample(exponential, b));
}

}  // namespace
}  // namespace delivsim
