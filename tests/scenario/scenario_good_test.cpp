// A scenario using every key parses into exactly the structs it describes.
#include <gtest/gtest.h>

#include <sstream>

#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

std::string show(double value) {
  std::ostringstream out;
  out.precision(17);
  out << value;
  return out.str();
}
std::string show(Duration value) {
  return std::to_string(value.count()) + "ms";
}
std::string show(const DelayDistribution& value) {
  return std::to_string(static_cast<int>(value.kind)) + "/" + show(value.value) + "/" + show(value.sigma);
}
std::string show(const RecipientLimits& value) {
  return std::to_string(value.per_minute) + "/" + std::to_string(value.per_hour) + "/" +
         std::to_string(value.per_day) + "/" + show(value.lockout);
}
std::string show(int value) {
  return std::to_string(value);
}
std::string show(bool value) {
  return value ? "true" : "false";
}

class FullScenarioTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ =
        new Scenario(load_scenario(std::string(DELIVSIM_SOURCE_DIR) + "/tests/scenario/good/full.yaml"));
  }
  static void TearDownTestSuite() {
    delete scenario_;
    scenario_ = nullptr;
  }
  const Scenario& scenario() const { return *scenario_; }

 private:
  static inline Scenario* scenario_ = nullptr;
};

TEST_F(FullScenarioTest, RunSettings) {
  EXPECT_EQ(scenario().name, "gmail-cold-blast");
  EXPECT_EQ(scenario().description, "free text");
  EXPECT_NE(scenario().source_path.find("tests/scenario/good/full.yaml"), std::string::npos);
  EXPECT_EQ(scenario().seed, 42u);
  EXPECT_EQ(scenario().start_date, "2026-02-01T06:30:00Z");
  EXPECT_EQ(scenario().duration, days(14));
  EXPECT_EQ(scenario().timeseries_interval, minutes(30));
  EXPECT_TRUE(scenario().accounting);
}

TEST_F(FullScenarioTest, Identities) {
  ASSERT_EQ(scenario().ips.size(), 3u);
  EXPECT_EQ(scenario().ips[0].address, "203.0.113.10");
  EXPECT_EQ(scenario().ips[0].age, IdentityAge::New);
  EXPECT_EQ(scenario().ips[0].established_per_day, 0.0);
  EXPECT_EQ(scenario().ips[1].age, IdentityAge::Warm);
  EXPECT_EQ(scenario().ips[1].established_per_day, 50000.0);
  EXPECT_EQ(scenario().ips[2].address, "2001:db8::1");  // canonical form

  ASSERT_EQ(scenario().domains.size(), 2u);
  const DomainSpec& warm = scenario().domains[0];
  EXPECT_EQ(warm.name, "example.com");
  EXPECT_EQ(warm.age, IdentityAge::Warm);
  EXPECT_EQ(warm.established_per_day, 80000.0);
  EXPECT_TRUE(warm.spf && warm.dkim && warm.dmarc && warm.aligned);
  const DomainSpec& bounce = scenario().domains[1];
  EXPECT_EQ(bounce.name, "bounce.example.com");  // lower case
  EXPECT_EQ(bounce.age, IdentityAge::New);
  EXPECT_FALSE(bounce.spf || bounce.dkim || bounce.dmarc || bounce.aligned);
}

TEST_F(FullScenarioTest, Pools) {
  ASSERT_EQ(scenario().pools.size(), 2u);
  EXPECT_EQ(scenario().pools[0].name, "marketing");
  EXPECT_EQ(scenario().pools[0].ips, (std::vector<std::string>{"203.0.113.10", "203.0.113.11"}));
  EXPECT_EQ(scenario().pools[1].name, "transactional");
  EXPECT_EQ(scenario().pools[1].ips, (std::vector<std::string>{"2001:db8::1"}));
}

