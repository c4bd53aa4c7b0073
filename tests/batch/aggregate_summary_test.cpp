// The aggregate summary.json and timeseries_bands.csv of hand-made replications, against hand-computed
// statistics.
#include "sim/batch/aggregate_summary.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compare_fixture.h"

namespace delivsim {
namespace {

using Json = nlohmann::ordered_json;

IdentityResult identity(Tier tier) {
  IdentityResult result;
  result.id = "203.0.113.10";
  result.provider = "gmail";
  result.final_tier = tier;
  return result;
}

Alert alert(const std::string& level) {
  return {.provider = "gmail", .hour_start_s = 0, .deferral_share = 0.2, .level = level};
}

/// Three replications: delivered 90, 100, 80; drained after 1 h, never, 2 h; tiers HIGH, LOW, MEDIUM;
/// alerts (unusual, unusual, act), none, (unusual); a reply only the second replication saw.
std::vector<RunResult> three_replications() {
  std::vector<RunResult> runs = testing::made_runs({{.delivered = 90, .time_to_drain_s = 3600},
                                                    {.delivered = 100, .time_to_drain_s = std::nullopt},
                                                    {.delivered = 80, .time_to_drain_s = 7200}});
  const Tier tiers[] = {Tier::High, Tier::Low, Tier::Medium};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].seed = 11 + i;
    runs[i].start_date = "2026-01-05T00:00:00Z";
    runs[i].identities = {identity(tiers[i])};
  }
  runs[1].providers[0].deferrals_by_reply["421 4.7.0"] = 6;
  runs[0].alerts = {alert("unusual"), alert("unusual"), alert("act")};
  runs[2].alerts = {alert("unusual")};
  return runs;
}

Json stats(double mean, double sd, double p5, double p50, double p95, double min, double max) {
  return {{"mean", mean}, {"sd", sd}, {"p5", p5}, {"p50", p50}, {"p95", p95}, {"min", min}, {"max", max}};
}

class AggregateSummary : public ::testing::Test {
 protected:
  Json aggregate_ = Json::parse(aggregate_summary_json(three_replications()));
};

TEST_F(AggregateSummary, OpensWithKindReplicationsAndTheSeeds) {
  EXPECT_EQ(aggregate_["schema_version"], kAggregateSchemaVersion);
  EXPECT_EQ(aggregate_["kind"], "replications");
  EXPECT_EQ(aggregate_["scenario"], "made");
  EXPECT_EQ(aggregate_["replications"], 3);
  EXPECT_EQ(aggregate_["seeds"], Json::array({11, 12, 13}));
  EXPECT_EQ(aggregate_["start_date"], "2026-01-05T00:00:00Z");
  EXPECT_FALSE(aggregate_.contains("seed"));
}

TEST_F(AggregateSummary, ReplacesACountByItsStatistics) {
  // {80, 90, 100}: sd 10; p5 at rank 0.1 = 81, p95 at rank 1.9 = 99.
  EXPECT_EQ(aggregate_["providers"]["gmail"]["delivered"], stats(90, 10, 81, 90, 99, 80, 100));
  EXPECT_EQ(aggregate_["totals"]["delivered"], stats(90, 10, 81, 90, 99, 80, 100));
}

TEST_F(AggregateSummary, RoundsLikeSummaryJson) {
  // delivered_share {0.9, 1.0, 0.8}: same as above divided by 100, written to 6 significant digits.
  const Json& share = aggregate_["totals"]["delivered_share"];
  EXPECT_EQ(share["mean"].dump(), "0.9");
  EXPECT_EQ(share["p5"].dump(), "0.81");
  // Alert hours {1, 0, 0}: mean 1/3 and sd 1/sqrt(3) to 6 digits.
  EXPECT_EQ(aggregate_["alerts"]["act_hours"]["mean"].dump(), "0.333333");
  EXPECT_EQ(aggregate_["alerts"]["act_hours"]["sd"].dump(), "0.57735");
}

