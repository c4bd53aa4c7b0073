#include "sim/import/pmta_values.h"

#include <gtest/gtest.h>

#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

PmtaWord word(std::string text, int column = 5) {
  return PmtaWord{std::move(text), SourcePosition{"p.conf", 3, column}};
}

struct Conversion {
  const char* pmta;
  const char* delivsim;
};

class PmtaRate : public testing::TestWithParam<Conversion> {};

TEST_P(PmtaRate, ConvertsExactly) {
  EXPECT_EQ(pmta_rate(word(GetParam().pmta), "max-msg-rate"), GetParam().delivsim);
}

INSTANTIATE_TEST_SUITE_P(Cases, PmtaRate,
                         testing::Values(Conversion{"500/h", "500/h"}, Conversion{"500/hr", "500/h"},
                                         Conversion{"60/min", "60/m"}, Conversion{"2/sec", "2/s"},
                                         Conversion{"1000/day", "1000/d"}, Conversion{"100/5m", "20/m"},
                                         Conversion{"100/3h", "800/d"}, Conversion{"1/8h", "3/d"},
                                         Conversion{"3/2s", "90/m"}, Conversion{"1/64s", "1350/d"},
                                         Conversion{"1/256s", "0.00390625/s"}, Conversion{"500/1h", "500/h"},
                                         Conversion{"unlimited", "unlimited"}, Conversion{"0", "unlimited"}));

class PmtaDuration : public testing::TestWithParam<Conversion> {};

TEST_P(PmtaDuration, ConvertsExactly) {
  EXPECT_EQ(pmta_duration(word(GetParam().pmta), "retry-after"), GetParam().delivsim);
}

INSTANTIATE_TEST_SUITE_P(Cases, PmtaDuration,
                         testing::Values(Conversion{"10m", "10m"}, Conversion{"4d12h", "4d12h"},
                                         Conversion{"90m", "90m"}, Conversion{"30m1h", "1h30m"},
                                         Conversion{"45s", "45s"}, Conversion{"0", "0"}));

class PmtaBadValue : public testing::TestWithParam<const char*> {};

TEST_P(PmtaBadValue, IsAnErrorAtTheWord) {
  const std::string text = GetParam();
  const bool rate = text.find('/') != std::string::npos || text == "fast";
  try {
    if (rate) {
      pmta_rate(word(text, 9), "max-msg-rate");
    } else {
      pmta_duration(word(text, 9), "bounce-after");
    }
    FAIL() << "no error for " << text;
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.column, 9);
    EXPECT_EQ(e.field, rate ? "max-msg-rate" : "bounce-after");
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, PmtaBadValue,
                         testing::Values("fast", "500/w", "0/h", "100/0h", "100/7h", "10x", "m10",
                                         "99999999999999999999m", "1.5h"));

TEST(PmtaRetry, AListBecomesOffsetsFromTheFirstAttemptWhoseLastGapRepeats) {
  const YamlNode retry = pmta_retry(word("15m,30m,1h,2h,4h", 11), "retry-after");
  const YamlNode* list = retry.find("list");
  ASSERT_NE(list, nullptr);
  std::vector<std::string> offsets;
  for (const YamlNode& item : list->items) offsets.push_back(item.scalar);
  // PowerMTA waits 15m, then 30m, 1h, 2h, 4h, 4h, ...: attempts at 15m, 45m, 1h45m, 3h45m, 7h45m (+4h ...)
  EXPECT_EQ(offsets, (std::vector<std::string>{"15m", "45m", "1h45m", "3h45m", "7h45m"}));
  EXPECT_EQ(list->items[0].position.column, 11);
  EXPECT_EQ(list->items[2].position.column, 11 + 8);  // the "1h" in the config text
}

TEST(PmtaRetry, OneIntervalIsFixed) {
  const YamlNode retry = pmta_retry(word("10m"), "retry-after");
  ASSERT_NE(retry.find("fixed"), nullptr);
  EXPECT_EQ(retry.find("fixed")->scalar, "10m");
}

TEST(PmtaRetry, AnEmptyOrZeroIntervalIsAnError) {
  EXPECT_THROW(pmta_retry(word("10m,,20m"), "retry-after"), ScenarioError);
  EXPECT_THROW(pmta_retry(word("10m,0"), "retry-after"), ScenarioError);
}

TEST(PmtaRegex, SlashesAndFlagsBecomeRe2) {
  EXPECT_EQ(pmta_regex(word("/421[ -]4\\.7\\.28/"), "reply"), "421[ -]4\\.7\\.28");
  EXPECT_EQ(pmta_regex(word("/a\\/b/"), "reply"), "a/b");
  EXPECT_EQ(pmta_regex(word("/blocked/i"), "reply"), "(?i)blocked");
}

TEST(PmtaRegex, WhatRe2CannotTakeIsAnErrorAtTheRegex) {
  for (const char* bad : {"/(a)\\1/", "/a(?=b)/", "/unclosed", "/a/x"}) {
    try {
      pmta_regex(word(bad, 11), "reply");
      FAIL() << "no error for " << bad;
    } catch (const ScenarioError& e) {
      EXPECT_EQ(e.column, 11);
      EXPECT_EQ(e.field, "reply");
    }
  }
}

}  // namespace
}  // namespace delivsim
