// Reading summary.json back: each provider's thresholds, each traffic source's suppressed count, and files
// written before they existed; placement and latency figures.
#include "sim/report/summary_reader.h"

#include <gtest/gtest.h>

#include "sim/output/summary_json.h"
#include "sim/report/report_error.h"

namespace delivsim::report {
namespace {

using Json = nlohmann::ordered_json;

/// Two providers: gmail with an overridden HIGH threshold and spam-rate limit, other with the defaults.
RunResult two_providers() {
  RunResult run;
  run.scenario = "thresholds";
  run.start_date = "2026-01-05T00:00:00Z";
  run.providers.resize(2);
  run.providers[0].name = "gmail";
  run.providers[0].profile = "gmail";
  run.providers[0].thresholds.tier_high_min = 0.9;
  run.providers[0].thresholds.spam_rate_bad = 0.005;
  run.providers[0].thresholds.alert_act_share = 0.25;
  run.providers[1].name = "other";
  run.providers[1].profile = "generic";
  run.providers[1].thresholds.tier_low_min = 0.2;
  return run;
}

Json written(const RunResult& run) {
  return Json::parse(summary_json(run));
}

TEST(SummaryReader, ReadsFilterColourDaysAndNoneWhenAbsent) {
  RunResult run = two_providers();
  run.providers[0].filter_colours = FilterColourDays{.green = 3, .yellow = 2, .red = 1};
  run.identities = {{IdentityKind::Ip, "192.0.2.1", "gmail", Tier::Low, 0.4, 0.004,
                     FilterColourDays{.green = 1, .yellow = 0, .red = 2}},
                    {IdentityKind::Ip, "192.0.2.1", "other", Tier::High, 0.9, 0, std::nullopt}};
  const RunResult read = run_result_from_summary(written(run), "summary.json");
  EXPECT_EQ(read.providers[0].filter_colours, run.providers[0].filter_colours);
  EXPECT_FALSE(read.providers[1].filter_colours.has_value());
  EXPECT_EQ(read.identities[0].filter_colours, run.identities[0].filter_colours);
  EXPECT_FALSE(read.identities[1].filter_colours.has_value());
  Json summary = written(run);
  summary["providers"]["gmail"]["filter_colours"]["red"] = "many";
  EXPECT_THROW(run_result_from_summary(summary, "summary.json"), ReportInputError);
}

TEST(SummaryReader, ReadsEachProvidersThresholds) {
  const RunResult run = two_providers();
  const RunResult read = run_result_from_summary(written(run), "summary.json");
  ASSERT_EQ(read.providers.size(), 2u);
  EXPECT_EQ(read.providers[0].thresholds, run.providers[0].thresholds);
  EXPECT_EQ(read.providers[1].thresholds, run.providers[1].thresholds);
  EXPECT_EQ(read.providers[0].thresholds.tier_high_min, 0.9);
  EXPECT_EQ(read.providers[1].thresholds.tier_low_min, 0.2);
}

TEST(SummaryReader, ReadsEachProvidersProfileAndEmptyWhenAbsent) {
  const RunResult run = two_providers();
  const RunResult read = run_result_from_summary(written(run), "summary.json");
  EXPECT_EQ(read.providers[0].profile, "gmail");
  EXPECT_EQ(read.providers[1].profile, "generic");
  Json summary = written(run);
  for (auto& [name, provider] : summary["providers"].items()) provider.erase("profile");
  for (const ProviderResult& provider : run_result_from_summary(summary, "summary.json").providers)
    EXPECT_EQ(provider.profile, "") << provider.name;
}

TEST(SummaryReader, FileWithoutThresholdsGetsTheGmailProfiles) {
  Json summary = written(two_providers());
  for (auto& [name, provider] : summary["providers"].items()) provider.erase("thresholds");
  const RunResult read = run_result_from_summary(summary, "summary.json");
  ASSERT_EQ(read.providers.size(), 2u);
  for (const ProviderResult& provider : read.providers) {
    EXPECT_EQ(provider.thresholds, ProviderThresholds::gmail()) << provider.name;
  }
  EXPECT_EQ(read.providers[0].thresholds.tier_high_min, 0.8);
  EXPECT_EQ(read.providers[0].thresholds.spam_rate_bad, 0.003);
}

TEST(SummaryReader, ReadsDeferralsByStepAndBytesSentAndNoneWhenAbsent) {
  RunResult run = two_providers();
  run.providers[0].deferrals_by_step = {{"mail_from", 7}, {"rcpt_to", 2}};
  run.providers[0].bytes_sent = 123456789;
  const RunResult read = run_result_from_summary(written(run), "summary.json");
  EXPECT_EQ(read.providers[0].deferrals_by_step, run.providers[0].deferrals_by_step);
  EXPECT_EQ(read.providers[0].bytes_sent, 123456789);
  EXPECT_TRUE(read.providers[1].deferrals_by_step.empty());
  Json older = written(run);  // written before the SMTP step was modelled
  for (auto& [name, provider] : older["providers"].items()) {
    provider.erase("deferrals_by_step");
    provider.erase("bytes_sent");
  }
  const RunResult read_older = run_result_from_summary(older, "summary.json");
  EXPECT_TRUE(read_older.providers[0].deferrals_by_step.empty());
  EXPECT_EQ(read_older.providers[0].bytes_sent, 0);
}

TEST(SummaryReader, ReadsEachTrafficSourcesSuppressedCountAndZeroWhenAbsent) {
  RunResult run = two_providers();
  run.traffic = {{.name = "news",
                  .traffic_class = "marketing",
                  .injected = 1000,
                  .delivered = 900,
                  .latency = {},
                  .suppressed = 250}};
  Json summary = written(run);
  EXPECT_EQ(run_result_from_summary(summary, "summary.json").traffic.at(0).suppressed, 250);
  summary["traffic"]["news"].erase("suppressed");  // written before suppression existed
  EXPECT_EQ(run_result_from_summary(summary, "summary.json").traffic.at(0).suppressed, 0);
  summary["traffic"]["news"]["suppressed"] = "many";
  EXPECT_THROW(run_result_from_summary(summary, "summary.json"), ReportInputError);
}

TEST(SummaryReader, ReadsPlacementAndLatencyPerProviderAndTrafficSource) {
  RunResult run = two_providers();
  run.providers[0].counts = {.delivered = 40, .delivered_inbox = 30};
  run.providers[0].latency = {.mean_s = 7.5, .p50_s = 5, .p95_s = 20, .p99_s = 30, .max_s = 40};
  run.totals = run.providers[0].counts;
  run.traffic = {
      {"news", "marketing", 50, 40, 30, {.mean_s = 7.5, .p50_s = 5, .p95_s = 20, .p99_s = 30, .max_s = 40}}};
  const RunResult read = run_result_from_summary(written(run), "summary.json");
  EXPECT_EQ(read.providers[0].counts.delivered_inbox, 30);
  EXPECT_EQ(read.totals.delivered_inbox, 30);
  const LatencySummary& latency = read.providers[0].latency;
  EXPECT_EQ(latency.mean_s, 7.5);
  EXPECT_EQ(latency.p99_s, 30);
  ASSERT_EQ(read.traffic.size(), 1u);
  EXPECT_EQ(read.traffic[0].delivered_inbox, 30);
  EXPECT_EQ(read.traffic[0].latency.mean_s, 7.5);
  EXPECT_EQ(read.traffic[0].latency.p99_s, 30);
  EXPECT_EQ(read.traffic[0].latency.max_s, 40);
}

TEST(SummaryReader, MissingPlacementOrLatencyFigureIsAnInputError) {
  Json summary = written(two_providers());
  summary["providers"]["gmail"]["delivery_latency_s"].erase("p99");
  EXPECT_THROW(run_result_from_summary(summary, "summary.json"), ReportInputError);
  summary = written(two_providers());
  summary["totals"].erase("delivered_inbox");
  EXPECT_THROW(run_result_from_summary(summary, "summary.json"), ReportInputError);
}

TEST(SummaryReader, IncompleteThresholdsAreAnInputError) {
  Json summary = written(two_providers());
  summary["providers"]["other"]["thresholds"].erase("alert_act_share");
  EXPECT_THROW(run_result_from_summary(summary, "summary.json"), ReportInputError);
  summary["providers"]["other"]["thresholds"] = "high";
  EXPECT_THROW(run_result_from_summary(summary, "summary.json"), ReportInputError);
}

}  // namespace
}  // namespace delivsim::report