TEST_F(FullScenarioTest, CampaignTraffic) {
  ASSERT_EQ(scenario().traffic.size(), 2u);
  const TrafficSpec& newsletter = scenario().traffic[0];
  EXPECT_EQ(newsletter.name, "newsletter");
  EXPECT_EQ(newsletter.traffic_class, TrafficClass::Marketing);
  EXPECT_EQ(newsletter.pool, "marketing");
  EXPECT_EQ(newsletter.dkim_domain, "example.com");
  EXPECT_EQ(newsletter.spf_domain, "bounce.example.com");
  ASSERT_TRUE(newsletter.campaign);
  EXPECT_FALSE(newsletter.stream);
  EXPECT_EQ(newsletter.campaign->recipients, 200000);
  EXPECT_EQ(newsletter.campaign->at, hours(1));
  EXPECT_EQ(newsletter.campaign->over, hours(2));
  const std::vector<std::pair<std::string, double>> mix{
      {"gmail.com", 0.6}, {"googlemail.com", 0.02}, {"yahoo.com", 0.18}, {"example.org", 0.2}};
  EXPECT_EQ(newsletter.domain_mix, mix);
  EXPECT_EQ(newsletter.list.unknown_user_share, 0.01);
  EXPECT_EQ(newsletter.list.spam_trap_share, 0.0001);
  ASSERT_EQ(newsletter.list.segments.size(), 2u);
  EXPECT_EQ(newsletter.list.segments[0].name, "engaged");
  EXPECT_EQ(newsletter.list.segments[0].share, 0.3);
  EXPECT_EQ(newsletter.list.segments[0].complaint_rate, 0.0002);
  EXPECT_EQ(newsletter.list.segments[0].open_rate, 0.45);
  EXPECT_EQ(newsletter.list.segments[0].not_spam_rate, 0.01);
  EXPECT_EQ(newsletter.list.segments[1].name, "lapsed");
  EXPECT_EQ(newsletter.list.segments[1].not_spam_rate, 0.0);  // the default segment's
  EXPECT_FALSE(newsletter.list.suppress.any());
  EXPECT_EQ(newsletter.message_size_bytes, 75000);
}

TEST_F(FullScenarioTest, StreamTraffic) {
  const TrafficSpec& receipts = scenario().traffic[1];
  EXPECT_EQ(receipts.traffic_class, TrafficClass::Transactional);
  EXPECT_EQ(receipts.spf_domain, "example.com");  // defaults to dkim_domain
  ASSERT_TRUE(receipts.stream);
  EXPECT_FALSE(receipts.campaign);
  EXPECT_DOUBLE_EQ(receipts.stream->rate.daily(), 20000.0);
  EXPECT_EQ(receipts.stream->from, days(1));
  EXPECT_EQ(receipts.stream->until, days(13));
  EXPECT_EQ(receipts.stream->diurnal_amplitude, 0.5);
  EXPECT_EQ(receipts.stream->diurnal_peak_hour, 9);
  EXPECT_EQ(receipts.stream->population, 5000);
  EXPECT_TRUE(receipts.list.suppress.hard_bounces);
  EXPECT_FALSE(receipts.list.suppress.complainers);
  EXPECT_EQ(receipts.list.suppress.unengaged_after_sends, 12);
  ASSERT_EQ(receipts.list.segments.size(), 1u);  // a list without segments still gets the default one
  EXPECT_EQ(receipts.list.segments[0].name, "all");
  EXPECT_EQ(receipts.message_size_bytes, 50000);
}

TEST_F(FullScenarioTest, ProvidersAndParams) {
  ASSERT_EQ(scenario().providers.size(), 3u);
  const ProviderSpec& gmail = scenario().providers[0];
  EXPECT_EQ(gmail.name, "gmail");
  EXPECT_EQ(gmail.profile->name, "gmail");
  EXPECT_EQ(gmail.domains, (std::vector<std::string>{"gmail.com", "googlemail.com"}));
  EXPECT_EQ(gmail.reply_texts->name, "legacy");
  ReceiverParams expected = ReceiverParams::gmail();
  expected.max_connections_per_ip = 5;
  expected.quota_enabled = false;
  expected.spam_rate_bad = 0.004;
  expected.block_duration = hours(6);
  expected.complaint_delay = {DelayDistribution::Kind::Exponential, hours(6), 0.0};
  expected.connect_time = {DelayDistribution::Kind::Constant, Duration{150}, 0.0};
  expected.message_time = {DelayDistribution::Kind::Lognormal, Duration{400}, 0.25};
  expected.recipient_limits.per_minute = 30;
  expected.recipient_limits.lockout = hours(12);
  // Compare every parameter by name, so a failure names the one that differs.
  std::vector<std::string> expected_values, actual_values;
  const auto collect = [](std::vector<std::string>& out) {
    return [&out](const ParamInfo& info, const auto& value) {
      out.push_back(std::string(info.name) + "=" + show(value));
    };
  };
  visit_receiver_params(expected, collect(expected_values));
  visit_receiver_params(gmail.params, collect(actual_values));
  EXPECT_EQ(actual_values, expected_values);
  EXPECT_EQ(gmail.params.complaint_delay, expected.complaint_delay);
  EXPECT_EQ(gmail.params.recipient_limits, expected.recipient_limits);

  EXPECT_EQ(scenario().providers[1].name, "yahoo");
  EXPECT_EQ(scenario().providers[1].profile->name, "generic");
  EXPECT_EQ(scenario().providers[1].params.quota_enabled, ReceiverParams::generic().quota_enabled);
  EXPECT_EQ(scenario().providers[1].reply_texts->name, "current");
  EXPECT_EQ(scenario().providers[2].domains, (std::vector<std::string>{"*"}));
}

