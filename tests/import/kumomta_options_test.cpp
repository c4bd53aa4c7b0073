// One test per mapped KumoMTA option: its value and the position it keeps.
#include <gtest/gtest.h>

#include "sim/import/kumomta_import.h"
#include "tests/import/kumomta_test_support.h"

namespace delivsim {
namespace {

using test::import_text;
using test::node_at;
using test::warning_places;

void expect_value(const ImportedConfig& config, std::string_view path, const std::string& text, int line,
                  int column) {
  const YamlNode* node = node_at(config.scenario_keys, path);
  ASSERT_NE(node, nullptr) << path;
  EXPECT_EQ(node->scalar, text) << path;
  EXPECT_EQ(node->position.line, line) << path;
  EXPECT_EQ(node->position.column, column) << path;
  EXPECT_EQ(node->position.file, test::write_toml("shaping.toml", "").string()) << path;
}

TEST(KumoOptions, DefaultSectionBecomesSenderDefaults) {
  const ImportedConfig config = import_text(R"(["default"]
connection_limit = 10
max_deliveries_per_connection = 100
max_message_rate = "100/s"
max_connection_rate = "100/min"
)");
  expect_value(config, "sender/defaults/max_smtp_out", "10", 2, 20);
  expect_value(config, "sender/defaults/max_msg_per_connection", "100", 3, 33);
  expect_value(config, "sender/defaults/max_msg_rate", "100/s", 4, 20);
  expect_value(config, "sender/defaults/max_conn_rate", "100/m", 5, 23);
  EXPECT_TRUE(config.warnings.empty());
}

TEST(KumoOptions, KumoDefaultsThatDifferFromDelivsimsAreWrittenWithTheirSource) {
  const ImportedConfig config = import_text("");
  const YamlNode* limit = node_at(config.scenario_keys, "sender/defaults/max_smtp_out");
  ASSERT_NE(limit, nullptr);
  EXPECT_EQ(limit->scalar, "32");
  EXPECT_EQ(limit->position.line, 0);
  EXPECT_EQ(limit->position.file, "KumoMTA default (kumo-api-types egress_path.rs)");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/defaults/max_msg_per_connection")->scalar, "1024");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/defaults/retry/exponential/initial")->scalar, "20m");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/defaults/retry/exponential/max")->scalar, "7d");
  const YamlNode* lifetime = node_at(config.scenario_keys, "sender/defaults/bounce_after");
  EXPECT_EQ(lifetime->scalar, "7d");
  EXPECT_EQ(lifetime->position.file, "KumoMTA default (kumo.make_queue_config retry_interval, max_age)");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations"), nullptr);
  const Scenario scenario = test::scenario_of(config);
  EXPECT_EQ(scenario.sender_defaults.max_smtp_out, 32);
  EXPECT_EQ(scenario.sender_defaults.retry.kind, RetrySchedule::Kind::Exponential);
  EXPECT_EQ(scenario.sender_defaults.retry.initial, std::chrono::minutes(20));
  EXPECT_EQ(scenario.sender_defaults.bounce_after, std::chrono::hours(7 * 24));
}

TEST(KumoOptions, ConnectionLimitTextFormIsReadAsANumber) {
  const ImportedConfig config = import_text("[\"default\"]\nconnection_limit = \"local:5\"\n");
  expect_value(config, "sender/defaults/max_smtp_out", "5", 2, 20);
  EXPECT_EQ(test::scenario_of(config).sender_defaults.max_smtp_out, 5);
}

TEST(KumoOptions, DomainOfADefaultProviderShapesThatProvider) {
  const ImportedConfig config = import_text("[\"gmail.com\"]\nconnection_limit = 3\n");
  expect_value(config, "sender/destinations/gmail/max_smtp_out", "3", 2, 20);
  EXPECT_EQ(node_at(config.scenario_keys, "providers"), nullptr);
  EXPECT_EQ(config.recipient_domains, std::vector<std::string>{"gmail.com"});
}

TEST(KumoOptions, DomainOutsideTheDefaultSetGetsAGenericProvider) {
  const ImportedConfig config = import_text("[\"Comcast.net\"]\nmax_deliveries_per_connection = 1000\n");
  EXPECT_EQ(node_at(config.scenario_keys, "providers/comcast.net/profile")->scalar, "generic");
  EXPECT_EQ(node_at(config.scenario_keys, "providers/comcast.net/domains/0")->scalar, "comcast.net");
  expect_value(config, "sender/destinations/comcast.net/max_msg_per_connection", "1000", 2, 33);
  const Scenario scenario = test::scenario_of(config);
  EXPECT_EQ(scenario.policy_for("comcast.net").max_msg_per_connection, 1000);
}

TEST(KumoOptions, ProviderMatchedByMxSuffixShapesTheDefaultProvider) {
  const ImportedConfig config = import_text(R"([provider."google"]
match = [{MXSuffix=".google.com"}, {MXSuffix=".googlemail.com"}]
max_deliveries_per_connection = 50
)");
  expect_value(config, "sender/destinations/gmail/max_msg_per_connection", "50", 3, 33);
  EXPECT_EQ(config.recipient_domains, std::vector<std::string>{"gmail.com"});
}

