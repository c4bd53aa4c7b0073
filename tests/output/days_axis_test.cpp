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

}  // namespace
}  // namespace delivsim
