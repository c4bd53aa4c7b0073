// Policy regression tests: the shipped scenarios must keep teaching what the seed articles teach.
#include <gtest/gtest.h>

#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;
using testing::run_shipped;

double share_of(const ProviderResult& p, const std::string& reply) {
  const auto it = p.deferrals_by_reply.find(reply);
  const std::int64_t n = it == p.deferrals_by_reply.end() ? 0 : it->second;
  return p.counts.attempts ? static_cast<double>(n) / static_cast<double>(p.counts.attempts) : 0.0;
}

Tier worst_tier(const RunResult& result, const std::string& provider_name) {
  Tier worst = Tier::High;
  for (const IdentityResult& identity : result.identities) {
    if (identity.provider == provider_name) worst = std::min(worst, identity.final_tier);
  }
  return worst;
}

double mean_score(const RunResult& result, const std::string& provider_name) {
  double sum = 0;
  int n = 0;
  for (const IdentityResult& identity : result.identities) {
    if (identity.provider == provider_name) sum += identity.final_score, ++n;
  }
  return n ? sum / n : 0;
}

const TrafficResult& traffic(const RunResult& result, const std::string& name) {
  for (const TrafficResult& t : result.traffic) {
    if (t.name == name) return t;
  }
  throw std::out_of_range(name);
}

// Seed 001/002: warm a new IP up instead of blasting; the warm-up sees under a fifth of the blast's
// 421 4.7.28 share and ends at a tier no worse.
TEST(SeedLessons, WarmupAvoidsTheColdBlastsQuotaDeferrals) {
  const RunResult blast = run_shipped("gmail-cold-blast");
  const RunResult warmup = run_shipped("gmail-warmup");
  const double blast_share = share_of(provider(blast, "gmail"), "421 4.7.28");
  const double warmup_share = share_of(provider(warmup, "gmail"), "421 4.7.28");
  EXPECT_GT(blast_share, 0.02);
  EXPECT_LT(warmup_share, blast_share / 5);
  EXPECT_GE(worst_tier(warmup, "gmail"), worst_tier(blast, "gmail"));
  EXPECT_GT(provider(warmup, "gmail").counts.delivered, provider(blast, "gmail").counts.delivered);
}

// Seeds 002-004: hammering a throttling receiver costs attempts and reputation and hardens into 5.7.1.
TEST(SeedLessons, AggressiveRetryCostsAttemptsReputationAndABlock) {
  const RunResult aggressive = run_shipped("retry-aggressive");
  const RunResult backoff = run_shipped("retry-backoff");
  const ProviderResult& a = provider(aggressive, "gmail");
  const ProviderResult& b = provider(backoff, "gmail");
  const double a_per_delivered = static_cast<double>(a.counts.attempts) / std::max<std::int64_t>(1, a.counts.delivered);
  const double b_per_delivered = static_cast<double>(b.counts.attempts) / std::max<std::int64_t>(1, b.counts.delivered);
  EXPECT_GE(a_per_delivered, 3 * b_per_delivered);
  EXPECT_LT(mean_score(aggressive, "gmail"), mean_score(backoff, "gmail"));
  EXPECT_LE(worst_tier(aggressive, "gmail"), worst_tier(backoff, "gmail"));
  EXPECT_GT(a.bounces_by_reply.count("550 5.7.1") ? a.bounces_by_reply.at("550 5.7.1") : 0, 0);
  EXPECT_EQ(b.bounces_by_reply.count("550 5.7.1"), 0u);
}

// Google sender guidelines: above a 0.3% spam rate the sender loses mitigation and is throttled.
TEST(SeedLessons, HighComplaintListCrossesPointThreePercentAndIsThrottledMore) {
  const RunResult high = run_shipped("complaints-high");
  const RunResult low = run_shipped("complaints-low");
  double high_peak = 0, low_peak = 0;
  for (const IdentityResult& i : high.identities) high_peak = std::max(high_peak, i.peak_spam_rate);
  for (const IdentityResult& i : low.identities) low_peak = std::max(low_peak, i.peak_spam_rate);
  EXPECT_GT(high_peak, 0.003);
  EXPECT_LT(low_peak, 0.003);
  EXPECT_GT(provider(high, "gmail").deferral_rate, 2 * provider(low, "gmail").deferral_rate);
  EXPECT_LT(worst_tier(high, "gmail"), worst_tier(low, "gmail"));
}

