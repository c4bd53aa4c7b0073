// Sample statistics against values computed by hand.
#include "sim/stats/sample_statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace delivsim {
namespace {

TEST(SampleStatistics, MeanSdMinMaxOfASmallSample) {
  // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sd = sqrt(32 / 7).
  const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
  const SampleStats stats = sample_stats(values);
  EXPECT_EQ(stats.count, 8u);
  EXPECT_DOUBLE_EQ(stats.mean, 5.0);
  EXPECT_DOUBLE_EQ(stats.sd, std::sqrt(32.0 / 7.0));
  EXPECT_DOUBLE_EQ(stats.min, 2.0);
  EXPECT_DOUBLE_EQ(stats.max, 9.0);
  // Ranks 0.35, 3.5 and 6.65 of the sorted values.
  EXPECT_DOUBLE_EQ(stats.p5, 2.0 + 0.35 * 2.0);
  EXPECT_DOUBLE_EQ(stats.p50, 4.5);
  EXPECT_DOUBLE_EQ(stats.p95, 7.0 + 0.65 * 2.0);
}

TEST(SampleStatistics, PercentileType7InterpolatesBetweenOrderStatistics) {
  const std::vector<double> values{4, 1, 3, 2};      // unsorted on purpose
  EXPECT_DOUBLE_EQ(percentile(values, 0.95), 3.85);  // rank 2.85: 3 + 0.85 * (4 - 3)
  EXPECT_DOUBLE_EQ(percentile(values, 0.05), 1.15);  // rank 0.15
  EXPECT_DOUBLE_EQ(percentile(values, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(percentile(values, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(percentile(values, 1.0), 4.0);
}

TEST(SampleStatistics, PercentileRanksInfinityLastAndStaysFiniteBelowIt) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> values{inf, 1, 2};
  EXPECT_DOUBLE_EQ(percentile(values, 0.5), 2.0);  // rank 1 exactly: the finite order statistic
  EXPECT_DOUBLE_EQ(percentile(values, 0.25), 1.5);
  EXPECT_EQ(percentile(values, 0.75), inf);
}

TEST(SampleStatistics, ASingleValueIsEveryStatisticWithSdZero) {
  const std::vector<double> values{7.5};
  const SampleStats stats = sample_stats(values);
  EXPECT_EQ(stats.count, 1u);
  EXPECT_DOUBLE_EQ(stats.mean, 7.5);
  EXPECT_DOUBLE_EQ(stats.sd, 0.0);
  for (double p : {stats.min, stats.max, stats.p5, stats.p50, stats.p95}) EXPECT_DOUBLE_EQ(p, 7.5);
}

TEST(SampleStatistics, EmptySampleAndBadQuantileAreRefused) {
  const std::vector<double> none;
  const std::vector<double> one{1};
  EXPECT_THROW(sample_stats(none), std::invalid_argument);
  EXPECT_THROW(percentile(none, 0.5), std::invalid_argument);
  EXPECT_THROW(percentile(one, 1.5), std::invalid_argument);
  EXPECT_THROW(percentile(one, std::nan("")), std::invalid_argument);
}

TEST(SampleStatistics, PairedDifferenceHasAStudentTConfidenceInterval) {
  // Differences {1, 2, 3}: mean 2, sd 1, t(0.975, 2 df) = 4.302653.
  const std::vector<double> baseline{10, 20, 30};
  const std::vector<double> other{11, 22, 33};
  const PairedDifference difference = paired_difference(baseline, other);
  EXPECT_EQ(difference.count, 3u);
  EXPECT_DOUBLE_EQ(difference.mean, 2.0);
  const double half_width = 4.302653 / std::sqrt(3.0);
  ASSERT_TRUE(difference.ci95_low && difference.ci95_high);
  EXPECT_NEAR(*difference.ci95_low, 2.0 - half_width, 1e-6);
  EXPECT_NEAR(*difference.ci95_high, 2.0 + half_width, 1e-6);
}

TEST(SampleStatistics, PairedDifferenceOfOnePairHasNoInterval) {
  const std::vector<double> baseline{1.5};
  const std::vector<double> other{4.0};
  const PairedDifference difference = paired_difference(baseline, other);
  EXPECT_EQ(difference.count, 1u);
  EXPECT_DOUBLE_EQ(difference.mean, 2.5);
  EXPECT_FALSE(difference.ci95_low);
  EXPECT_FALSE(difference.ci95_high);
}

TEST(SampleStatistics, PairedDifferenceNeedsEqualNonEmptySamples) {
  const std::vector<double> two{1, 2};
  const std::vector<double> three{1, 2, 3};
  const std::vector<double> none;
  EXPECT_THROW(paired_difference(two, three), std::invalid_argument);
  EXPECT_THROW(paired_difference(none, none), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
