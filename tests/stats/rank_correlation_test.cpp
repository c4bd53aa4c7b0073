// Spearman's rank correlation against values computed by hand.
#include "sim/stats/rank_correlation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace delivsim {
namespace {

TEST(RankCorrelation, TiedValuesShareTheAverageOfTheirRanks) {
  const std::vector<double> values{20, 10, 30, 20, 20};
  // Sorted: 10 (rank 1), three 20s (ranks 2, 3, 4 -> 3 each), 30 (rank 5).
  EXPECT_EQ(average_ranks(values), (std::vector<double>{3, 1, 5, 3, 3}));
}

TEST(RankCorrelation, AMonotoneRelationIsPlusOrMinusOne) {
  const std::vector<double> x{1, 2, 3, 4, 5};
  const std::vector<double> rising{1, 8, 27, 64, 125};  // not linear, but every step goes up
  const std::vector<double> falling{9, 7, 5, 3, -100};
  EXPECT_DOUBLE_EQ(spearman_rank_correlation(x, rising), 1.0);
  EXPECT_DOUBLE_EQ(spearman_rank_correlation(x, falling), -1.0);
}

TEST(RankCorrelation, MatchesTheHandComputedRhoWithoutTies) {
  // Ranks of y: {2, 1, 4, 3, 5}; d = {-1, 1, -1, 1, 0}, sum d^2 = 4; rho = 1 - 6 * 4 / (5 * 24) = 0.8.
  const std::vector<double> x{1, 2, 3, 4, 5};
  const std::vector<double> y{0.2, 0.1, 0.4, 0.3, 0.5};
  EXPECT_NEAR(spearman_rank_correlation(x, y), 0.8, 1e-12);
}

TEST(RankCorrelation, MatchesTheHandComputedRhoWithTies) {
  // x ranks {1, 2, 3, 4}; y = {1, 2, 2, 3} ranks {1, 2.5, 2.5, 4}. Deviations from the mean 2.5:
  // x {-1.5, -0.5, 0.5, 1.5}, y {-1.5, 0, 0, 1.5}; sum xy = 4.5, sum xx = 5, sum yy = 4.5;
  // rho = 4.5 / sqrt(5 * 4.5) = sqrt(0.9).
  const std::vector<double> x{1, 2, 3, 4};
  const std::vector<double> y{1, 2, 2, 3};
  EXPECT_NEAR(spearman_rank_correlation(x, y), std::sqrt(0.9), 1e-12);
  EXPECT_NEAR(spearman_rank_correlation(y, x), std::sqrt(0.9), 1e-12);
}

TEST(RankCorrelation, AConstantOrTinySampleCorrelatesZero) {
  const std::vector<double> x{1, 2, 3};
  const std::vector<double> constant{4, 4, 4};
  EXPECT_EQ(spearman_rank_correlation(x, constant), 0.0);
  EXPECT_EQ(spearman_rank_correlation(constant, x), 0.0);
  const std::vector<double> one{1};
  EXPECT_EQ(spearman_rank_correlation(one, one), 0.0);
  const std::vector<double> none;
  EXPECT_EQ(spearman_rank_correlation(none, none), 0.0);
}

TEST(RankCorrelation, SamplesOfDifferentSizesAreRefused) {
  const std::vector<double> two{1, 2};
  const std::vector<double> three{1, 2, 3};
  EXPECT_THROW(spearman_rank_correlation(two, three), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