/// Mean of an identity column of the time series over the last `days` whole days, one value per day (its
/// last hour: the daily spam rate holds for the whole day).
double last_days_mean(const RunResult& result, const std::string& column, int days) {
  const int index = result.timeseries.column_index(column);
  if (index < 0) throw std::out_of_range(column);
  const auto& rows = result.timeseries.rows;
  double sum = 0;
  for (int day = 1; day <= days; ++day) sum += rows.at(rows.size() - 1 - 24 * (day - 1))[index];
  return sum / days;
}

// "Prune the list": suppressing hard bounces, complainers and the unengaged (a sunset policy) takes the dead
// addresses, the traps and the complaining segment off an aging list mailed daily, so the spam rate falls
// and the reputation recovers; the same list mailed without suppression stays MEDIUM.
TEST(SeedLessons, SuppressingBouncesComplainersAndTheUnengagedRestoresReputation) {
  const RunResult off = run_shipped("list-hygiene-off");
  const RunResult on = run_shipped("list-hygiene-on");
  const TrafficResult& sent_off = traffic(off, "newsletter");
  const TrafficResult& sent_on = traffic(on, "newsletter");
  // The mechanism: recipients are suppressed, and the same recipients were drawn in both runs.
  EXPECT_EQ(sent_off.suppressed, 0);
  EXPECT_GT(sent_on.suppressed, 0);
  EXPECT_EQ(sent_on.injected + sent_on.suppressed, sent_off.injected);
  // Each dead address bounces about once instead of on every send.
  const auto unknown_user = [](const RunResult& r) {
    return provider(r, "gmail").bounces_by_reply.at("550 5.1.1");
  };
  EXPECT_LT(unknown_user(on) * 10, unknown_user(off));
  // Fewer complaints per inbox delivery: the last week's daily spam rate is under 0.1% only with suppression.
  const std::string spam_rate = "gmail.ip[198.51.100.20].spam_rate";
  EXPECT_GT(last_days_mean(off, spam_rate, 7), 0.001);
  EXPECT_LT(last_days_mean(on, spam_rate, 7), 0.001);
  // The outcome: the pruned list's identities end HIGH, the unpruned ones below.
  EXPECT_EQ(worst_tier(on, "gmail"), Tier::High);
  EXPECT_LT(worst_tier(off, "gmail"), Tier::High);
  EXPECT_GT(mean_score(on, "gmail"), mean_score(off, "gmail") + 0.1);
}

// Seed 001: move transactional mail to its own IP so a marketing spike cannot delay receipts.
TEST(SeedLessons, SplitIpsKeepTransactionalLatencyFarBelowTheSharedIps) {
  const RunResult shared = run_shipped("shared-ip-mixed");
  const RunResult split = run_shipped("split-ip-mixed");
  const double shared_p95 = traffic(shared, "receipts").latency.p95_s;
  const double split_p95 = traffic(split, "receipts").latency.p95_s;
  EXPECT_GT(shared_p95, 600.0);
  EXPECT_LT(split_p95 * 10, shared_p95);
}

// Seed 000: max-msg-rate 500/h means Gmail never gets more than 500 messages in any hour.
TEST(SeedLessons, PowerMtaSeedBlockNeverSendsMoreThan500AnHourToGmail) {
  const RunResult result = run_shipped("pmta-seed-gmail");
  ASSERT_EQ(result.timeseries.interval, kHour);
  const int attempts = result.timeseries.column_index("gmail.attempts");
  ASSERT_GE(attempts, 0);
  double busiest = 0;
  for (const auto& row : result.timeseries.rows) busiest = std::max(busiest, row[attempts]);
  EXPECT_LE(busiest, 500.0);
  EXPECT_GE(busiest, 450.0);  // the limit is actually used
  EXPECT_EQ(provider(result, "gmail").counts.delivered + provider(result, "gmail").counts.bounced, 20000);
}

}  // namespace
}  // namespace delivsim
