// Whole runs: conservation on every shipped scenario, determinism, and closed-form checks on small cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>

#include "sim/output/summary_json.h"
#include "sim/output/timeseries_csv.h"
#include "sim/scenario/scenario_loader.h"
#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;
using testing::run_shipped;
using testing::traffic_of;

class ShippedScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedScenario, ConservesEveryMessageOverallAndPerProviderAndSplitsDeliveredMail) {
  const RunResult result = run_shipped(GetParam(), {"duration=3d"});
  EXPECT_GT(result.totals.injected, 0);
  EXPECT_TRUE(result.totals.conserved());
  std::int64_t injected = 0;
  for (const ProviderResult& p : result.providers) {
    EXPECT_TRUE(p.counts.conserved()) << p.name;
    EXPECT_LE(p.counts.deferrals, p.counts.attempts) << p.name;
    // Every deferral and every bounce is counted under its reply.
    const auto total = [](const std::map<std::string, std::int64_t>& by_reply) {
      std::int64_t sum = 0;
      for (const auto& [reply, count] : by_reply) sum += count;
      return sum;
    };
    EXPECT_EQ(total(p.deferrals_by_reply), p.counts.deferrals) << p.name;
    EXPECT_EQ(total(p.bounces_by_reply), p.counts.bounced) << p.name;
    injected += p.counts.injected;
  }
  EXPECT_EQ(injected, result.totals.injected);
  EXPECT_EQ(result.timeseries.rows.size(), 72u);
  // Delivered mail splits into inbox and spam folder, alike per provider and per traffic source.
  std::int64_t provider_inbox = 0, traffic_delivered = 0, traffic_inbox = 0;
  for (const ProviderResult& p : result.providers) {
    EXPECT_GE(p.counts.delivered_inbox, 0) << p.name;
    EXPECT_GE(p.counts.delivered_spam(), 0) << p.name;
    provider_inbox += p.counts.delivered_inbox;
  }
  for (const TrafficResult& t : result.traffic) {
    EXPECT_GE(t.delivered_spam(), 0) << t.name;
    traffic_delivered += t.delivered;
    traffic_inbox += t.delivered_inbox;
  }
  EXPECT_EQ(provider_inbox, result.totals.delivered_inbox);
  EXPECT_EQ(traffic_inbox, result.totals.delivered_inbox);
  EXPECT_EQ(traffic_delivered, result.totals.delivered);
}

INSTANTIATE_TEST_SUITE_P(AllShipped, ShippedScenario,
                         ::testing::Values("gmail-cold-blast", "gmail-warmup", "retry-aggressive",
                                           "retry-backoff", "complaints-high", "complaints-low",
                                           "list-hygiene-off", "list-hygiene-on", "shared-ip-mixed",
                                           "split-ip-mixed", "pmta-seed-gmail", "whatif-100k", "bench-1m"));

std::string outputs_of(const RunResult& result) {
  std::ostringstream csv;
  write_timeseries_csv(result.timeseries, csv);
  return summary_json(result) + csv.str();
}

TEST(RunDeterminism, SameSeedGivesByteIdenticalOutputs) {
  const std::vector<std::string> shorter = {"duration=2d"};
  EXPECT_EQ(outputs_of(run_shipped("whatif-100k", shorter)), outputs_of(run_shipped("whatif-100k", shorter)));
}

TEST(RunDeterminism, DifferentSeedGivesDifferentOutputs) {
  EXPECT_NE(outputs_of(run_shipped("whatif-100k", {"duration=2d", "seed=1"})),
            outputs_of(run_shipped("whatif-100k", {"duration=2d", "seed=2"})));
}

TEST(RunClosedForm, GenericProviderDeliversEveryMessageOnceWithNoUnknownUsers) {
  const RunResult result = testing::SmallScenario{}.run();
  const ProviderResult& p = provider(result, "p");
  EXPECT_EQ(p.counts.injected, 1000);
  EXPECT_EQ(p.counts.delivered, 1000);
  EXPECT_EQ(p.counts.attempts, 1000);
  EXPECT_EQ(p.counts.deferrals, 0);
  ASSERT_TRUE(p.time_to_drain_s.has_value());
  EXPECT_LT(*p.time_to_drain_s, 3600.0);
  // 1000 messages over 20 connections of ~0.3 s each drain within a minute of the campaign.
  EXPECT_LT(p.latency.max_s, 60.0);
}

