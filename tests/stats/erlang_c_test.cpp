// Erlang C against values worked by hand from the textbook sum
// C(c, a) = (a^c / c! * c / (c - a)) / (sum_{k<c} a^k / k! + a^c / c! * c / (c - a)).
#include "sim/stats/erlang_c.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace delivsim {
namespace {

TEST(ErlangC, OneServerWaitsWithTheUtilisation) {
  // M/M/1: an arrival waits exactly when the server is busy, probability rho = a.
  EXPECT_DOUBLE_EQ(erlang_c_wait_probability(1, 0.5), 0.5);
  EXPECT_DOUBLE_EQ(erlang_c_wait_probability(1, 0.9), 0.9);
}

TEST(ErlangC, SmallServerCountsMatchTheSum) {
  // c = 2, a = 1: sum 1 + 1 = 2, top 1/2 * 2/1 = 1, so C = 1/3.
  EXPECT_NEAR(erlang_c_wait_probability(2, 1.0), 1.0 / 3.0, 1e-15);
  // c = 3, a = 2: sum 1 + 2 + 2 = 5, top 8/6 * 3/1 = 4, so C = 4/9.
  EXPECT_NEAR(erlang_c_wait_probability(3, 2.0), 4.0 / 9.0, 1e-15);
}

TEST(ErlangC, ManyServersStayFiniteWhereFactorialsOverflow) {
  // 200! overflows a double; the recursion does not. More servers at the same utilisation wait less.
  const double many = erlang_c_wait_probability(200, 180.0);
  EXPECT_GT(many, 0.0);
  EXPECT_LT(many, erlang_c_wait_probability(20, 18.0));
}

TEST(ErlangC, MeanTimeInSystemAddsTheMeanWaitToTheService) {
  // M/M/1 at lambda 0.9, mu 1: W = 1 / (mu - lambda) = 10.
  EXPECT_NEAR(mmc_mean_time_in_system(1, 0.9, 1.0), 10.0, 1e-12);
  // c = 2, lambda = mu = 1: W = 1 + (1/3) / (2 - 1).
  EXPECT_NEAR(mmc_mean_time_in_system(2, 1.0, 1.0), 4.0 / 3.0, 1e-15);
  // Time unit follows the rates: the same queue in minutes at rates per hour is 60 times longer.
  EXPECT_NEAR(mmc_mean_time_in_system(2, 1.0 / 60, 1.0 / 60), 80.0, 1e-12);
}

TEST(ErlangC, NoSteadyStateOrNoServerIsRefused) {
  EXPECT_THROW(erlang_c_wait_probability(0, 0.5), std::invalid_argument);
  EXPECT_THROW(erlang_c_wait_probability(2, 2.0), std::invalid_argument);
  EXPECT_THROW(erlang_c_wait_probability(2, 0.0), std::invalid_argument);
  EXPECT_THROW(mmc_mean_time_in_system(1, 1.0, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