TEST(AggregateSummaryPlacement, AggregatesTheInboxSplitAndTheMeanAndP99LatencyLikeEveryFigure) {
  // Delivered 90, 100, 80 with 45, 100, 20 into the inbox: inbox shares 0.5, 1, 0.25.
  std::vector<RunResult> runs =
      testing::made_runs({{.delivered = 90}, {.delivered = 100}, {.delivered = 80}});
  const std::int64_t inbox[] = {45, 100, 20};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].providers[0].counts.delivered_inbox = inbox[i];
    runs[i].totals.delivered_inbox = inbox[i];
    runs[i].providers[0].latency = {.mean_s = 10.0 * static_cast<double>(i + 1), .p99_s = 100.0 * (i + 1)};
  }
  const Json aggregate = Json::parse(aggregate_summary_json(runs));
  const Json& gmail = aggregate["providers"]["gmail"];
  // {20, 45, 100}: mean 55, sd sqrt(((-35)^2 + (-10)^2 + 45^2) / 2) = 40.9268; p5 at rank 0.1 = 22.5.
  EXPECT_EQ(gmail["delivered_inbox"], stats(55, 40.9268, 22.5, 45, 94.5, 20, 100));
  // Spam {45, 0, 60}.
  EXPECT_EQ(gmail["delivered_spam"], stats(35, 31.225, 4.5, 45, 58.5, 0, 60));
  EXPECT_EQ(gmail["inbox_share"]["mean"].dump(), "0.583333");
  EXPECT_EQ(aggregate["totals"]["inbox_share"]["min"], 0.25);
  EXPECT_EQ(gmail["delivery_latency_s"]["mean"], stats(20, 10, 11, 20, 29, 10, 30));
  EXPECT_EQ(gmail["delivery_latency_s"]["p99"], stats(200, 100, 110, 200, 290, 100, 300));
}

TEST_F(AggregateSummary, TakesANullAsNeverAndCountsIt) {
  // {3600, never, 7200} sorted {3600, 7200, never}: p5 at rank 0.1 = 3960, p50 = 7200, p95 among the nulls.
  Json expected = {{"mean", nullptr}, {"sd", nullptr}, {"p5", 3960.0},   {"p50", 7200.0},
                   {"p95", nullptr},  {"min", 3600.0}, {"max", nullptr}, {"nulls", 1}};
  EXPECT_EQ(aggregate_["providers"]["gmail"]["time_to_drain_s"], expected);
}

TEST_F(AggregateSummary, CountsAReplyAReplicationNeverSawAsZero) {
  const Json& replies = aggregate_["providers"]["gmail"]["deferrals_by_reply"];
  // {0, 6, 0}: sd sqrt(12) = 3.4641 to 6 digits; p95 at rank 1.9 = 0.9 * 6.
  EXPECT_EQ(replies["421 4.7.0"], stats(2, 3.4641, 0, 0, 5.4, 0, 6)) << replies.dump();
  EXPECT_EQ(replies["421 4.7.28"], stats(0, 0, 0, 0, 0, 0, 0));
}

TEST_F(AggregateSummary, CountsTiersAndTakesTheirLowerMedian) {
  const Json& identity = aggregate_["identities"][0];
  EXPECT_EQ(identity["id"], "203.0.113.10");
  EXPECT_EQ(identity["final_tier"],
            (Json{{"counts", {{"BAD", 0}, {"LOW", 1}, {"MEDIUM", 1}, {"HIGH", 1}}}, {"p50", "MEDIUM"}}));
  std::vector<RunResult> two = three_replications();
  two.pop_back();  // HIGH and LOW: the lower median is LOW
  EXPECT_EQ(Json::parse(aggregate_summary_json(two))["identities"][0]["final_tier"]["p50"], "LOW");
}

TEST(AggregateSummaryFilterColours, CountsEachReplicationsWorstColourAndAggregatesTheDays) {
  std::vector<RunResult> runs = three_replications();
  const FilterColourDays days[] = {{.green = 3, .yellow = 0, .red = 0},
                                   {.green = 1, .yellow = 1, .red = 1},
                                   {.green = 0, .yellow = 0, .red = 0}};
  for (std::size_t i = 0; i < runs.size(); ++i) runs[i].identities[0].filter_colours = days[i];
  const Json identity = Json::parse(aggregate_summary_json(runs))["identities"][0];
  EXPECT_EQ(identity["worst_filter_colour"],
            (Json{{"counts", {{"green", 1}, {"yellow", 0}, {"red", 1}, {"none", 1}}}, {"worst", "red"}}));
  EXPECT_EQ(identity["filter_colours"]["green"]["max"], 3);
  EXPECT_EQ(identity["filter_colours"]["red"]["mean"], 0.333333);
  runs.erase(runs.begin() + 1);  // green and none: the worst is green
  EXPECT_EQ(Json::parse(aggregate_summary_json(runs))["identities"][0]["worst_filter_colour"]["worst"],
            "green");
}

TEST_F(AggregateSummary, TurnsAlertsIntoHoursPerLevel) {
  // unusual {2, 0, 1}: mean 1, sd 1.
  EXPECT_EQ(aggregate_["alerts"]["unusual_hours"], stats(1, 1, 0.1, 1, 1.9, 0, 2));
  EXPECT_EQ(aggregate_["alerts"].size(), 2u);
}