/// One deferral column per distinct transient reply key of the providers' profiles' catalogs, in catalog
/// order: Gmail's eleven, and for a generic provider also its per-connection limit and greylisting replies.
TEST(RunTimeseries, DeferralColumnsAreTheProfilesTransientReplyKeys) {
  std::vector<std::string> expected{
      "p.deferred[421 4.7.28]", "p.deferred[421 4.7.0]",  "p.deferred[450 4.2.1]",  "p.deferred[421 4.3.0]",
      "p.deferred[421 4.7.26]", "p.deferred[421 4.7.27]", "p.deferred[421 4.7.30]", "p.deferred[421 4.7.32]",
      "p.deferred[421 4.7.40]", "p.deferred[421 4.7.29]", "p.deferred[421 5.7.32]"};
  for (const std::string profile : {"gmail", "generic"}) {
    if (profile == "generic") expected.insert(expected.end(), {"p.deferred[421]", "p.deferred[450 4.2.0]"});
    testing::SmallScenario scenario;
    scenario.duration = "2h";
    scenario.recipients = 10;
    scenario.provider = "{profile: " + profile + ", domains: [\"*\"]}";
    std::vector<std::string> deferral_columns;
    for (const SeriesColumn& column : scenario.run().timeseries.columns) {
      if (column.name.find(".deferred[") != std::string::npos) deferral_columns.push_back(column.name);
    }
    EXPECT_EQ(deferral_columns, expected) << profile;
  }
}

TEST(RunClosedForm, UnknownUsersBounceWith550_511AndCountOnce) {
  testing::SmallScenario scenario;
  scenario.list = "{unknown_user_share: 1.0}";
  const RunResult result = scenario.run();
  const ProviderResult& p = provider(result, "p");
  EXPECT_EQ(p.counts.bounced, 1000);
  EXPECT_EQ(p.bounces_by_reply.at("550 5.1.1"), 1000);
  EXPECT_EQ(p.counts.delivered, 0);
}

TEST(RunAccounting, EachRecordCarriesTheReplyKindThatSetsItsBounceCategory) {
  testing::SmallScenario scenario;
  scenario.list = "{unknown_user_share: 0.5}";
  RunOptions options;
  options.accounting = true;
  const RunResult result = run_scenario(parse_scenario(scenario.text(), "small.yaml"), options);
  std::int64_t unknown = 0, accepted = 0;
  for (const AccountingRecord& record : result.accounting) {
    EXPECT_EQ(record.type == 'b', record.reply_kind == ReplyKind::UnknownUser);
    unknown += record.reply_kind == ReplyKind::UnknownUser;
    accepted += record.reply_kind == ReplyKind::Accepted;
  }
  EXPECT_EQ(unknown, provider(result, "p").counts.bounced);
  EXPECT_EQ(accepted, provider(result, "p").counts.delivered);
}

TEST(RunClosedForm, MailThatCannotGetThroughExpiresAtTheQueueLifetime) {
  testing::SmallScenario scenario;
  scenario.provider = "{profile: gmail, domains: [\"*\"], params: {transient_fault_share: 1.0}}";
  scenario.destination = "{bounce_after: 6h, retry_after: 30m}";
  const RunResult result = scenario.run();
  const ProviderResult& gmail = provider(result, "p");
  EXPECT_EQ(gmail.counts.expired, 1000);
  EXPECT_EQ(gmail.counts.delivered, 0);
  // Each 421 pauses the queue for retry_after (30m): over the 6h lifetime at most 13 rounds of at most
  // max_smtp_out (20) connections reach the receiver, and every round reaches it at least once.
  const std::int64_t faults = gmail.deferrals_by_reply.at("421 4.3.0");
  EXPECT_GE(faults, 12);
  EXPECT_LE(faults, 13 * 20);
  // Every message was injected at 1h and expires at 1h + 6h exactly.
  ASSERT_TRUE(gmail.time_to_drain_s.has_value());
  EXPECT_DOUBLE_EQ(*gmail.time_to_drain_s, 6 * 3600.0);
}

