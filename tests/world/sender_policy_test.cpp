// The sender's shaping as a whole run sees it: warm-up caps, pattern-rule suspend and bounce actions, what a
// 421 holds (the message, or after a refused greeting the queue).
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"
#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;

/// A new IP sending `recipients` to one provider ("p"), with `destination` as its sender block.
std::string scenario_text(const std::string& provider_yaml, const std::string& destination, int recipients) {
  testing::SmallScenario scenario;
  scenario.duration = "2d";
  scenario.ip = "{address: 192.0.2.1, age: new}";
  scenario.at = "0h";
  scenario.recipients = recipients;
  scenario.provider = provider_yaml;
  scenario.destination = destination;
  return scenario.text();
}

std::vector<double> column(const RunResult& result, const std::string& name) {
  const int index = result.timeseries.column_index(name);
  std::vector<double> values;
  for (const auto& row : result.timeseries.rows) values.push_back(row.at(index));
  return values;
}

TEST(SenderPolicy, WarmupTableCapsEachDayAndSpreadsItOverTheHours) {
  const RunResult result = run_scenario(parse_scenario(
      scenario_text("{profile: generic, domains: [\"*\"]}", "{warmup: {table: [240, 480]}}", 10000),
      "w.yaml"));
  const std::vector<double> attempts = column(result, "p.attempts");
  ASSERT_EQ(attempts.size(), 48u);
  double day0 = 0, day1 = 0;
  for (int h = 0; h < 24; ++h) {
    EXPECT_LE(attempts[h], 10.0) << "hour " << h;  // ceil(240 / 24)
    EXPECT_LE(attempts[24 + h], 20.0) << "hour " << 24 + h;
    day0 += attempts[h];
    day1 += attempts[24 + h];
  }
  EXPECT_EQ(day0, 240.0);
  EXPECT_EQ(day1, 480.0);
  EXPECT_EQ(provider(result, "p").counts.queued_at_end, 10000 - 720);
}

TEST(SenderPolicy, BounceRuleTurnsAMatchingTransientReplyIntoABounce) {
  const RunResult result = run_scenario(parse_scenario(
      scenario_text("{profile: gmail, domains: [\"*\"], params: {transient_fault_share: 1.0}}",
                    "{max_smtp_out: 10, patterns: [{match: \"421 4.3.0\", bounce: true}]}", 1000),
      "b.yaml"));
  const ProviderResult& p = provider(result, "p");
  EXPECT_EQ(p.counts.bounced, 1000);
  EXPECT_EQ(p.counts.attempts, 1000);
  EXPECT_EQ(p.bounces_by_reply.at("421 4.3.0"), 1000);
}

TEST(SenderPolicy, SuspendRuleStopsTheQueueForItsDuration) {
  // One connection; every reply is a fault that suspends the queue for 2h: about 12 attempts a day.
  const RunResult result = run_scenario(parse_scenario(
      scenario_text("{profile: gmail, domains: [\"*\"], params: {transient_fault_share: 1.0}}",
                    "{max_smtp_out: 1, retry_after: 1m, patterns: [{match: \"421 4.3.0\", suspend_for: 2h}]}",
                    100),
      "s.yaml"));
  const ProviderResult& p = provider(result, "p");
  EXPECT_GE(p.counts.attempts, 24);
  EXPECT_LE(p.counts.attempts, 25);
}

