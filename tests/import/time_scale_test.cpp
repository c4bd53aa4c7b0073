// The time scale's arithmetic (sim/import/time_scale.h): K read exactly from decimal text, timers divided and
// rates multiplied as fractions, rounding only where asked, and the unit a whole amount is written in.
#include "sim/import/time_scale.h"

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

namespace delivsim {
namespace {

TEST(TimeScale, ReadsDecimalTextAsAReducedFraction) {
  EXPECT_EQ(parse_time_scale("0.000001").denominator, 1000000);  // the range's ends
  EXPECT_EQ(parse_time_scale("1000000000").numerator, 1000000000);
  const TimeScale k = parse_time_scale("3600");
  EXPECT_EQ(k.numerator, 3600);
  EXPECT_EQ(k.denominator, 1);
  EXPECT_EQ(k.text, "3600");
  const TimeScale half = parse_time_scale("0.5");
  EXPECT_EQ(half.numerator, 1);
  EXPECT_EQ(half.denominator, 2);
  const TimeScale fine = parse_time_scale("2.000125");
  EXPECT_EQ(fine.numerator, 16001);
  EXPECT_EQ(fine.denominator, 8000);
}

class BadTimeScale : public ::testing::TestWithParam<const char*> {};

TEST_P(BadTimeScale, IsRefusedWithTheReason) {
  EXPECT_THROW(parse_time_scale(GetParam()), std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(Texts, BadTimeScale,
                         ::testing::Values("", "0", "0.000", "-1", "1e3", "abc", "1.2.3", ".", "0.0000001",
                                           "1000000000.000001", "1000000001", "3600 "));

TEST(TimeScale, DividesAndMultipliesExactly) {
  const TimeScale k = parse_time_scale("3600");
  const Fraction timer = divided_by_scale(300, k);
  EXPECT_EQ(timer.numerator, 1);
  EXPECT_EQ(timer.denominator, 12);
  const Fraction rate = multiplied_by_scale(100, parse_time_scale("0.25"));
  EXPECT_TRUE(rate.whole());
  EXPECT_EQ(rate.numerator, 25);
  const Fraction longer = times(Fraction{1, 12}, 60);
  EXPECT_EQ(longer.numerator, 5);
  EXPECT_TRUE(longer.whole());
  EXPECT_THROW(multiplied_by_scale(std::int64_t{1} << 40, parse_time_scale("1000000000")),
               std::overflow_error);
}

TEST(TimeScale, RoundsToTheNearestAndKeepsAValueOn) {
  EXPECT_EQ(nearest_whole_at_least_one(Fraction{1, 12}), 1);  // 300s / 3600: on, at 1s
  EXPECT_EQ(nearest_whole_at_least_one(Fraction{10, 9}), 1);  // 4000s / 3600
  EXPECT_EQ(nearest_whole_at_least_one(Fraction{3, 2}), 2);   // halves up
  EXPECT_EQ(nearest_whole_at_least_one(Fraction{0, 1}), 0);   // off stays off
}

TEST(TimeScale, WritesTheLargestUnitThatDivides) {
  constexpr std::array<TimeUnit, 4> kUnits{{{"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1}}};
  EXPECT_EQ(whole_unit_text(5400, kUnits), "90m");
  EXPECT_EQ(whole_unit_text(108, kUnits), "108s");
  EXPECT_EQ(whole_unit_text(172800, kUnits), "2d");
  EXPECT_EQ(whole_unit_text(0, kUnits), "0s");
}

}  // namespace
}  // namespace delivsim
