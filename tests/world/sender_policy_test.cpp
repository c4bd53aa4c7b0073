// The sender's shaping as a whole run sees it: warm-up caps, pattern-rule suspend and bounce actions.
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

}  // namespace
}  // namespace delivsim
