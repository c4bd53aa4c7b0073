// KumoMTA automation rules as pattern rules: one test per action, trigger and regex conversion.
#include <gtest/gtest.h>

#include "tests/import/kumomta_test_support.h"

namespace delivsim {
namespace {

using test::import_text;
using test::node_at;
using test::warning_places;

/// A yahoo.com section with one rule whose action is `action` and whose duration is "2 hours".
ImportedConfig with_action(const std::string& action, const std::string& extra = "") {
  return import_text(
      "[\"yahoo.com\"]\nconnection_limit = 2\n[[\"yahoo.com\".automation]]\nregex = \"TSS04\"\naction = " +
      action + "\nduration = \"2 hours\"\n" + extra);
}

const YamlNode& rule0(const ImportedConfig& config) {
  const YamlNode* rule = node_at(config.scenario_keys, "sender/destinations/yahoo/patterns/0");
  EXPECT_NE(rule, nullptr);
  static const YamlNode empty;
  return rule != nullptr ? *rule : empty;
}

TEST(KumoRules, SuspendBecomesSuspendFor) {
  const ImportedConfig config = with_action("\"Suspend\"");
  const YamlNode& rule = rule0(config);
  EXPECT_EQ(rule.find("regex")->scalar, "TSS04");
  EXPECT_EQ(rule.find("regex")->position.line, 4);
  EXPECT_EQ(rule.find("suspend_for")->scalar, "2h");
  EXPECT_EQ(rule.find("suspend_for")->position.line, 6);
  EXPECT_TRUE(config.warnings.empty());
  const Scenario scenario = test::scenario_of(config);
  ASSERT_EQ(scenario.policy_for("yahoo").patterns.size(), 1u);
  EXPECT_EQ(scenario.policy_for("yahoo").patterns[0].suspend_for, std::chrono::hours(2));
}

TEST(KumoRules, SuspendTenantAndCampaignSuspendTheQueueAndWarn) {
  for (const std::string action : {"SuspendTenant", "SuspendCampaign"}) {
    const ImportedConfig config = with_action("\"" + action + "\"");
    EXPECT_EQ(rule0(config).find("suspend_for")->scalar, "2h");
    EXPECT_EQ(warning_places(config), std::vector<std::string>{"5:10 " + action});
  }
}

TEST(KumoRules, BounceActionsBounceAndWarn) {
  for (const char* action : {"Bounce", "BounceTenant", "BounceCampaign"}) {
    const ImportedConfig config = with_action("\"" + std::string(action) + "\"");
    EXPECT_EQ(rule0(config).find("bounce")->scalar, "true");
    ASSERT_EQ(warning_places(config), std::vector<std::string>{"5:10 " + std::string(action)});
    EXPECT_NE(config.warnings[0].why.find("only the message that got the reply"), std::string::npos);
  }
}

TEST(KumoRules, SetConfigConnectionLimitLowersMaxSmtpOutForTheDuration) {
  const ImportedConfig config = with_action("{SetConfig={name=\"connection_limit\", value=1}}");
  const YamlNode& rule = rule0(config);
  EXPECT_EQ(rule.find("max_smtp_out")->scalar, "1");
  EXPECT_EQ(rule.find("max_smtp_out")->position.column, 53);
  EXPECT_EQ(rule.find("hold_for")->scalar, "2h");
  EXPECT_TRUE(config.warnings.empty());
  const Scenario scenario = test::scenario_of(config);
  const PatternRule& parsed = scenario.policy_for("yahoo").patterns.at(0);
  EXPECT_EQ(parsed.max_smtp_out, 1);
  EXPECT_EQ(parsed.hold_for, std::chrono::hours(2));
}

TEST(KumoRules, SetConfigMaxMessageRateEntersBackoff) {
  const ImportedConfig config = with_action("{SetConfig={name=\"max_message_rate\", value=\"1/minute\"}}");
  EXPECT_EQ(rule0(config).find("backoff")->scalar, "true");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/yahoo/backoff/max_msg_rate")->scalar, "1/m");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/yahoo/backoff/to_normal_after")->scalar, "2h");
  EXPECT_TRUE(config.warnings.empty());  // under mta kumomta backoff mode only lowers the rate
  const Scenario scenario = test::scenario_of(config);
  const DestinationPolicy& policy = scenario.policy_for("yahoo");
  EXPECT_TRUE(policy.patterns.at(0).backoff);
  EXPECT_EQ(policy.backoff.to_normal_after, std::chrono::hours(2));
}

TEST(KumoRules, SetConfigOfAnotherOptionIsNotImported) {
  const ImportedConfig config = with_action("{SetConfig={name=\"max_connection_rate\", value=\"10000/h\"}}");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/yahoo/patterns"), nullptr);
  EXPECT_EQ(warning_places(config),
            (std::vector<std::string>{"3:1 automation", "5:10 SetConfig max_connection_rate"}));
}

TEST(KumoRules, SetDomainConfigMapsAndSaysItsScopeDiffers) {
  const ImportedConfig config =
      with_action("{SetDomainConfig={name=\"connection_limit\", value=\"local:2\"}}");
  EXPECT_EQ(rule0(config).find("max_smtp_out")->scalar, "2");
  EXPECT_EQ(warning_places(config), std::vector<std::string>{"5:10 SetDomainConfig"});
}

