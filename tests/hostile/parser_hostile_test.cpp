// Issue 9 §2: a shared scenario must not hang or crash delivsim. Catastrophic regexes, regexes too large to
// compile, rates whose period does not fit the time type, and very large files each end quickly: a run, or
// exit 2 with the file, line and column.
#include <gtest/gtest.h>

#include <string>

#include "tests/hostile/hostile_runner.h"
#include "tests/test_id.h"

namespace delivsim::hostile {
namespace {

std::string test_name() {
  return delivsim::testing::current_test_id();
}

/// small_scenario with 20,000 recipients (so a new IP meets Gmail's deferrals) and `rule` as its only
/// reply-pattern rule; the rule is on line 18.
std::string scenario_with_rule(const std::string& rule) {
  return replaced(small_scenario(), "recipients: 2000", "recipients: 20000") +
         "sender:\n"
         "  defaults:\n"
         "    patterns:\n"
         "      - " +
         rule + "\n";
}

Limits quick(int seconds) {
  Limits limits;
  limits.wall = std::chrono::seconds(seconds);
  return limits;
}

TEST(ParserHostile, CatastrophicBacktrackingRegexDoesNotHang) {
  Sandbox box(test_name());
  box.write("s.yaml", scenario_with_rule("{regex: '^(.|.)*!', backoff: true}"));
  const Outcome r = box.run({"run", "s.yaml", "--out", "out", "-q"}, quick(30));
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_FALSE(r.timed_out);
}

TEST(ParserHostile, RegexOfSixteenThousandNestedGroupsIsRefusedNotACrash) {
  Sandbox box(test_name());
  const std::string pattern = std::string(16000, '(') + "4" + std::string(16000, ')');
  box.write("s.yaml", scenario_with_rule("{regex: '" + pattern + "', backoff: true}"));
  for (const char* command : {"validate", "run"}) {
    const Outcome r = box.run_file(command, "s.yaml", quick(20));
    EXPECT_EQ(r.exit_code, 2) << command << ": " << describe(r);
    EXPECT_NE(r.err.find("s.yaml:18:"), std::string::npos) << command << ": " << describe(r);
    EXPECT_LT(r.err_bytes, 4096u) << command << ": the pattern is echoed in full";
  }
}

TEST(ParserHostile, RateWhosePeriodDoesNotFitTheTimeTypeIsRefused) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario() +
                          "sender:\n"
                          "  defaults:\n"
                          "    max_msg_rate: 0.0000000000000001/s\n");
  for (const char* command : {"validate", "run"}) {
    const Outcome r = box.run_file(command, "s.yaml", quick(20));
    EXPECT_EQ(r.exit_code, 2) << command << ": " << describe(r);
    EXPECT_NE(r.err.find("s.yaml:17:19: error: sender.defaults.max_msg_rate"), std::string::npos)
        << command << ": " << describe(r);
  }
}

/// small_scenario plus a top-level mapping `x:` of `keys` keys, each line `  k<n>: 1`.
std::string scenario_with_keys(int keys) {
  std::string text = small_scenario() + "x:\n";
  text.reserve(text.size() + static_cast<std::size_t>(keys) * 16);
  for (int i = 0; i < keys; ++i) text += "  k" + std::to_string(i) + ": 1\n";
  return text;
}

TEST(ParserHostile, ManyKeysAreRefusedInLinearTime) {
  Sandbox box(test_name());
  box.write("s.yaml", scenario_with_keys(99'990));  // 790 KB: 147 s with a quadratic duplicate-key scan
  const Outcome r = box.run({"validate", "s.yaml"}, quick(10));
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_EQ(r.err.rfind("s.yaml:", 0), 0u) << describe(r);
  box.write("t.yaml", scenario_with_keys(90'000));
  const Outcome unknown = box.run({"validate", "t.yaml"}, quick(10));
  EXPECT_EQ(unknown.exit_code, 2) << describe(unknown);
  EXPECT_NE(unknown.err.find("t.yaml:15:1: error: x: unknown key 'x'"), std::string::npos)
      << describe(unknown);
}

TEST(ParserHostile, TenMegabyteScenariosAreParsedOrRefusedQuickly) {
  Sandbox box(test_name());
  box.write("keys.yaml", scenario_with_keys(800'000));
  box.write("text.yaml", small_scenario() + "description: '" + std::string(10 << 20, 'd') + "'\n");
  for (const char* file : {"keys.yaml", "text.yaml"}) {
    const Outcome r = box.run({"validate", file}, quick(10));
    EXPECT_FALSE(r.timed_out) << file << ": " << describe(r);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << file << ": " << describe(r);
    EXPECT_LT(r.err_bytes, 4096u) << file;
  }
}

}  // namespace
}  // namespace delivsim::hostile
