// `providers.<name>.profile` and `reply_texts` are chosen from the profile table (models/provider_profile.h),
// and the judging provider of a scenario follows judging_index().
#include <gtest/gtest.h>

#include "tests/scenario_error_of.h"

#include "sim/scenario/judging_provider.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

/// A minimal scenario with `providers_block` (the YAML under `providers:`, indented by two) appended.
std::string with_providers(const std::string& providers_block) {
  std::string text = "identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}\n";
  text += "pools: {main: [192.0.2.1]}\n";
  text += "traffic: [{name: t, pool: main, dkim_domain: example.com, campaign: {recipients: 1}}]\n";
  if (!providers_block.empty()) text += "providers:\n" + providers_block;
  return text;
}

TEST(ProviderProfileChoiceTest, UnknownProfileListsTheTableWithAHint) {
  const ScenarioError error =
      testing::scenario_error_of(with_providers("  gmail: {profile: gmial, domains: [gmail.com]}\n"
                                                "  other: {profile: generic, domains: ['*']}\n"));
  EXPECT_EQ(error.field, "providers.gmail.profile");
  EXPECT_EQ(error.problem, "'gmial' is not one of the choices");
  std::string listed;
  for (const ProviderProfile& profile : provider_profiles())
    listed += (listed.empty() ? "" : " or ") + profile.name;
  EXPECT_EQ(error.expected, listed);
  EXPECT_EQ(error.hint, "gmail");
}

TEST(ProviderProfileChoiceTest, ReplyTextsOfAnotherProfileNameIt) {
  const ScenarioError error = testing::scenario_error_of(
      with_providers("  gmail: {profile: gmail, domains: [gmail.com]}\n"
                     "  other: {profile: generic, domains: ['*'], reply_texts: legacy}\n"));
  EXPECT_EQ(error.field, "providers.other.reply_texts");
  EXPECT_EQ(error.problem, "'legacy' is for the gmail or microsoft or yahoo profile only");
  EXPECT_EQ(error.expected, "current (a generic provider has one set of texts)");
}

TEST(ProviderProfileChoiceTest, MisspeltReplyTextsListTheProfilesOwnWithAHint) {
  const ScenarioError error = testing::scenario_error_of(
      with_providers("  gmail: {profile: gmail, domains: [gmail.com], reply_texts: legasy}\n"));
  EXPECT_EQ(error.field, "providers.gmail.reply_texts");
  EXPECT_EQ(error.problem, "'legasy' is not one of the choices");
  EXPECT_EQ(error.expected, "current or legacy");
  EXPECT_EQ(error.hint, "legacy");
}

TEST(ProviderProfileChoiceTest, ANewProviderNeedsAProfileFromTheTable) {
  const ScenarioError error =
      testing::scenario_error_of(with_providers("  corp: {domains: [corp.example]}\n"));
  EXPECT_EQ(error.field, "providers.corp");
  EXPECT_EQ(
      error.expected,
      "a profile (gmail or microsoft or yahoo or generic) and domains, or the name of a default provider");
}

TEST(ProviderProfileChoiceTest, MicrosoftsReplyTextsAreItsOwn) {
  const ScenarioError error = testing::scenario_error_of(
      with_providers("  gmail: {profile: gmail, domains: [gmail.com]}\n"
                     "  ms: {profile: microsoft, domains: [outlook.com], reply_texts: network-block}\n"));
  EXPECT_EQ(error.field, "providers.ms.reply_texts");
  EXPECT_EQ(error.expected, "current or legacy or network_block or s3114");
  EXPECT_EQ(error.hint, "network_block");
  const Scenario scenario = parse_scenario(
      with_providers("  gmail: {profile: gmail, domains: [gmail.com]}\n"
                     "  ms: {profile: microsoft, domains: [outlook.com], reply_texts: s3114}\n"),
      "t.yaml");
  EXPECT_EQ(scenario.providers.at(1).reply_texts,
            find_provider_profile("microsoft")->find_reply_texts("s3114"));
}

TEST(ProviderProfileChoiceTest, ChosenProfileAndTextsAreTheTablesEntries) {
  const Scenario scenario =
      parse_scenario(with_providers("  gmail: {profile: gmail, domains: [gmail.com], reply_texts: legacy}\n"
                                    "  corp: {profile: generic, domains: ['*']}\n"),
                     "t.yaml");
  ASSERT_EQ(scenario.providers.size(), 2u);
  EXPECT_EQ(scenario.providers[0].profile, find_provider_profile("gmail"));
  EXPECT_EQ(scenario.providers[0].reply_texts, find_provider_profile("gmail")->find_reply_texts("legacy"));
  EXPECT_EQ(scenario.providers[1].profile, find_provider_profile("generic"));
  EXPECT_EQ(scenario.providers[1].reply_texts, &find_provider_profile("generic")->reply_texts.front());
}

TEST(ProviderProfileChoiceTest, DefaultProvidersAreTheDefaultSetInTableOrder) {
  const Scenario scenario = parse_scenario(with_providers(""), "t.yaml");
  std::vector<const ProviderProfile*> expected;
  for (const ProviderProfile& profile : provider_profiles()) {
    if (!profile.default_provider.empty()) expected.push_back(&profile);
  }
  ASSERT_EQ(scenario.providers.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(scenario.providers[i].profile, expected[i]);
    EXPECT_EQ(scenario.providers[i].name, expected[i]->default_provider);
    EXPECT_EQ(scenario.providers[i].domains, expected[i]->domains);
    EXPECT_EQ(scenario.providers[i].reply_texts, &expected[i]->reply_texts.front());
  }
}

struct JudgingCase {
  std::string name;
  std::string providers_block;
  std::string expected;
};

class ScenarioJudgingProviderTest : public ::testing::TestWithParam<JudgingCase> {};

TEST_P(ScenarioJudgingProviderTest, FirstThatThrottlesByReputationElseFirst) {
  const Scenario scenario = parse_scenario(with_providers(GetParam().providers_block), "t.yaml");
  ASSERT_NE(judging_provider(scenario), nullptr);
  EXPECT_EQ(judging_provider(scenario)->name, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, ScenarioJudgingProviderTest,
                         ::testing::Values(JudgingCase{"defaults", "", "gmail"},
                                           JudgingCase{"gmail_profile_not_first",
                                                       "  corp: {profile: generic, domains: [corp.example]}\n"
                                                       "  google: {profile: gmail, domains: [gmail.com]}\n"
                                                       "  rest: {profile: generic, domains: ['*']}\n",
                                                       "google"},
                                           JudgingCase{"generic_only",
                                                       "  corp: {profile: generic, domains: [corp.example]}\n"
                                                       "  rest: {profile: generic, domains: ['*']}\n",
                                                       "corp"},
                                           JudgingCase{"a_generic_provider_named_gmail",
                                                       "  gmail: {profile: generic, domains: [gmail.com]}\n"
                                                       "  google: {profile: gmail, domains: ['*']}\n",
                                                       "google"}),
                         [](const ::testing::TestParamInfo<JudgingCase>& info) { return info.param.name; });

TEST(ScenarioJudgingProviderTest, NoneWithoutProviders) {
  EXPECT_EQ(judging_provider(Scenario{}), nullptr);
}

}  // namespace
}  // namespace delivsim