TEST(RunClosedForm, ConstantSmtpTimesGiveOneLatencyAsMeanAndEveryPercentile) {
  // 20 messages at once, one connection each (max_smtp_out 20): each takes connect + transaction, 0.4 s.
  testing::SmallScenario scenario;
  scenario.recipients = 20;
  scenario.provider =
      "{profile: generic, domains: [\"*\"], params: {connect_time: {kind: constant, value: 100ms}, "
      "message_time: {kind: constant, value: 300ms}}}";
  const RunResult result = scenario.run();
  for (const LatencySummary& latency : {provider(result, "p").latency, traffic_of(result, "t").latency}) {
    EXPECT_DOUBLE_EQ(latency.mean_s, 0.4);
    EXPECT_DOUBLE_EQ(latency.p50_s, 0.4);
    EXPECT_DOUBLE_EQ(latency.p95_s, 0.4);
    EXPECT_DOUBLE_EQ(latency.p99_s, 0.4);
    EXPECT_DOUBLE_EQ(latency.max_s, 0.4);
  }
}

/// Delivered records' latencies (logged - queued), in milliseconds, sorted.
std::vector<std::int64_t> delivered_latencies_ms(const RunResult& result) {
  std::vector<std::int64_t> latencies;
  for (const AccountingRecord& record : result.accounting) {
    if (record.type == 'd') latencies.push_back((record.logged - record.queued).count());
  }
  std::sort(latencies.begin(), latencies.end());
  return latencies;
}

TEST(RunClosedForm, LatencyMeanIsExactAndPercentilesAreNearestRankOfTheDeliveredMessages) {
  // 1000 messages over 20 connections with lognormal SMTP times: latencies spread from 0.2 s to tens of s.
  RunOptions options;
  options.accounting = true;
  const RunResult result =
      run_scenario(parse_scenario(testing::SmallScenario{}.text(), "small.yaml"), options);
  const std::vector<std::int64_t> latencies = delivered_latencies_ms(result);
  ASSERT_EQ(latencies.size(), 1000u);
  const double sum_ms = std::accumulate(latencies.begin(), latencies.end(), 0.0);
  const LatencySummary& latency = provider(result, "p").latency;
  EXPECT_DOUBLE_EQ(latency.mean_s, sum_ms / 1000.0 / 1000.0);
  // Nearest rank: the value at rank ceil(p * 1000), 1-based.
  EXPECT_DOUBLE_EQ(latency.p50_s, static_cast<double>(latencies[499]) / 1000.0);
  EXPECT_DOUBLE_EQ(latency.p95_s, static_cast<double>(latencies[949]) / 1000.0);
  EXPECT_DOUBLE_EQ(latency.p99_s, static_cast<double>(latencies[989]) / 1000.0);
  EXPECT_DOUBLE_EQ(latency.max_s, static_cast<double>(latencies[999]) / 1000.0);
  EXPECT_LT(latency.p50_s, latency.p99_s) << "a spread, so the ranks are told apart";
  EXPECT_NE(latency.mean_s, latency.p50_s);
}

/// A provider whose every tier places accepted mail in the inbox with probability `share` at the tier's lower
/// threshold, and whose warm identities start at `warm_score` and stay there (no rise toward the target).
std::string provider_with_inbox_share(const std::string& share, const std::string& warm_score) {
  return "{profile: generic, domains: [\"*\"], params: {inbox_share_high: " + share +
         ", inbox_share_medium: " + share + ", inbox_share_low: " + share + ", inbox_share_bad: " + share +
         ", warm_identity_score: " + warm_score + ", score_rise_per_day: 0}}";
}

