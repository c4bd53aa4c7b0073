#include "sim/scenario/units_parse.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace delivsim {
namespace {

struct DurationCase {
  std::string text;
  Duration expected;
};

class ParseDurationTest : public ::testing::TestWithParam<DurationCase> {};

TEST_P(ParseDurationTest, GivesTheExpectedMilliseconds) {
  EXPECT_EQ(parse_duration(GetParam().text), GetParam().expected);
}

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

INSTANTIATE_TEST_SUITE_P(Units, ParseDurationTest,
                         ::testing::Values(DurationCase{"0", Duration{0}}, DurationCase{"0m", Duration{0}},
                                           DurationCase{"250ms", Duration{250}},
                                           DurationCase{"90s", seconds(90)}, DurationCase{"30m", minutes(30)},
                                           DurationCase{"4h", hours(4)}, DurationCase{"2d", days(2)},
                                           DurationCase{"1w", days(7)}, DurationCase{"4d12h", hours(108)},
                                           DurationCase{"1h30m", minutes(90)},
                                           DurationCase{"1d2h3m4s5ms", Duration{93784005}},
                                           DurationCase{"007s", seconds(7)},
                                           // the longest duration: kLongestSpan, 2^62 milliseconds
                                           DurationCase{"4611686018427387904ms", kLongestSpan},
                                           DurationCase{"53375995583d15h36m27s904ms", kLongestSpan}));

class ParseDurationRejectsTest : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(ParseDurationRejectsTest, ThrowsInvalidArgumentNamingTheProblem) {
  const auto& [text, problem] = GetParam();
  try {
    parse_duration(text);
    FAIL() << "accepted '" << text << "'";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find(problem), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("'" + text + "'"), std::string::npos) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    BadText, ParseDurationRejectsTest,
    ::testing::Values(std::pair{"", "empty"}, std::pair{"-5m", "negative"}, std::pair{"5", "no unit"},
                      std::pair{"m", "number"}, std::pair{"4x", "unknown unit 'x'"},
                      std::pair{"4hours", "unknown unit 'hours'"}, std::pair{"1.5h", "whole number"},
                      std::pair{"30m1h", "smaller unit before a larger"}, std::pair{"1h1h", "repeats"},
                      std::pair{"1h 30m", "number"}, std::pair{" 1h", "number"},
                      std::pair{"99999999999999d", "too large"},
                      std::pair{"9223372036854775808ms", "too large"},
                      std::pair{"106751991168d", "too large"}, std::pair{"106751991167d8h", "too large"},
                      std::pair{"99999999999999999999999s", "too large"}));

struct RateCase {
  std::string text;
  double per_second;
};

class ParseRateTest : public ::testing::TestWithParam<RateCase> {};

TEST_P(ParseRateTest, GivesTheExpectedPerSecondRate) {
  EXPECT_DOUBLE_EQ(parse_rate(GetParam().text).per_second, GetParam().per_second);
}

INSTANTIATE_TEST_SUITE_P(Units, ParseRateTest,
                         ::testing::Values(RateCase{"500/h", 500.0 / 3600}, RateCase{"10/m", 10.0 / 60},
                                           RateCase{"10/min", 10.0 / 60}, RateCase{"2/s", 2.0},
                                           RateCase{"50000/d", 50000.0 / 86400},
                                           RateCase{"1.5/h", 1.5 / 3600}, RateCase{"1e3/h", 1000.0 / 3600}));

class ParseRateRejectsTest : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(ParseRateRejectsTest, ThrowsInvalidArgumentNamingTheProblem) {
  const auto& [text, problem] = GetParam();
  try {
    parse_rate(text);
    FAIL() << "accepted '" << text << "'";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find(problem), std::string::npos) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(BadText, ParseRateRejectsTest,
                         ::testing::Values(std::pair{"500", "no '/unit'"}, std::pair{"0/h", "zero"},
                                           std::pair{"-5/h", "negative"}, std::pair{"inf/h", "not finite"},
                                           std::pair{"nan/h", "not finite"},
                                           std::pair{"1e999/h", "too large"}, std::pair{"/h", "number"},
                                           std::pair{"five/h", "number"},
                                           std::pair{"5/hour", "unknown unit 'hour'"},
                                           std::pair{"5/", "unknown unit ''"}, std::pair{"5 /h", "number"},
                                           // periods beyond int64 milliseconds (one per 1e19 ms, ...)
                                           std::pair{"1e-16/s", "too slow"}, std::pair{"1e-12/d", "too slow"},
                                           std::pair{"1e-400/s", "out of range"}));

TEST(SlowestRateTest, AcceptsTheSlowestRateWhosePeriodFits) {
  EXPECT_DOUBLE_EQ(parse_rate("3e-16/s").per_second, 3e-16);   // one per 3.3e18 ms, below 2^62
  EXPECT_THROW(parse_rate("2e-16/s"), std::invalid_argument);  // one per 5e18 ms, above 2^62
}

TEST(LongestDurationTest, OneMillisecondMoreIsTooLarge) {
  EXPECT_THROW(parse_duration("4611686018427387905ms"), std::invalid_argument);
  EXPECT_THROW(parse_duration("53375995583d15h36m27s905ms"), std::invalid_argument);
}
TEST(DurationTextTest, ReadsBackExactly) {
  for (const Duration duration :
       {Duration(0), Duration(250), Duration(std::chrono::minutes(90)), Duration(std::chrono::hours(108)),
        Duration(std::chrono::seconds(86461)), Duration(std::chrono::hours(24 * 14))}) {
    EXPECT_EQ(parse_duration(duration_text(duration)), duration) << duration_text(duration);
  }
}

TEST(DurationTextTest, WritesLargestUnitsFirstAndSkipsZeros) {
  EXPECT_EQ(duration_text(Duration(0)), "0");
  EXPECT_EQ(duration_text(std::chrono::hours(108)), "4d12h");
  EXPECT_EQ(duration_text(std::chrono::minutes(90)), "1h30m");
  EXPECT_EQ(duration_text(std::chrono::seconds(86461)), "1d1m1s");
  EXPECT_EQ(duration_text(Duration(250)), "250ms");
  EXPECT_EQ(duration_text(std::chrono::hours(24 * 14)), "14d");
}

}  // namespace
}  // namespace delivsim