TEST(KumoOptions, DomainSuffixAndHostNameMatchToo) {
  const ImportedConfig config = import_text(R"([provider."ms"]
match = [{DomainSuffix="hotmail.com"}]
connection_limit = 4
[provider."yh"]
match = [{HostName="mta5.am0.yahoodns.net"}]
connection_limit = 6
)");
  expect_value(config, "sender/destinations/microsoft/max_smtp_out", "4", 3, 20);
  expect_value(config, "sender/destinations/yahoo/max_smtp_out", "6", 6, 20);
}

TEST(KumoOptions, UnmatchedProviderIsAWarning) {
  const ImportedConfig config =
      import_text("[provider.\"apple\"]\nmatch=[{MXSuffix=\".icloud.com\"}]\nconnection_limit = 2\n");
  EXPECT_EQ(warning_places(config), std::vector<std::string>{"1:1 provider.apple"});
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations"), nullptr);
}

TEST(KumoOptions, ProviderConnectionLimitIsTheSmallerLimitAndWarns) {
  const ImportedConfig config = import_text(R"(["default"]
connection_limit = 10
[provider."google"]
match = [{MXSuffix=".google.com"}]
provider_connection_limit = 5
[provider."yahoo"]
match = [{MXSuffix=".yahoodns.net"}]
provider_connection_limit = 50
)");
  expect_value(config, "sender/destinations/gmail/max_smtp_out", "5", 5, 29);
  // 50 shared is looser than the 10 per site yahoo inherits: nothing to write.
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/yahoo/max_smtp_out"), nullptr);
  EXPECT_EQ(warning_places(config),
            (std::vector<std::string>{"5:1 provider_connection_limit", "8:1 provider_connection_limit"}));
}

TEST(KumoOptions, ProviderMaxMessageRateIsTheLowerRate) {
  const ImportedConfig config = import_text(R"([provider."google"]
match = [{MXSuffix=".google.com"}]
max_message_rate = "100/s"
provider_max_message_rate = "1000/min"
)");
  expect_value(config, "sender/destinations/gmail/max_msg_rate", "1000/m", 4, 29);
  EXPECT_EQ(warning_places(config), std::vector<std::string>{"4:1 provider_max_message_rate"});
}

TEST(KumoOptions, SourceSelectionRateBecomesAWarmupCapAndWarns) {
  const ImportedConfig config =
      import_text("[\"gmail.com\"]\nsource_selection_rate = \"100/day,max_burst=1\"\n");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/gmail/warmup/table/0")->scalar, "100");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/gmail/warmup/spread_hourly")->scalar, "false");
  EXPECT_EQ(warning_places(config),
            (std::vector<std::string>{"2:1 source_selection_rate", "2:1 source_selection_rate"}));
  EXPECT_EQ(test::scenario_of(config).policy_for("gmail").warmup.table, std::vector<std::int64_t>{100});
}

TEST(KumoOptions, UnmodelledOptionsWarnWithTheirReason) {
  const ImportedConfig config = import_text(R"(["default"]
enable_tls = "Required"
data_timeout = "60s"
)");
  EXPECT_EQ(warning_places(config), (std::vector<std::string>{"2:1 enable_tls", "3:1 data_timeout"}));
  EXPECT_NE(config.warnings[0].why.find("TLS"), std::string::npos);
}

TEST(KumoOptions, IdleTimeoutBecomesTheSendersIdleTimeoutAtMostAnHour) {
  const ImportedConfig config = import_text(R"(["default"]
idle_timeout = "1m 30s"
["gmail.com"]
idle_timeout = "2 hours"
)");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/defaults/idle_timeout")->scalar, "1m30s");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/gmail/idle_timeout")->scalar, "1h");
  EXPECT_EQ(warning_places(config), std::vector<std::string>{"4:1 idle_timeout"});
  EXPECT_NE(config.warnings[0].why.find("imported as 1h"), std::string::npos) << config.warnings[0].why;
  EXPECT_EQ(test::scenario_of(config).policy_for("gmail").idle_timeout, std::chrono::hours(1));
  EXPECT_THROW(import_text("[\"default\"]\nidle_timeout = \"soon\"\n"), ScenarioError);
  EXPECT_THROW(import_text("[\"default\"]\nidle_timeout = 60\n"), ScenarioError);
}

TEST(KumoOptions, ReadyQueueOptionsKeepTheirNamesUnderMtaKumomta) {
  const ImportedConfig config = import_text(R"(["default"]
max_ready = 100
["gmail.com"]
consecutive_connection_failures_before_delay = 5
)");
  EXPECT_TRUE(config.warnings.empty());
  EXPECT_EQ(node_at(config.scenario_keys, "sender/mta")->scalar, "kumomta");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/defaults/max_ready")->position.line, 2);
  const Scenario scenario = test::scenario_of(config);
  EXPECT_EQ(scenario.sender_defaults.kumo.max_ready, 100);
  EXPECT_EQ(scenario.policy_for("gmail").kumo.connection_failures_before_delay, 5);
  EXPECT_EQ(scenario.policy_for("gmail").kumo.max_ready, 100);
}

