// KumoMTA's shipped shaping.toml (tests/import/fixtures, Apache-2.0, licence beside it) imports with exactly
// the listed warnings, into a valid scenario; a community-style file loaded after it imports too.
#include <gtest/gtest.h>

#include "sim/import/kumomta_import.h"
#include "tests/import/kumomta_test_support.h"

namespace delivsim {
namespace {

using test::fixture;
using test::node_at;
using test::warning_places;

/// The warnings the shipped file gives, listed in docs/import-kumomta.md.
const std::vector<std::string> kShippedWarnings = {
    "60:1 data_timeout",
    "61:1 data_dot_timeout",
    "62:1 enable_tls",
    "64:1 remember_broken_tls",
    "66:1 generator.kumomta.internal",
    "69:1 deferred_smtp_inject.kumomta.internal",
    "99:1 enable_tls",                  // google
    "101:1 provider_connection_limit",  // google
    "119:9 automation",                 // yahoo: the default rule and [TS?S04] both fire in Kumo
    "131:1 provider_connection_limit",  // outlook
    "133:1 provider.office365",
    "138:1 provider.office365-dane",
    "148:1 provider.apple",
    "159:1 enable_tls",  // comcast.net
    "163:1 automation",  // RL0000: its only action is not modelled
    "166:10 SetConfig max_connection_rate",
    "169:12 trigger",          // Threshold 2/hr
    "175:9 automation.regex",  // (?!.*KumoMTA internal) dropped
    "175:9 automation",        // comcast.net: two rules fire in Kumo
    "177:10 SuspendTenant",
    "188:1 provider.mimecast",
    "199:1 provider.orange",
    "226:1 sources.my source name",
    "232:1 http://127.0.0.1:8008.tsa.kumomta",
};

TEST(KumoFixture, ShippedShapingFileImportsWithTheListedWarnings) {
  const ImportedConfig config = import_kumomta({fixture("kumomta-shaping.toml")});
  EXPECT_EQ(warning_places(config), kShippedWarnings);
  EXPECT_EQ(config.recipient_domains,
            (std::vector<std::string>{"gmail.com", "yahoo.com", "outlook.com", "comcast.net", "mail.com",
                                      "smtp.mailgun.com", "example.com"}));
  EXPECT_TRUE(config.default_pool.empty());
}

TEST(KumoFixture, ShippedShapingFileValues) {
  const ImportedConfig config = import_kumomta({fixture("kumomta-shaping.toml")});
  const YamlNode& keys = config.scenario_keys;
  EXPECT_EQ(node_at(keys, "sender/defaults/max_smtp_out")->scalar, "10");
  EXPECT_EQ(node_at(keys, "sender/defaults/max_smtp_out")->position.line, 55);
  EXPECT_EQ(node_at(keys, "sender/defaults/max_msg_rate")->scalar, "100/s");
  EXPECT_EQ(node_at(keys, "sender/defaults/max_conn_rate")->scalar, "100/m");
  EXPECT_EQ(node_at(keys, "sender/defaults/patterns")->items.size(), 5u);
  EXPECT_EQ(node_at(keys, "sender/defaults/backoff/max_msg_rate")->scalar, "1/m");
  EXPECT_EQ(node_at(keys, "sender/destinations/gmail/max_smtp_out")->scalar, "5");
  EXPECT_EQ(node_at(keys, "sender/destinations/gmail/max_msg_per_connection")->scalar, "50");
  EXPECT_EQ(node_at(keys, "sender/destinations/microsoft/max_smtp_out")->scalar, "5");
  EXPECT_EQ(node_at(keys, "sender/destinations/yahoo/max_msg_per_connection")->scalar, "20");
  EXPECT_EQ(node_at(keys, "sender/destinations/yahoo/patterns/5/suspend_for")->scalar, "2h");
  EXPECT_EQ(node_at(keys, "sender/destinations/comcast.net/max_smtp_out")->scalar, "25");
  EXPECT_EQ(node_at(keys, "sender/defaults/idle_timeout")->scalar, "1m");
  EXPECT_EQ(node_at(keys, "sender/destinations/comcast.net/idle_timeout")->scalar, "30s");
  EXPECT_EQ(node_at(keys, "sender/destinations/smtp.mailgun.com/max_smtp_out")->scalar, "7000");
  EXPECT_EQ(node_at(keys, "providers/example.com/profile")->scalar, "generic");
  EXPECT_EQ(node_at(keys, "sender/mta")->scalar, "kumomta");
  EXPECT_EQ(node_at(keys, "sender/defaults/consecutive_connection_failures_before_delay")->scalar, "100");
  EXPECT_EQ(node_at(keys, "sender/destinations/gmail/consecutive_connection_failures_before_delay")->scalar,
            "5");

  const Scenario scenario = test::scenario_of(config);
  EXPECT_EQ(scenario.policy_for("gmail").max_smtp_out, 5);
  EXPECT_EQ(scenario.policy_for("gmail").patterns.size(), 5u);  // inherited from the defaults
  EXPECT_EQ(scenario.policy_for("yahoo").patterns.size(), 6u);
  EXPECT_EQ(scenario.policy_for("comcast.net").patterns.back().suspend_for, std::chrono::minutes(5));
  EXPECT_EQ(scenario.policy_for("comcast.net").idle_timeout, std::chrono::seconds(30));
  EXPECT_EQ(scenario.sender_defaults.max_msg_per_connection, 100);
  EXPECT_EQ(scenario.sender_defaults.mta, SenderMta::KumoMta);
  EXPECT_EQ(scenario.policy_for("gmail").kumo.connection_failures_before_delay, 5);
}

TEST(KumoFixture, ImportIsDeterministic) {
  const ImportedConfig a = import_kumomta({fixture("kumomta-shaping.toml")});
  const ImportedConfig b = import_kumomta({fixture("kumomta-shaping.toml")});
  EXPECT_EQ(test::scenario_text(a), test::scenario_text(b));
}

TEST(KumoFixture, CommunityStyleFileLoadedAfterTheShippedOne) {
  const ImportedConfig config =
      import_kumomta({fixture("kumomta-shaping.toml"), fixture("kumomta-community-style.toml")});
  const std::string community = fixture("kumomta-community-style.toml").string();
  std::vector<std::string> community_warnings;
  for (const ImportWarning& warning : config.warnings)
    if (warning.where.file == community)
      community_warnings.push_back(std::to_string(warning.where.line) + ":" +
                                   std::to_string(warning.where.column) + " " + warning.directive);
  EXPECT_EQ(community_warnings,
            (std::vector<std::string>{
                "7:1 provider.webmail-giant",  // no match anywhere: rules not imported
                "16:12 trigger",
                "17:10 SetConfig",  // a max_message_rate other than the default rule's 1/m
                "21:9 automation",  // yahoo: several rules fire in Kumo
                "22:12 trigger",
                "28:9 automation",  // microsoft: several rules
                "29:12 trigger",
                "33:1 automation",  // its only action is not modelled
                "35:12 trigger", "36:10 SetConfig max_deliveries_per_connection",
                "46:9 automation",  // mail.example.jp: the default rule and its own
                "47:12 trigger",
                "52:1 provider.regional-isp",  // .mx.regional-isp.example: no delivsim provider
            }));
  const YamlNode& keys = config.scenario_keys;
  // yahoo: the default rule's 5 regexes, the shipped [TS?S04] rule, then the two community rules.
  const YamlNode* yahoo = node_at(keys, "sender/destinations/yahoo/patterns");
  ASSERT_NE(yahoo, nullptr);
  ASSERT_EQ(yahoo->items.size(), 8u);
  EXPECT_EQ(yahoo->items[6].find("regex")->scalar, "\\[TS0[23]\\]");
  EXPECT_EQ(yahoo->items[7].find("suspend_for")->scalar, "3h");
  EXPECT_EQ(node_at(keys, "sender/destinations/yahoo/backoff/max_msg_rate")->scalar, "5/m");
  EXPECT_EQ(node_at(keys, "sender/destinations/microsoft/patterns/5/max_smtp_out")->scalar, "2");
  EXPECT_EQ(node_at(keys, "sender/destinations/microsoft/patterns/5/hold_for")->scalar, "1h");
  EXPECT_EQ(node_at(keys, "sender/destinations/mail.example.jp/max_msg_rate")->scalar, "20/s");
  EXPECT_EQ(node_at(keys, "sender/destinations/mail.example.jp/patterns/5/suspend_for")->scalar, "20m");
  const Scenario scenario = test::scenario_of(config);
  EXPECT_EQ(scenario.policy_for("mail.example.jp").max_smtp_out, 3);
}

}  // namespace
}  // namespace delivsim