TEST(KumoRules, SeveralActionsMakeOneRuleAndSeveralRegexesOneRuleEach) {
  const ImportedConfig config = import_text(R"([["default".automation]]
regex = ['''a\d''', "b"]
action = ["Suspend", {SetConfig={name="connection_limit", value=1}}]
duration = "90m"
)");
  const YamlNode* patterns = node_at(config.scenario_keys, "sender/defaults/patterns");
  ASSERT_NE(patterns, nullptr);
  ASSERT_EQ(patterns->items.size(), 2u);
  EXPECT_EQ(patterns->items[0].find("regex")->scalar, "a\\d");
  EXPECT_EQ(patterns->items[1].find("regex")->scalar, "b");
  EXPECT_EQ(patterns->items[1].find("regex")->position.column, 21);
  EXPECT_EQ(patterns->items[1].find("suspend_for")->scalar, "1h30m");
  EXPECT_EQ(patterns->items[1].find("max_smtp_out")->scalar, "1");
  EXPECT_TRUE(config.warnings.empty());
  EXPECT_EQ(test::scenario_of(config).sender_defaults.patterns.size(), 2u);
}

TEST(KumoRules, DefaultRulesComeFirstInADestinationWithRulesOfItsOwn) {
  const ImportedConfig config = import_text(R"([["default".automation]]
regex = "first"
action = "Suspend"
duration = "1h"
[["yahoo.com".automation]]
regex = "second"
action = "Suspend"
duration = "2h"
)");
  const YamlNode* patterns = node_at(config.scenario_keys, "sender/destinations/yahoo/patterns");
  ASSERT_NE(patterns, nullptr);
  ASSERT_EQ(patterns->items.size(), 2u);
  EXPECT_EQ(patterns->items[0].find("regex")->scalar, "first");
  EXPECT_EQ(patterns->items[1].find("regex")->scalar, "second");
  // Two Kumo rules both fire in Kumo; delivsim takes the first match.
  ASSERT_EQ(warning_places(config), std::vector<std::string>{"6:9 automation"});
  EXPECT_NE(config.warnings[0].why.find("only the first"), std::string::npos);
}

TEST(KumoRules, ThresholdTriggerMapsAndWarns) {
  const ImportedConfig config = with_action("\"Suspend\"", "trigger = {Threshold=\"2/hr\"}\n");
  EXPECT_EQ(rule0(config).find("suspend_for")->scalar, "2h");
  EXPECT_EQ(warning_places(config), std::vector<std::string>{"7:12 trigger"});
}

TEST(KumoRules, ImmediateTriggerAndMatchInternal) {
  const ImportedConfig config =
      with_action("\"Suspend\"", "trigger = \"Immediate\"\nmatch_internal = true\n");
  EXPECT_EQ(warning_places(config), std::vector<std::string>{"8:18 match_internal"});
}

TEST(KumoRules, KumoInternalLookaheadIsDroppedWithAWarning) {
  const ImportedConfig guarded = import_text(R"([["yahoo.com".automation]]
regex = "^(?!.*KumoMTA internal).*RL000010"
action = "Suspend"
duration = "5 minutes"
)");
  EXPECT_EQ(node_at(guarded.scenario_keys, "sender/destinations/yahoo/patterns/0/regex")->scalar,
            "^.*RL000010");
  EXPECT_EQ(warning_places(guarded), std::vector<std::string>{"2:9 automation.regex"});
}

TEST(KumoRules, NamedGroupsAreRewrittenForRe2) {
  const ImportedConfig config = import_text(R"toml([["yahoo.com".automation]]
regex = "(?<code>TS0[0-9])"
action = "Suspend"
duration = "5m"
)toml");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/yahoo/patterns/0/regex")->scalar,
            "(?P<code>TS0[0-9])");
  test::scenario_of(config);
}

TEST(KumoRules, RegexRe2CannotTakeIsAnErrorAtItsLine) {
  const ScenarioError error = test::import_error(R"(["yahoo.com"]
[["yahoo.com".automation]]
regex = ['''ok''', '''(a)\1''']
action = "Suspend"
duration = "5m"
)");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 20);
  EXPECT_EQ(error.field, "automation.regex");
  EXPECT_NE(error.problem.find("RE2"), std::string::npos);
}

TEST(KumoRules, TwoDifferentRateOverridesWarn) {
  const ImportedConfig config = import_text(R"([["yahoo.com".automation]]
regex = "a"
action = {SetConfig={name="max_message_rate", value="1/min"}}
duration = "1h"
[["yahoo.com".automation]]
regex = "b"
action = {SetConfig={name="max_message_rate", value="5/min"}}
duration = "1h"
)");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/yahoo/backoff/max_msg_rate")->scalar, "5/m");
  EXPECT_EQ(warning_places(config), (std::vector<std::string>{"6:9 automation", "7:10 SetConfig"}));
}

}  // namespace
}  // namespace delivsim

namespace delivsim {
namespace {

TEST(KumoRules, RuleKeysKumoIgnoresWarnWithAHint) {
  const ImportedConfig config = test::import_text(R"([["yahoo.com".automation]]
regex = "a"
action = "Suspend"
duration = "1h"
durration = "2h"
)");
  ASSERT_EQ(test::warning_places(config), std::vector<std::string>{"5:1 durration"});
  EXPECT_NE(config.warnings[0].why.find("did you mean 'duration'"), std::string::npos);
}

}  // namespace
}  // namespace delivsim