TEST(RunClosedForm, PlacementFollowsTheReceiversInboxShare) {
  // The combined score is the warm score throughout. At tier_high_min (0.8) the inbox share is
  // inbox_share_high (docs/model.md 3.8).
  testing::SmallScenario scenario;
  for (const auto& [share, inbox] : {std::pair{"1.0", 1000}, std::pair{"0.0", 0}}) {
    scenario.provider = provider_with_inbox_share(share, "0.8");
    const RunResult result = scenario.run();
    const ProviderResult& p = provider(result, "p");
    EXPECT_EQ(p.counts.delivered, 1000) << share;
    EXPECT_EQ(p.counts.delivered_inbox, inbox) << share;
    EXPECT_EQ(p.counts.delivered_spam(), 1000 - inbox) << share;
    EXPECT_EQ(traffic_of(result, "t").delivered_inbox, inbox) << share;
    EXPECT_EQ(result.totals.delivered_inbox, inbox) << share;
  }
  // Above tier_high_min the share is graduated toward 1 at a score of 1: at 0.85, a quarter of the way from
  // 0.8 to 1, inbox_share_high 0 gives 0.25. A binomial count of 1000 draws, sd 0.0137; 5 sd either side.
  scenario.provider = provider_with_inbox_share("0.0", "0.85");
  const RunResult graduated = scenario.run();
  EXPECT_NEAR(provider(graduated, "p").counts.inbox_share(), 0.25, 5 * 0.0137);
  EXPECT_EQ(traffic_of(graduated, "t").delivered_inbox, provider(graduated, "p").counts.delivered_inbox);
}

TEST(RunCancel, CancelFlagStopsTheRun) {
  std::atomic<bool> cancel{true};
  RunOptions options;
  options.cancel = &cancel;
  EXPECT_THROW(run_scenario(load_scenario(testing::shipped_scenario_path("whatif-100k")), options),
               RunCancelled);
}

TEST(RunProgressReports, ProgressIsMonotonicAndEndsAtTheEnd) {
  std::vector<Duration> seen;
  RunOptions options;
  options.progress_every = std::chrono::hours(12);
  options.on_progress = [&](const RunProgress& p) { seen.push_back(p.now); };
  run_scenario(parse_scenario(testing::SmallScenario{}.text(), "small.yaml"), options);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], std::chrono::hours(12));
  EXPECT_EQ(seen[1], std::chrono::hours(24));
}

}  // namespace
}  // namespace delivsim

namespace delivsim {
namespace {

// Named streams per entity: adding a sender that shares nothing with another leaves the other's draws,
// and so its results, exactly as they were.
TEST(RunDeterminism, AddingAnUnrelatedSenderDoesNotChangeAnotherSendersResults) {
  const std::string base = R"(
name: one-sender
seed: 4
duration: 2d
identities:
  ips: [{address: 192.0.2.1, age: new}, {address: 192.0.2.2, age: new}]
  domains: [{name: a.example, age: new}, {name: b.example, age: new}]
pools: {a: [192.0.2.1], b: [192.0.2.2]}
traffic:
  - {name: a, pool: a, dkim_domain: a.example, campaign: {recipients: 20000, at: 0h}, domains: {gmail.com: 1.0}}
)";
  const std::string with_other =
      base +
      R"(  - {name: b, pool: b, dkim_domain: b.example, campaign: {recipients: 30000, at: 0h}, domains: {gmail.com: 0.5, example.org: 0.5}}
)";
  const RunResult alone = run_scenario(parse_scenario(base, "alone.yaml"));
  const RunResult together = run_scenario(parse_scenario(with_other, "together.yaml"));
  auto identity = [](const RunResult& r, const std::string& id) {
    for (const IdentityResult& i : r.identities) {
      if (i.provider == "gmail" && i.id == id && i.kind == IdentityKind::Ip) return i;
    }
    throw std::out_of_range(id);
  };
  EXPECT_EQ(identity(alone, "192.0.2.1").final_score, identity(together, "192.0.2.1").final_score);
  EXPECT_EQ(traffic_of(alone, "a").delivered, traffic_of(together, "a").delivered);
  EXPECT_EQ(traffic_of(alone, "a").latency.p95_s, traffic_of(together, "a").latency.p95_s);
}

}  // namespace
}  // namespace delivsim
