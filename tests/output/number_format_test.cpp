#include "sim/output/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace delivsim {
namespace {

struct SignificantCase {
  double value;
  std::string written;  ///< format_significant(value)
  double rounded;       ///< round_significant(value)
};

class SignificantDigits : public ::testing::TestWithParam<SignificantCase> {};

TEST_P(SignificantDigits, WritesAndRoundsToSixDigits) {
  EXPECT_EQ(format_significant(GetParam().value), GetParam().written);
  EXPECT_EQ(round_significant(GetParam().value), GetParam().rounded);
}

INSTANTIATE_TEST_SUITE_P(Values, SignificantDigits,
                         ::testing::Values(SignificantCase{0.1234567, "0.123457", 0.123457},
                                           SignificantCase{400.0 / 1500.0, "0.266667", 0.266667},
                                           SignificantCase{86400, "86400", 86400},
                                           SignificantCase{1234567, "1.23457e+06", 1234570},
                                           SignificantCase{1.5e-7, "1.5e-07", 1.5e-7},
                                           SignificantCase{-2.5, "-2.5", -2.5}, SignificantCase{0, "0", 0}));

TEST(RoundSignificant, LeavesNonFiniteValuesAlone) {
  EXPECT_TRUE(std::isnan(round_significant(std::numeric_limits<double>::quiet_NaN())));
  EXPECT_EQ(round_significant(std::numeric_limits<double>::infinity()),
            std::numeric_limits<double>::infinity());
}

struct CountCase {
  std::int64_t value;
  std::string written;
};

class ThousandsSeparators : public ::testing::TestWithParam<CountCase> {};

TEST_P(ThousandsSeparators, GroupsDigitsByThree) {
  EXPECT_EQ(format_count(GetParam().value), GetParam().written);
}

INSTANTIATE_TEST_SUITE_P(Values, ThousandsSeparators,
                         ::testing::Values(CountCase{0, "0"}, CountCase{999, "999"}, CountCase{1000, "1,000"},
                                           CountCase{12345, "12,345"}, CountCase{1234567, "1,234,567"},
                                           CountCase{-1200, "-1,200"}, CountCase{-999, "-999"},
                                           CountCase{-100000, "-100,000"}));

TEST(FormatCountNoun, SingularForExactlyOneAndTheCountWithSeparators) {
  EXPECT_EQ(format_count_noun(1, "strategy", "strategies"), "1 strategy");
  EXPECT_EQ(format_count_noun(0, "strategy", "strategies"), "0 strategies");
  EXPECT_EQ(format_count_noun(2, "point", "points"), "2 points");
  EXPECT_EQ(format_count_noun(1200, "replication", "replications"), "1,200 replications");
}

TEST(FormatFixedGrouped, GroupsTheWholePartByThree) {
  EXPECT_EQ(format_fixed_grouped(10780, 1), "10,780.0");
  EXPECT_EQ(format_fixed_grouped(999.95, 1), "1,000.0");
  EXPECT_EQ(format_fixed_grouped(6465.94, 1), "6,465.9");
  EXPECT_EQ(format_fixed_grouped(-1234567.5, 2), "-1,234,567.50");
  EXPECT_EQ(format_fixed_grouped(999.4, 0), "999");
  EXPECT_EQ(format_fixed_grouped(-999.5, 1), "-999.5");
}

TEST(FormatPercent, ScalesAndRoundsToTheDecimalsAsked) {
  EXPECT_EQ(format_percent(0.1234, 1), "12.3%");
  EXPECT_EQ(format_percent(0.0042, 2), "0.42%");
  EXPECT_EQ(format_percent(0, 1), "0.0%");
}

TEST(FormatFixed, WritesExactlyTheDecimalsAsked) {
  EXPECT_EQ(format_fixed(0.3125, 2), "0.31");
  EXPECT_EQ(format_fixed(4.2, 1), "4.2");
  EXPECT_EQ(format_fixed(1e300, 0).size(), 301u);
}

}  // namespace
}  // namespace delivsim
