#include "sim/kernel/nearest_rank.h"

#include <gtest/gtest.h>

namespace delivsim::kernel {
namespace {

TEST(NearestRank, CeilingOfFractionTimesCountWithinOneToCount) {
  EXPECT_EQ(nearest_rank(0.50, 4), 2u);      // ceil(2.0)
  EXPECT_EQ(nearest_rank(0.50, 5), 3u);      // ceil(2.5)
  EXPECT_EQ(nearest_rank(0.95, 20), 19u);    // ceil(19.0)
  EXPECT_EQ(nearest_rank(0.99, 101), 100u);  // ceil(99.99)
  EXPECT_EQ(nearest_rank(0.99, 1), 1u);
  EXPECT_EQ(nearest_rank(0.0, 10), 1u);  // at least the first value
  EXPECT_EQ(nearest_rank(1.0, 10), 10u);
}

}  // namespace
}  // namespace delivsim::kernel
