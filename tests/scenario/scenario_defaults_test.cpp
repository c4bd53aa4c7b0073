// Keys left out take the documented defaults.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const std::string kMinimalPath = std::string(DELIVSIM_SOURCE_DIR) + "/tests/scenario/good/minimal.yaml";

TEST(ScenarioDefaultsTest, RunSettings) {
  const Scenario scenario = load_scenario(kMinimalPath);
  EXPECT_EQ(scenario.name, "minimal");  // the file's stem
  EXPECT_EQ(scenario.description, "");
  EXPECT_EQ(scenario.seed, 1u);
  EXPECT_EQ(scenario.start_date, "2026-01-05T00:00:00Z");
  EXPECT_EQ(scenario.duration, hours(24 * 7));
  EXPECT_EQ(scenario.timeseries_interval, hours(1));
  EXPECT_FALSE(scenario.accounting);
}

TEST(ScenarioDefaultsTest, Identities) {
  const Scenario scenario = load_scenario(kMinimalPath);
  ASSERT_EQ(scenario.ips.size(), 1u);
  EXPECT_EQ(scenario.ips[0].age, IdentityAge::New);
  EXPECT_EQ(scenario.ips[0].established_per_day, 0.0);
  ASSERT_EQ(scenario.domains.size(), 1u);
  EXPECT_EQ(scenario.domains[0].age, IdentityAge::New);
  EXPECT_TRUE(scenario.domains[0].spf && scenario.domains[0].dkim && scenario.domains[0].dmarc &&
              scenario.domains[0].aligned);
}

TEST(ScenarioDefaultsTest, Traffic) {
  const Scenario scenario = load_scenario(kMinimalPath);
  ASSERT_EQ(scenario.traffic.size(), 1u);
  const TrafficSpec& traffic = scenario.traffic[0];
  EXPECT_EQ(traffic.traffic_class, TrafficClass::Marketing);
  EXPECT_EQ(traffic.spf_domain, "example.com");
  ASSERT_TRUE(traffic.campaign);
  EXPECT_EQ(traffic.campaign->at, Duration{0});
  EXPECT_EQ(traffic.campaign->over, Duration{0});
  EXPECT_EQ(traffic.domain_mix, (std::vector<std::pair<std::string, double>>{{"gmail.com", 1.0}}));
  EXPECT_EQ(traffic.list.unknown_user_share, 0.0);
  EXPECT_EQ(traffic.list.spam_trap_share, 0.0);
  ASSERT_EQ(traffic.list.segments.size(), 1u);
  const EngagementSegment& segment = traffic.list.segments[0];
  EXPECT_EQ(segment.name, "all");
  EXPECT_EQ(segment.share, 1.0);
  EXPECT_EQ(segment.complaint_rate, 0.0005);
  EXPECT_EQ(segment.open_rate, 0.2);
  EXPECT_EQ(segment.not_spam_rate, 0.0);
  EXPECT_FALSE(traffic.list.suppress.hard_bounces);
  EXPECT_FALSE(traffic.list.suppress.complainers);
  EXPECT_EQ(traffic.list.suppress.unengaged_after_sends, 0);
  EXPECT_EQ(traffic.message_size_bytes, 50000);
}

TEST(ScenarioDefaultsTest, ProvidersAreGmailMicrosoftYahooAndACatchAll) {
  const Scenario scenario = load_scenario(kMinimalPath);
  ASSERT_EQ(scenario.providers.size(), 4u);
  EXPECT_EQ(scenario.providers[0].name, "gmail");
  EXPECT_EQ(scenario.providers[0].profile->name, "gmail");
  EXPECT_EQ(scenario.providers[0].domains, (std::vector<std::string>{"gmail.com", "googlemail.com"}));
  EXPECT_EQ(scenario.providers[0].params.max_connections_per_ip,
            ReceiverParams::gmail().max_connections_per_ip);
  EXPECT_EQ(scenario.providers[1].name, "microsoft");
  EXPECT_EQ(scenario.providers[1].profile->name, "microsoft");
  EXPECT_EQ(scenario.providers[1].domains,
            (std::vector<std::string>{"outlook.com", "hotmail.com", "live.com", "msn.com"}));
  EXPECT_EQ(scenario.providers[1].params.max_connections_per_sender,
            ReceiverParams::microsoft().max_connections_per_sender);
  EXPECT_EQ(scenario.providers[2].name, "yahoo");
  EXPECT_EQ(scenario.providers[2].profile->name, "yahoo");
  EXPECT_EQ(scenario.providers[2].domains,
            (std::vector<std::string>{"yahoo.com", "ymail.com", "rocketmail.com", "aol.com"}));
  EXPECT_EQ(scenario.providers[2].params.max_messages_per_connection,
            ReceiverParams::yahoo().max_messages_per_connection);
  EXPECT_EQ(scenario.providers[3].name, "other");
  EXPECT_EQ(scenario.providers[3].profile->name, "generic");
  EXPECT_EQ(scenario.providers[3].domains, (std::vector<std::string>{"*"}));
  EXPECT_EQ(scenario.providers[3].params.quota_enabled, ReceiverParams::generic().quota_enabled);
}