TEST_F(AggregateSummary, CopiesAProvidersThresholdsOnceInsteadOfStatistics) {
  std::vector<RunResult> runs = three_replications();
  for (RunResult& run : runs) {
    run.providers[0].thresholds.tier_high_min = 0.9;
    run.providers[0].thresholds.spam_rate_bad = 0.005;
  }
  const Json aggregate = Json::parse(aggregate_summary_json(runs));
  EXPECT_EQ(aggregate["providers"]["gmail"]["thresholds"],
            Json::parse(R"({"tier_high_min": 0.9, "tier_medium_min": 0.55, "tier_low_min": 0.3,
      "spam_rate_good": 0.001, "spam_rate_bad": 0.005, "alert_unusual_share": 0.05, "alert_act_share": 0.15})"));
  // The figures beside them are still statistics.
  EXPECT_TRUE(aggregate["providers"]["gmail"]["max_queue"].contains("mean"));
}

TEST(AggregateSummaryErrors, RefusesReplicationsWithDifferentThresholds) {
  std::vector<RunResult> runs = three_replications();
  runs[2].providers[0].thresholds.alert_act_share = 0.2;
  try {
    aggregate_summary_json(runs);
    FAIL() << "replications with different thresholds were aggregated";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("providers.gmail.thresholds"), std::string::npos) << e.what();
  }
}

TEST(AggregateSummaryErrors, RefusesNoReplicationsAndReplicationsOfDifferentScenarios) {
  EXPECT_THROW(aggregate_summary_json({}), std::invalid_argument);
  std::vector<RunResult> runs = three_replications();
  runs[1].identities[0].id = "198.51.100.1";
  EXPECT_THROW(aggregate_summary_json(runs), std::invalid_argument);
}

RunResult series_run(std::vector<std::vector<double>> rows) {
  RunResult run;
  run.timeseries.columns = {{"t_s", SeriesColumn::Kind::Count},
                            {"queue", SeriesColumn::Kind::Count},
                            {"tier", SeriesColumn::Kind::Tier}};
  run.timeseries.rows = std::move(rows);
  return run;
}

TEST(TimeseriesBands, MeanAndPercentilesPerIntervalOverTheReplicationsThatReachedIt) {
  const double high = static_cast<int>(Tier::High), medium = static_cast<int>(Tier::Medium),
               low = static_cast<int>(Tier::Low);
  const std::vector<RunResult> runs{series_run({{0, 10, high}, {3600, 20, low}}),
                                    series_run({{0, 30, medium}})};
  // Row 0: queue {10, 30} -> mean 20, p5 11, p95 29; tier {3, 2} -> 2.5, 2.05, 2.95. Row 1: the first only.
  EXPECT_EQ(timeseries_bands_csv(runs),
            "t_s,queue_mean,queue_p5,queue_p95,tier_mean,tier_p5,tier_p95\n"
            "0,20,11,29,2.5,2.05,2.95\n"
            "3600,20,20,20,1,1,1\n");
}

TEST(TimeseriesBands, AsATimeseriesKeepTheIntervalAndReadTiersAsRatios) {
  std::vector<RunResult> runs{series_run({{0, 10, 3}, {900, 20, 1}}), series_run({{0, 30, 2}})};
  for (RunResult& run : runs) run.timeseries.interval = std::chrono::minutes(15);
  const Timeseries bands = timeseries_bands(runs);
  EXPECT_EQ(bands.interval, std::chrono::minutes(15));
  ASSERT_EQ(bands.columns.size(), 7U);
  EXPECT_EQ(bands.columns[1].name, "queue_mean");
  EXPECT_EQ(bands.columns[1].kind, SeriesColumn::Kind::Count);
  EXPECT_EQ(bands.columns[4].name, "tier_mean");
  EXPECT_EQ(bands.columns[4].kind, SeriesColumn::Kind::Ratio);
  const std::vector<std::vector<double>> expected{{0, 20, 11, 29, 2.5, 2.05, 2.95},
                                                  {900, 20, 20, 20, 1, 1, 1}};
  ASSERT_EQ(bands.rows.size(), expected.size());
  for (std::size_t r = 0; r < expected.size(); ++r) {
    ASSERT_EQ(bands.rows[r].size(), expected[r].size());
    for (std::size_t c = 0; c < expected[r].size(); ++c) EXPECT_NEAR(bands.rows[r][c], expected[r][c], 1e-9);
  }
  EXPECT_TRUE(timeseries_bands({RunResult{}}).columns.empty());
}

TEST(TimeseriesBands, RefusesReplicationsWithDifferentColumns) {
  RunResult other = series_run({});
  other.timeseries.columns.pop_back();
  EXPECT_THROW(timeseries_bands_csv({series_run({}), other}), std::invalid_argument);
  EXPECT_THROW(timeseries_bands_csv({}), std::invalid_argument);
  EXPECT_EQ(timeseries_bands_csv({RunResult{}, RunResult{}}), "");
}

}  // namespace
}  // namespace delivsim