TEST_F(FullScenarioTest, RoutesDomainsToProviders) {
  EXPECT_EQ(scenario().provider_for_domain("googlemail.com")->name, "gmail");
  EXPECT_EQ(scenario().provider_for_domain("yahoo.com")->name, "yahoo");
  EXPECT_EQ(scenario().provider_for_domain("example.org")->name, "other");
}

TEST_F(FullScenarioTest, SenderDefaults) {
  const DestinationPolicy& defaults = scenario().sender_defaults;
  EXPECT_EQ(defaults.max_smtp_out, 10);
  RetrySchedule exponential;
  exponential.kind = RetrySchedule::Kind::Exponential;
  exponential.initial = seconds(300);
  exponential.max = seconds(4000);
  exponential.factor = 2.0;
  exponential.jitter = 0.1;
  EXPECT_EQ(defaults.retry, exponential);
  EXPECT_EQ(defaults.bounce_after, hours(72));
  EXPECT_TRUE(defaults.patterns.empty());
}

TEST_F(FullScenarioTest, GmailDestination) {
  ASSERT_EQ(scenario().destinations.size(), 2u);
  EXPECT_EQ(scenario().destinations[0].first, "gmail");
  const DestinationPolicy& gmail = scenario().policy_for("gmail");
  EXPECT_EQ(gmail.max_smtp_out, 5);
  EXPECT_EQ(gmail.max_msg_per_connection, 50);
  EXPECT_DOUBLE_EQ(gmail.max_msg_rate.hourly(), 500.0);
  EXPECT_DOUBLE_EQ(gmail.max_conn_rate.per_second, 1.0);
  EXPECT_EQ(gmail.idle_timeout, std::chrono::seconds(30));
  EXPECT_EQ(gmail.retry.kind, RetrySchedule::Kind::List);
  EXPECT_EQ(gmail.retry.offsets, (std::vector<Duration>{minutes(15), hours(1), hours(4), hours(12)}));
  EXPECT_EQ(gmail.bounce_after, hours(72));  // inherited from sender.defaults

  ASSERT_EQ(gmail.patterns.size(), 4u);
  PatternRule quota;
  quota.pattern = "421 4.7.28";
  quota.retry_after = minutes(45);
  quota.max_smtp_out = 3;
  quota.hold_for = hours(2);
  EXPECT_EQ(gmail.patterns[0], quota);
  PatternRule backoff;
  backoff.match = PatternRule::Match::Regex;
  backoff.pattern = "^421 4\\.7\\.0";
  backoff.backoff = true;
  EXPECT_EQ(gmail.patterns[1], backoff);
  EXPECT_EQ(gmail.patterns[2].suspend_for, minutes(10));
  EXPECT_TRUE(gmail.patterns[3].bounce);

  EXPECT_DOUBLE_EQ(gmail.backoff.max_msg_rate.hourly(), 100.0);
  EXPECT_EQ(gmail.backoff.retry_after, hours(2));
  EXPECT_EQ(gmail.backoff.to_normal_after, hours(3));
  EXPECT_EQ(gmail.adaptive, (AdaptiveParams{true, 0.1, 0.5, 0.2, 0.1, minutes(30), 40}));
  WarmupSchedule table;
  table.kind = WarmupSchedule::Kind::Table;
  table.table = {500, 1000, 2000, 4000};
  table.spread_hourly = false;
  EXPECT_EQ(gmail.warmup, table);
}

TEST_F(FullScenarioTest, YahooDestinationStartsFromTheDefaults) {
  const DestinationPolicy& yahoo = scenario().policy_for("yahoo");
  EXPECT_EQ(yahoo.max_smtp_out, 10);  // from sender.defaults
  EXPECT_TRUE(yahoo.max_msg_rate.unlimited());
  EXPECT_EQ(yahoo.retry.kind, RetrySchedule::Kind::Fixed);
  EXPECT_EQ(yahoo.retry.interval, minutes(30));
  WarmupSchedule rule;
  rule.kind = WarmupSchedule::Kind::Rule;
  rule.start = 500;
  rule.multiplier = 2.0;
  rule.every_days = 3;
  rule.ceiling = 200000;
  EXPECT_EQ(yahoo.warmup, rule);
}

TEST_F(FullScenarioTest, ProvidersWithoutADestinationUseTheDefaults) {
  EXPECT_EQ(&scenario().policy_for("other"), &scenario().sender_defaults);
}

}  // namespace
}  // namespace delivsim