TEST(ScenarioDefaultsTest, SenderIsPowerMtaDefaults) {
  const Scenario scenario = load_scenario(kMinimalPath);
  EXPECT_TRUE(scenario.destinations.empty());
  const DestinationPolicy& policy = scenario.policy_for("gmail");
  EXPECT_EQ(&policy, &scenario.sender_defaults);
  EXPECT_EQ(policy.max_smtp_out, 20);
  EXPECT_EQ(policy.max_msg_per_connection, 0);
  EXPECT_TRUE(policy.max_msg_rate.unlimited());
  EXPECT_TRUE(policy.max_conn_rate.unlimited());
  EXPECT_EQ(policy.idle_timeout, Duration(0));
  EXPECT_EQ(policy.retry, RetrySchedule{});
  EXPECT_EQ(policy.retry.interval, minutes(10));
  EXPECT_EQ(policy.bounce_after, hours(108));
  EXPECT_TRUE(policy.patterns.empty());
  EXPECT_DOUBLE_EQ(policy.backoff.max_msg_rate.hourly(), 100.0);
  EXPECT_EQ(policy.adaptive, AdaptiveParams{});
  EXPECT_EQ(policy.warmup.kind, WarmupSchedule::Kind::None);
  EXPECT_TRUE(policy.pool.empty());
}

TEST(ScenarioDefaultsTest, ADestinationPoolRoutesOnlyThatProvider) {
  std::string text = "duration: 30m\n";
  text += "identities: {ips: [{address: 192.0.2.1}, {address: 192.0.2.2}], domains: [{name: example.com}]}\n";
  text += "pools: {main: [192.0.2.1], gmail-ips: [192.0.2.2]}\n";
  text += "traffic: [{name: t, pool: main, dkim_domain: example.com, campaign: {recipients: 1}}]\n";
  text += "sender: {destinations: {gmail: {pool: gmail-ips}, yahoo: {max_smtp_out: 3}}}\n";
  const Scenario scenario = parse_scenario(text, "pool.yaml");
  EXPECT_EQ(scenario.policy_for("gmail").pool, "gmail-ips");
  EXPECT_TRUE(scenario.policy_for("yahoo").pool.empty());
  EXPECT_TRUE(scenario.policy_for("other").pool.empty());
}

TEST(ScenarioDefaultsTest, ParseScenarioNamesAfterTheSourceStem) {
  std::string text = "duration: 30m\n";
  text += "identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}\n";
  text += "pools: {main: [192.0.2.1]}\n";
  text += "traffic: [{name: t, pool: main, dkim_domain: example.com, campaign: {recipients: 1}}]\n";
  const Scenario scenario = parse_scenario(text, "dir/inline-test.yaml");
  EXPECT_EQ(scenario.name, "inline-test");
  EXPECT_EQ(scenario.source_path, "dir/inline-test.yaml");
  EXPECT_EQ(scenario.timeseries_interval, minutes(30));  // the 1h default shrinks to the duration
}

TEST(ScenarioDefaultsTest, DestinationPatternsStartFromTheDefaults) {
  std::string text = "identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}\n";
  text += "pools: {main: [192.0.2.1]}\n";
  text += "traffic: [{name: t, pool: main, dkim_domain: example.com, campaign: {recipients: 1}}]\n";
  text += "sender:\n";
  text += "  destinations: {gmail: {max_smtp_out: 2}}\n";
  text += "  defaults: {patterns: [{match: '421', retry_after: 1h}], warmup: {table: [10]}}\n";
  const Scenario scenario = parse_scenario(text, "inline");
  const DestinationPolicy& gmail = scenario.policy_for("gmail");
  EXPECT_EQ(gmail.max_smtp_out, 2);
  ASSERT_EQ(gmail.patterns.size(), 1u);  // defaults apply even though written after destinations
  EXPECT_EQ(gmail.patterns[0].pattern, "421");
  EXPECT_EQ(gmail.warmup.table, std::vector<std::int64_t>{10});
}

TEST(ScenarioDefaultsTest, BackoffTakesNeverAndAnUnlimitedRate) {
  std::string text = "identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}\n";
  text += "pools: {main: [192.0.2.1]}\n";
  text += "traffic: [{name: t, pool: main, dkim_domain: example.com, campaign: {recipients: 1}}]\n";
  text += "sender: {defaults: {backoff: {to_normal_after: never, max_msg_rate: unlimited}}}\n";
  const Scenario scenario = parse_scenario(text, "inline");
  const DestinationPolicy& gmail = scenario.policy_for("gmail");
  EXPECT_EQ(gmail.backoff.to_normal_after, kLongestSpan);
  EXPECT_TRUE(gmail.backoff.max_msg_rate.unlimited());
}

}  // namespace
}  // namespace delivsim
