#include "sim/import/kumomta_values.h"
#include "sim/import/scenario_duration_text.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace delivsim {
namespace {

struct ThrottleCase {
  const char* kumo;
  const char* delivsim;
  bool local;
};

class KumoThrottleText : public ::testing::TestWithParam<ThrottleCase> {};

TEST_P(KumoThrottleText, ConvertsExactly) {
  const KumoThrottle throttle = parse_kumo_throttle(GetParam().kumo);
  EXPECT_EQ(rate_text(throttle), GetParam().delivsim);
  EXPECT_EQ(throttle.local, GetParam().local);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, KumoThrottleText,
    ::testing::Values(ThrottleCase{"100/min", "100/m", false}, ThrottleCase{"100/s", "100/s", false},
                      ThrottleCase{"10/sec", "10/s", false}, ThrottleCase{"10/second", "10/s", false},
                      ThrottleCase{"1/minute", "1/m", false}, ThrottleCase{"2/hr", "2/h", false},
                      ThrottleCase{"10000/h", "10000/h", false}, ThrottleCase{"1,000/hour", "1000/h", false},
                      ThrottleCase{"10_000/d", "10000/d", false},
                      ThrottleCase{"10,000/day", "10000/d", false}, ThrottleCase{"local:5/s", "5/s", true}));

TEST(KumoThrottle, ReadsMaxBurst) {
  const KumoThrottle throttle = parse_kumo_throttle("100/day,max_burst=1");
  EXPECT_EQ(rate_text(throttle), "100/d");
  ASSERT_TRUE(throttle.max_burst.has_value());
  EXPECT_EQ(*throttle.max_burst, 1);
}

TEST(KumoThrottle, RefusesWhatKumoRefuses) {
  for (const char* text : {"0/s", "three/hour", "100/our", "100", "/h", "100/", "99999999999999999999/h"})
    EXPECT_THROW(parse_kumo_throttle(text), std::invalid_argument) << text;
}

TEST(KumoDuration, ReadsHumantimeForms) {
  EXPECT_EQ(parse_kumo_duration_ms("90m"), 90 * 60'000);
  EXPECT_EQ(parse_kumo_duration_ms("2 hours"), 2 * 3'600'000);
  EXPECT_EQ(parse_kumo_duration_ms("5 minutes"), 5 * 60'000);
  EXPECT_EQ(parse_kumo_duration_ms("3 days"), 3 * 86'400'000LL);
  EXPECT_EQ(parse_kumo_duration_ms("1h 30m"), 90 * 60'000);
  EXPECT_EQ(parse_kumo_duration_ms("60s"), 60'000);
  EXPECT_EQ(parse_kumo_duration_ms("1 week"), 7 * 86'400'000LL);
  EXPECT_EQ(parse_kumo_duration_ms("250ms"), 250);
}

TEST(KumoDuration, RefusesBadText) {
  for (const char* text : {"", "hours", "5", "5 parsecs", "1 month", "2y", "0s", "999999999999999999d"})
    EXPECT_THROW(parse_kumo_duration_ms(text), std::invalid_argument) << text;
}

TEST(KumoDuration, WrittenInScenarioSyntax) {
  EXPECT_EQ(scenario_duration_text(90 * 60'000), "1h30m");
  EXPECT_EQ(scenario_duration_text(2 * 3'600'000), "2h");
  EXPECT_EQ(scenario_duration_text(4 * 86'400'000LL + 12 * 3'600'000), "4d12h");
  EXPECT_EQ(scenario_duration_text(1500), "1s500ms");
}

TEST(KumoLimit, ReadsTextForms) {
  EXPECT_EQ(parse_kumo_limit("local:5").count, 5);
  EXPECT_TRUE(parse_kumo_limit("local:5").local);
  EXPECT_EQ(parse_kumo_limit("1,000").count, 1000);
  EXPECT_EQ(parse_kumo_limit("1_000").count, 1000);
  EXPECT_FALSE(parse_kumo_limit("7").local);
  for (const char* text : {"local:", "x", "0", "-3", "5/s"})
    EXPECT_THROW(parse_kumo_limit(text), std::invalid_argument) << text;
}

}  // namespace
}  // namespace delivsim
