#include "sim/output/judging_provider.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

RunResult run_with(const std::vector<std::string>& names) {
  RunResult run;
  for (const std::string& name : names) {
    ProviderResult provider;
    provider.name = name;
    run.providers.push_back(provider);
  }
  return run;
}

struct RunJudgingCase {
  std::vector<std::string> providers;
  std::string expected;
};

class RunJudgingProviderTest : public ::testing::TestWithParam<RunJudgingCase> {};

/// A run from before profiles were recorded: a provider named after a profile that throttles by reputation
/// (gmail) judges.
TEST_P(RunJudgingProviderTest, ProviderNamedAfterAThrottlingProfileElseFirst) {
  EXPECT_EQ(judging_provider(run_with(GetParam().providers)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, RunJudgingProviderTest,
                         ::testing::Values(RunJudgingCase{{"gmail", "other"}, "gmail"},
                                           RunJudgingCase{{"other", "gmail"}, "gmail"},
                                           RunJudgingCase{{"generic", "google"}, "generic"},
                                           RunJudgingCase{{"corp", "rest"}, "corp"},
                                           RunJudgingCase{{"corp"}, "corp"}, RunJudgingCase{{}, ""}));

/// A run that records profiles is judged by them, whatever the providers are called.
TEST(RunJudgingProviderTest, RecordedProfileDecides) {
  RunResult run = run_with({"gmail", "corp"});
  run.providers[0].profile = "generic";
  run.providers[1].profile = "gmail";
  EXPECT_EQ(judging_provider(run), "corp");
  run.providers[1].profile = "generic";
  EXPECT_EQ(judging_provider(run), "gmail");  // no throttling profile: the first
}

}  // namespace
}  // namespace delivsim
