#include "sim/output/days_axis.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

/// A span of simulated time and whether charts over it show days.
struct SpanCase {
  double span_s;
  bool days;
};

class DaysAxis : public ::testing::TestWithParam<SpanCase> {};

TEST_P(DaysAxis, IsForRunsLongerThanThreeDays) {
  EXPECT_EQ(time_axis_in_days(GetParam().span_s), GetParam().days) << GetParam().span_s << " s";
}

INSTANTIATE_TEST_SUITE_P(Spans, DaysAxis,
                         ::testing::Values(SpanCase{0, false}, SpanCase{86400, false},
                                           SpanCase{2 * 86400 + 3600, false}, SpanCase{3 * 86400, false},
                                           SpanCase{3 * 86400 + 0.001, true}, SpanCase{4 * 86400, true},
                                           SpanCase{28 * 86400, true}));

// The first whole step giving at most 8 ticks; past the largest, its smallest multiple that does.
TEST(TimeTickStep, FirstWholeStepWithAtMostEightTicks) {
  EXPECT_EQ(time_tick_step(1, false), 1);
  EXPECT_EQ(time_tick_step(8, false), 1);
  EXPECT_EQ(time_tick_step(9, false), 2);
  EXPECT_EQ(time_tick_step(72, false), 12);
  EXPECT_EQ(time_tick_step(0.5, true), 0.25);
  EXPECT_EQ(time_tick_step(3.5, true), 0.5);
  EXPECT_EQ(time_tick_step(30, true), 7);
  EXPECT_EQ(time_tick_step(365, true), 56);
  EXPECT_EQ(time_tick_step(728, true), 91);
  EXPECT_EQ(time_tick_step(729, true), 182);
}

}  // namespace
}  // namespace delivsim
