#include "sim/output/duration_format.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

struct DurationCase {
  double seconds;
  std::string written;
};

class Elapsed : public ::testing::TestWithParam<DurationCase> {};

TEST_P(Elapsed, UsesTheTwoLargestUnits) {
  EXPECT_EQ(format_elapsed(GetParam().seconds), GetParam().written);
}

INSTANTIATE_TEST_SUITE_P(Values, Elapsed,
                         ::testing::Values(DurationCase{0, "0s"}, DurationCase{42.4, "42s"},
                                           DurationCase{725, "12m 5s"}, DurationCase{3599.6, "1h 0m"},
                                           DurationCase{15120, "4h 12m"}, DurationCase{86399, "1d 0h"},
                                           DurationCase{273600, "3d 4h"},
                                           DurationCase{3600 * 24 * 10, "10d 0h"}));

class ShortDuration : public ::testing::TestWithParam<DurationCase> {};

TEST_P(ShortDuration, UsesTheLargestWholeUnit) {
  EXPECT_EQ(format_short_duration(GetParam().seconds), GetParam().written);
}

INSTANTIATE_TEST_SUITE_P(Values, ShortDuration,
                         ::testing::Values(DurationCase{0.3, "0.3s"}, DurationCase{12.4, "12s"},
                                           DurationCase{2700, "45m"}, DurationCase{15120, "4.2h"},
                                           DurationCase{129600, "1.5d"}));

class ExactElapsed : public ::testing::TestWithParam<DurationCase> {};

TEST_P(ExactElapsed, KeepsEveryUnitDownToTheMillisecond) {
  EXPECT_EQ(format_exact_elapsed(GetParam().seconds), GetParam().written);
}

INSTANTIATE_TEST_SUITE_P(Values, ExactElapsed,
                         ::testing::Values(DurationCase{0, "0s"}, DurationCase{0.125, "0.125s"},
                                           DurationCase{4.5, "4.5s"}, DurationCase{60, "1m"},
                                           DurationCase{7205, "2h 5s"},
                                           DurationCase{93784.5, "1d 2h 3m 4.5s"},
                                           DurationCase{-3599.6, "59m 59.6s"},
                                           DurationCase{86400 * 3, "3d"}));

}  // namespace
}  // namespace delivsim
