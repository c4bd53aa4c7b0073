// sender.mta and the Postfix destination keys: defaults, values, and errors at their positions.
#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

using std::chrono::seconds;

const std::string kBase = R"(identities:
  ips: [{address: 192.0.2.1}, {address: 192.0.2.2}, {address: 192.0.2.3}]
  domains: [{name: example.com}]
pools:
  main: [192.0.2.1]
traffic:
  - name: mail
    pool: main
    dkim_domain: example.com
    campaign: {recipients: 1000}
)";

Scenario parse(const std::string& sender) {
  return parse_scenario(kBase + sender, "inline");
}

/// The error a sender section gives (fails the test when it is accepted).
ScenarioError error_of(const std::string& sender) {
  try {
    parse(sender);
  } catch (const ScenarioError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted: " << sender;
  return ScenarioError("", 0, 0, "", "", "");
}

TEST(SenderMtaTest, DefaultIsPowerMta) {
  const Scenario scenario = parse("");
  EXPECT_EQ(scenario.sender_defaults.mta, SenderMta::PowerMta);
  EXPECT_EQ(scenario.sender_defaults.retry.kind, RetrySchedule::Kind::Fixed);
}

TEST(SenderMtaTest, PostfixStartsFromPostfixDefaults) {
  const Scenario scenario = parse("sender: {mta: postfix, destinations: {gmail: {max_smtp_out: 10}}}\n");
  const DestinationPolicy& defaults = scenario.sender_defaults;
  EXPECT_EQ(defaults.mta, SenderMta::Postfix);
  EXPECT_EQ(defaults.retry.kind, RetrySchedule::Kind::Exponential);
  EXPECT_EQ(defaults.retry.initial, seconds(300));
  EXPECT_EQ(defaults.retry.max, seconds(4000));
  EXPECT_EQ(defaults.bounce_after, std::chrono::days(5));
  EXPECT_EQ(defaults.postfix, PostfixScheduling{});
  ASSERT_EQ(scenario.destinations.size(), 1u);
  EXPECT_EQ(scenario.destinations[0].second.mta, SenderMta::Postfix);
  EXPECT_EQ(scenario.destinations[0].second.max_smtp_out, 10);
}

TEST(SenderMtaTest, ReadsThePostfixKeys) {
  const Scenario scenario = parse(R"(sender:
  mta: postfix
  defaults:
    queue_run_delay: 10m
    initial_concurrency: 2
    concurrency_failed_cohort_limit: 10
    rate_delay: 1s
    retry: {exponential: {initial: 1m, max: 1h}}
)");
  const DestinationPolicy& defaults = scenario.sender_defaults;
  EXPECT_EQ(defaults.postfix.queue_run_delay, std::chrono::minutes(10));
  EXPECT_EQ(defaults.postfix.initial_concurrency, 2);
  EXPECT_EQ(defaults.postfix.failed_cohort_limit, 10);
  EXPECT_EQ(defaults.postfix.rate_delay, seconds(1));
  EXPECT_EQ(defaults.retry.initial, std::chrono::minutes(1));
  EXPECT_EQ(defaults.retry.max, std::chrono::hours(1));
}

TEST(SenderMtaTest, PostfixKeysNeedMtaPostfix) {
  const ScenarioError error = error_of("sender:\n  defaults: {queue_run_delay: 5m}\n");
  EXPECT_EQ(error.line, 12);
  EXPECT_EQ(error.field, "sender.defaults.queue_run_delay");
  EXPECT_NE(std::string(error.what()).find("sender.mta is powermta"), std::string::npos) << error.what();
}

TEST(SenderMtaTest, UnknownMtaNamesTheChoicesWithAHint) {
  const ScenarioError error = error_of("sender: {mta: postfx}\n");
  EXPECT_EQ(error.field, "sender.mta");
  EXPECT_NE(std::string(error.what()).find("powermta or postfix or kumomta"), std::string::npos)
      << error.what();
  EXPECT_NE(std::string(error.what()).find("postfix'?"), std::string::npos) << error.what();
}

TEST(SenderMtaTest, KumoMtaStartsFromKumoDefaults) {
  const Scenario scenario = parse("sender: {mta: kumomta, destinations: {gmail: {max_smtp_out: 5}}}\n");
  const DestinationPolicy& defaults = scenario.sender_defaults;
  EXPECT_EQ(defaults.mta, SenderMta::KumoMta);
  EXPECT_EQ(defaults.max_smtp_out, 32);
  EXPECT_EQ(defaults.max_msg_per_connection, 1024);
  EXPECT_EQ(defaults.idle_timeout, std::chrono::seconds(60));
  EXPECT_EQ(defaults.retry.kind, RetrySchedule::Kind::Exponential);
  EXPECT_EQ(defaults.retry.initial, std::chrono::minutes(20));
  EXPECT_EQ(defaults.retry.max, std::chrono::days(7));
  EXPECT_EQ(defaults.bounce_after, std::chrono::days(7));
  EXPECT_EQ(defaults.kumo, KumoScheduling{});
  ASSERT_EQ(scenario.destinations.size(), 1u);
  EXPECT_EQ(scenario.destinations[0].second.mta, SenderMta::KumoMta);
  EXPECT_EQ(scenario.destinations[0].second.max_smtp_out, 5);
}

TEST(SenderMtaTest, ReadsTheKumoKeysAndKeepsTheInheritedRetryMaximum) {
  const Scenario scenario = parse(R"(sender:
  mta: kumomta
  defaults:
    max_ready: 100
    consecutive_connection_failures_before_delay: 5
    retry: {exponential: {initial: 5m}}
)");
  const DestinationPolicy& defaults = scenario.sender_defaults;
  EXPECT_EQ(defaults.kumo.max_ready, 100);
  EXPECT_EQ(defaults.kumo.connection_failures_before_delay, 5);
  EXPECT_EQ(defaults.retry.initial, std::chrono::minutes(5));
  EXPECT_EQ(defaults.retry.max, std::chrono::days(7));  // no max_retry_interval: not Postfix's 4000 s
}

TEST(SenderMtaTest, KumoKeysNeedMtaKumomta) {
  for (const std::string mta : {"", "  mta: postfix\n"}) {
    const ScenarioError error = error_of("sender:\n" + mta + "  defaults: {max_ready: 10}\n");
    EXPECT_EQ(error.field, "sender.defaults.max_ready");
    EXPECT_NE(std::string(error.what()).find("is a KumoMTA setting"), std::string::npos) << error.what();
  }
  const ScenarioError postfix_key = error_of("sender:\n  mta: kumomta\n  defaults: {rate_delay: 1s}\n");
  EXPECT_NE(std::string(postfix_key.what()).find("sender.mta is kumomta"), std::string::npos)
      << postfix_key.what();
}

TEST(SenderMtaTest, KumoMtaRefusesRetriesItDoesNotHave) {
  for (const std::string retry :
       {"retry_after: 10m", "retry: {fixed: 10m}", "retry: {list: [1m, 1h]}",
        "retry: {exponential: {factor: 3}}", "retry: {exponential: {jitter: 0.1}}"}) {
    const ScenarioError error = error_of("sender:\n  mta: kumomta\n  defaults: {" + retry + "}\n");
    EXPECT_NE(std::string(error.what()).find("is not how KumoMTA retries"), std::string::npos)
        << error.what();
  }
  EXPECT_THROW(parse("sender: {mta: kumomta, defaults: {max_ready: 0}}\n"), ScenarioError);
  EXPECT_THROW(parse("sender: {mta: kumomta, defaults: {consecutive_connection_failures_before_delay: 0}}\n"),
               ScenarioError);
}

TEST(SenderMtaTest, PostfixRefusesRetriesItDoesNotHave) {
  for (const std::string retry :
       {"retry_after: 10m", "retry: {fixed: 10m}", "retry: {list: [1m, 1h]}",
        "retry: {exponential: {factor: 3}}", "retry: {exponential: {jitter: 0.1}}"}) {
    const ScenarioError error = error_of("sender:\n  mta: postfix\n  defaults: {" + retry + "}\n");
    EXPECT_NE(std::string(error.what()).find("is not how Postfix retries"), std::string::npos)
        << error.what();
  }
}

TEST(SenderMtaTest, PostfixKeyRanges) {
  EXPECT_THROW(parse("sender: {mta: postfix, defaults: {initial_concurrency: 0}}\n"), ScenarioError);
  EXPECT_THROW(parse("sender: {mta: postfix, defaults: {queue_run_delay: 0s}}\n"), ScenarioError);
  EXPECT_THROW(parse("sender: {mta: postfix, defaults: {concurrency_failed_cohort_limit: -1}}\n"),
               ScenarioError);
  EXPECT_NO_THROW(parse("sender: {mta: postfix, defaults: {concurrency_failed_cohort_limit: 0}}\n"));
}

TEST(SenderBackoffTest, ReadsBackoffConnectionsAndEndingUponADelivery) {
  const Scenario scenario =
      parse("sender:\n  defaults: {backoff: {max_smtp_out: 2, to_normal_after_delivery: true}}\n");
  EXPECT_EQ(scenario.sender_defaults.backoff.max_smtp_out, 2);
  EXPECT_TRUE(scenario.sender_defaults.backoff.to_normal_after_delivery);
  EXPECT_EQ(parse("").sender_defaults.backoff.max_smtp_out, 0);
  EXPECT_THROW(parse("sender: {defaults: {backoff: {max_smtp_out: -1}}}\n"), ScenarioError);
  EXPECT_THROW(parse("sender: {defaults: {backoff: {to_normal_after_delivery: maybe}}}\n"), ScenarioError);
}

TEST(SenderColdIpsTest, ReadsWarmToColdPairsAndTheDailyCount) {
  const Scenario scenario =
      parse("sender:\n  cold_ips: {192.0.2.1: 192.0.2.2}\n  destinations: {gmail: {cold_msg_per_day: 50}}\n");
  EXPECT_EQ(scenario.cold_ips,
            (std::vector<std::pair<std::string, std::string>>{{"192.0.2.1", "192.0.2.2"}}));
  EXPECT_EQ(scenario.policy_for("gmail").cold_msg_per_day, 50);
  EXPECT_EQ(scenario.sender_defaults.cold_msg_per_day, 0);
}

TEST(SenderColdIpsTest, RefusesUndeclaredSelfAndChainedPairs) {
  EXPECT_NE(
      std::string(error_of("sender:\n  cold_ips: {192.0.2.9: 192.0.2.2}\n").what()).find("not a declared"),
      std::string::npos);
  EXPECT_NE(
      std::string(error_of("sender:\n  cold_ips: {192.0.2.1: 192.0.2.7}\n").what()).find("not a declared"),
      std::string::npos);
  EXPECT_NE(
      std::string(error_of("sender:\n  cold_ips: {192.0.2.1: 192.0.2.1}\n").what()).find("warm IP itself"),
      std::string::npos);
  EXPECT_NE(
      std::string(error_of("sender:\n  cold_ips: {192.0.2.1: 192.0.2.2, 192.0.2.2: 192.0.2.3}\n").what())
          .find("both a warm and a cold IP"),
      std::string::npos);
  EXPECT_THROW(parse("sender: {defaults: {cold_msg_per_day: -1}}\n"), ScenarioError);
}

}  // namespace
}  // namespace delivsim