TEST(KumoOptions, ReadyQueueOptionsMustBeWholeNumbers) {
  EXPECT_THROW(import_text("[\"default\"]\nmax_ready = 0\n"), ScenarioError);
  EXPECT_THROW(import_text("[\"default\"]\nconsecutive_connection_failures_before_delay = \"x\"\n"),
               ScenarioError);
}

TEST(KumoOptions, UnknownOptionWarnsWithAHint) {
  const ImportedConfig config = import_text("[\"default\"]\nmax_deliveries_per_conection = 5\n");
  ASSERT_EQ(warning_places(config), std::vector<std::string>{"2:1 max_deliveries_per_conection"});
  EXPECT_NE(config.warnings[0].why.find("did you mean 'max_deliveries_per_connection'"), std::string::npos);
}

TEST(KumoOptions, ProviderWideOptionOutsideAProviderSectionWarns) {
  const ImportedConfig config = import_text("[\"gmail.com\"]\nprovider_connection_limit = 5\n");
  ASSERT_EQ(warning_places(config), std::vector<std::string>{"2:1 provider_connection_limit"});
  EXPECT_NE(config.warnings[0].why.find("outside a [provider"), std::string::npos);
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/gmail/max_smtp_out"), nullptr);
}

TEST(KumoOptions, TwoDomainSectionsOfOneProviderThatDisagreeWarnNamingBoth) {
  const ImportedConfig config = import_text(R"(["gmail.com"]
connection_limit = 5
["googlemail.com"]
connection_limit = 7
)");
  expect_value(config, "sender/destinations/gmail/max_smtp_out", "7", 4, 20);
  ASSERT_EQ(warning_places(config), std::vector<std::string>{"4:20 connection_limit"});
  EXPECT_NE(
      config.warnings[0].why.find("'gmail.com' (" + test::write_toml("shaping.toml", "").string() + ":2: 5)"),
      std::string::npos)
      << config.warnings[0].why;
}

TEST(KumoOptions, DomainSectionOverridesProviderSectionWithoutWarning) {
  const ImportedConfig config = import_text(R"(["gmail.com"]
connection_limit = 8
[provider."google"]
match = [{MXSuffix=".google.com"}]
connection_limit = 2
)");
  expect_value(config, "sender/destinations/gmail/max_smtp_out", "8", 2, 20);
  EXPECT_TRUE(config.warnings.empty());
}

TEST(KumoOptions, MxRollupOffForADefaultProviderDomainWarns) {
  const ImportedConfig config = import_text("[\"gmail.com\"]\nmx_rollup = false\nconnection_limit = 2\n");
  EXPECT_EQ(warning_places(config), std::vector<std::string>{"2:1 mx_rollup"});
}

TEST(KumoOptions, InternalAndNonDomainSectionsAreNotImported) {
  const ImportedConfig config = import_text(R"(["generator.kumomta.internal"]
mx_rollup = false
['http://127.0.0.1:8008.tsa.kumomta']
max_ready = 10
["not a domain"]
connection_limit = 2
)");
  EXPECT_EQ(warning_places(config),
            (std::vector<std::string>{"1:1 generator.kumomta.internal",
                                      "3:1 http://127.0.0.1:8008.tsa.kumomta", "5:1 not a domain"}));
  EXPECT_TRUE(config.recipient_domains.empty());
}

TEST(KumoOptions, PerSourceBlocksWarn) {
  const ImportedConfig config = import_text("[\"example.com\".sources.\"ip-1\"]\nconnection_limit = 5\n");
  EXPECT_EQ(warning_places(config), std::vector<std::string>{"1:1 sources.ip-1"});
}

TEST(KumoOptions, LaterFilesWinAndReplaceBaseDiscardsEarlierValues) {
  const auto first = test::write_toml("a.toml", R"(["gmail.com"]
connection_limit = 5
max_deliveries_per_connection = 50
["yahoo.com"]
connection_limit = 3
max_deliveries_per_connection = 20
)");
  const auto second = test::write_toml("b.toml", R"(["gmail.com"]
connection_limit = 9
["yahoo.com"]
replace_base = true
connection_limit = 4
)");
  const ImportedConfig config = import_kumomta({first, second});
  const YamlNode* gmail_limit = node_at(config.scenario_keys, "sender/destinations/gmail/max_smtp_out");
  EXPECT_EQ(gmail_limit->scalar, "9");
  EXPECT_EQ(gmail_limit->position.file, second.string());
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/gmail/max_msg_per_connection")->scalar, "50");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/yahoo/max_smtp_out")->scalar, "4");
  EXPECT_EQ(node_at(config.scenario_keys, "sender/destinations/yahoo/max_msg_per_connection"), nullptr);
}

}  // namespace
}  // namespace delivsim