TEST(SenderPolicy, A421ToAMessageDefersThatMessageNotTheQueue) {
  // Seed 003: after a 421 PowerMTA closes the connection and retries the message at retry-after; the queue
  // goes on at once. A warm IP (no quota deferrals, and no reputation 421 4.7.0 share, so the faults are the
  // only deferrals), one connection, 1,000 messages, ~5% answered 421 4.3.0 with a 1 h retry: every message
  // is tried in the first hour (a queue-wide pause would try about 20).
  testing::SmallScenario scenario;
  scenario.duration = "2d";
  scenario.at = "0h";
  scenario.provider =
      "{profile: gmail, domains: [\"*\"], params: {transient_fault_share: 0.05, "
      "high_tier_defer_share: 0, medium_tier_defer_share: 0}}";
  scenario.destination = "{max_smtp_out: 1, retry_after: 1h}";
  const RunResult result = scenario.run();
  const std::vector<double> attempts = column(result, "p.attempts");
  const std::vector<double> faults = column(result, "p.deferred[421 4.3.0]");
  EXPECT_GT(faults[0], 20.0);
  EXPECT_EQ(attempts[0], 1000.0);
  EXPECT_EQ(column(result, "p.deferred")[0], faults[0]);  // nothing else deferred
  EXPECT_EQ(attempts[1], faults[0]);                      // the deferred ones, retried an hour later
}

TEST(SenderPolicy, ARefusedGreetingHoldsTheQueueForItsRetryInterval) {
  // A connection-level failure puts the queue in retry mode (PowerMTA retry-after): two connections open
  // at once, the receiver takes one per IP and refuses the other with 421 4.7.0 at the greeting. The open
  // connection sends its 10 messages and closes; no connection opens again until the hour is over.
  const RunResult result = run_scenario(
      parse_scenario(scenario_text("{profile: gmail, domains: [\"*\"], params: {max_connections_per_ip: 1, "
                                   "transient_fault_share: 0}}",
                                   "{max_smtp_out: 2, max_msg_per_connection: 10, retry_after: 1h}", 100),
                     "g.yaml"));
  const std::vector<double> attempts = column(result, "p.attempts");
  EXPECT_EQ(column(result, "p.deferred[421 4.7.0]")[0], 1.0);
  EXPECT_EQ(column(result, "p.delivered")[0], 10.0);
  EXPECT_EQ(attempts[0], 11.0);
  EXPECT_GT(attempts[1], 0.0);
}

TEST(SenderPolicy, APermanentGreetingRefusalBouncesOneMessagePerConnection) {
  // Yahoo's 553 5.7.1 [BL21] at the greeting (a DNS block listing after spam-trap hits, docs/model.md 3.8):
  // the message the refused connection would have carried bounces, as PowerMTA bounces on a 5xx banner, and
  // the queue waits its retry interval before the next connection. A warm IP sends 500 an hour on
  // connections of 10 messages; 5% of the list are traps, so hour 0's ~25 hits list the IP at the first
  // connection after the hourly update, for blocklist_duration (48 h: the rest of the run).
  testing::SmallScenario scenario;
  scenario.duration = "6h";
  scenario.at = "0h";
  scenario.recipients = 3000;
  scenario.list = "{unknown_user_share: 0.0, spam_trap_share: 0.05}";
  scenario.provider =
      "{profile: yahoo, domains: [\"*\"], params: {high_tier_defer_share: 0, medium_tier_defer_share: 0}}";
  scenario.destination =
      "{max_smtp_out: 1, max_msg_per_connection: 10, max_msg_rate: 500/h, retry_after: 1h}";
  const RunResult result = scenario.run();
  const ProviderResult& p = provider(result, "p");
  EXPECT_EQ(p.bounces_by_reply.count("553 5.7.1 [BL21]"), 1u);
  const std::int64_t refused = p.bounces_by_reply.at("553 5.7.1 [BL21]");
  // One refused greeting an hour from hour 1 to hour 5 (the queue holds for retry_after each time).
  EXPECT_GE(refused, 4);
  EXPECT_LE(refused, 6);
  const std::vector<double> delivered = column(result, "p.delivered");
  EXPECT_GT(delivered[0], 400.0);
  for (std::size_t h = 2; h < delivered.size(); ++h) EXPECT_EQ(delivered[h], 0.0) << "hour " << h;
}

}  // namespace
}  // namespace delivsim
