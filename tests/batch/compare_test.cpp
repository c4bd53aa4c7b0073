// delivsim compare as a library: common random numbers, paired differences, best marks, deterministic files.
#include "sim/batch/compare.h"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/batch/compare_files.h"
#include "sim/batch/compare_table.h"
#include "tests/batch/compare_fixture.h"

namespace delivsim {
namespace {

using testing::figure_index;
using testing::kTwoStrategies;
using testing::made_runs;
using testing::MadeRun;
using testing::small_batch;

TEST(Compare, IdenticalStrategiesDifferByExactlyZero) {
  const ScenarioBatch batch = small_batch(
      "strategies:\n  - {name: a, set: {sender.destinations.gmail.max_smtp_out: 20}}\n"
      "  - {name: b, set: {sender.destinations.gmail.max_smtp_out: 20}}\n");
  const CompareResult result = run_compare(batch, {3, 2});
  ASSERT_EQ(result.strategies.size(), 2u);
  const std::vector<RunResult>& runs = result.strategies[0].replications;
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_FALSE(runs[0].totals.bounced == runs[1].totals.bounced &&
               runs[1].totals.bounced == runs[2].totals.bounced)
      << "replications must differ, or this test proves nothing";
  for (std::size_t f = 0; f < headline_figures().size(); ++f) {
    const std::optional<FigureDifference>& diff = result.strategies[1].differences[f];
    ASSERT_TRUE(diff.has_value()) << headline_figures()[f].key;
    EXPECT_EQ(diff->mean, 0.0) << headline_figures()[f].key;
    EXPECT_EQ(diff->ci95_low, 0.0) << headline_figures()[f].key;
    EXPECT_EQ(diff->ci95_high, 0.0) << headline_figures()[f].key;
  }
}

TEST(Compare, PairedDifferenceAndItsIntervalMatchAHandComputation) {
  // delivered shares 0.5, 0.6, 0.7 against 0.6, 0.8, 0.7: differences 0.1, 0.2, 0 with mean 0.1, sd 0.1;
  // t(0.975, 2) = 4.302653, so the half-width is 4.302653 * 0.1 / sqrt(3) = 0.248414.
  const ScenarioBatch batch = small_batch(kTwoStrategies);
  const CompareResult result =
      summarise_compare(batch, {made_runs({{.delivered = 50}, {.delivered = 60}, {.delivered = 70}}),
                                made_runs({{.delivered = 60}, {.delivered = 80}, {.delivered = 70}})});
  const std::size_t share = figure_index("delivered_share");
  EXPECT_TRUE(result.strategies[0].differences.empty());
  const FigureStats& gentle = result.strategies[1].figures[share];
  EXPECT_NEAR(*gentle.mean, 0.7, 1e-12);
  EXPECT_NEAR(*gentle.sd, 0.1, 1e-12);
  const FigureDifference& diff = *result.strategies[1].differences[share];
  EXPECT_NEAR(diff.mean, 0.1, 1e-12);
  EXPECT_NEAR(*diff.ci95_low, 0.1 - 0.248414, 1e-6);
  EXPECT_NEAR(*diff.ci95_high, 0.1 + 0.248414, 1e-6);
}

TEST(Compare, OneReplicationHasADifferenceButNoInterval) {
  const CompareResult result = summarise_compare(
      small_batch(kTwoStrategies), {made_runs({{.delivered = 50}}), made_runs({{.delivered = 80}})});
  const FigureDifference& diff = *result.strategies[1].differences[figure_index("delivered_share")];
  EXPECT_NEAR(diff.mean, 0.3, 1e-12);
  EXPECT_FALSE(diff.ci95_low.has_value());
  EXPECT_FALSE(diff.ci95_high.has_value());
}

TEST(Compare, DifferenceCellShowsTheIntervalWhenThereIsOne) {
  const HeadlineFigure& share = headline_figures()[figure_index("delivered_share")];
  EXPECT_EQ(format_difference_cell(share, FigureDifference{0.1, 0.05, 0.15}), "+10.0 pp [+5.0 pp, +15.0 pp]");
  EXPECT_EQ(format_difference_cell(share, FigureDifference{0.3, std::nullopt, std::nullopt}), "+30.0 pp");
  EXPECT_EQ(format_difference_cell(share, std::nullopt), "-");
}

TEST(Compare, BestHonoursEachFiguresDirectionAndSkipsMissingMeans) {
  // blast delivers more but defers more and never drains in one replication; gentle drains.
  const CompareResult result = summarise_compare(
      small_batch(kTwoStrategies),
      {made_runs({{.delivered = 90, .attempts = 200, .deferrals = 100, .time_to_drain_s = std::nullopt},
                  {.delivered = 90, .attempts = 200, .deferrals = 100}}),
       made_runs({{.delivered = 80, .attempts = 100, .deferrals = 10, .time_to_drain_s = 90000},
                  {.delivered = 80, .attempts = 100, .deferrals = 10, .time_to_drain_s = 90000}})});
  EXPECT_EQ(result.best[figure_index("delivered_share")], 0u) << "higher is better";
  EXPECT_EQ(result.best[figure_index("deferral_rate")], 1u) << "lower is better";
  EXPECT_EQ(result.best[figure_index("time_to_drain_s")], 1u) << "a strategy that did not drain has no mean";
  EXPECT_FALSE(result.strategies[0].figures[figure_index("time_to_drain_s")].mean.has_value());
  EXPECT_FALSE(result.strategies[1].differences[figure_index("time_to_drain_s")].has_value());
  EXPECT_EQ(result.best[figure_index("bounced")], 0u) << "a tie goes to the first";
  EXPECT_FALSE(result.best[figure_index("final_tier")].has_value()) << "no identities, no tier";
  const std::string table = format_compare_table(result);
  EXPECT_NE(table.find("Delivered share        90.0%*                          80.0%\n"), std::string::npos)
      << table;
  EXPECT_NE(table.find("Deferral rate          50.0%                           10.0%*\n"), std::string::npos)
      << table;
  EXPECT_NE(table.find("\n  vs blast                     -10.0 pp [-10.0 pp, -10.0 pp]\n"), std::string::npos)
      << table;
}

TEST(Compare, TopRepliesAreMeansPerRunMostFirst) {
  const CompareResult result = summarise_compare(
      small_batch(kTwoStrategies), {made_runs({{.deferrals = 10}, {.deferrals = 30}}), made_runs({{}, {}})});
  ASSERT_EQ(result.strategies[0].top_replies.size(), 1u);
  EXPECT_EQ(result.strategies[0].top_replies[0].reply, "421 4.7.28");
  EXPECT_DOUBLE_EQ(result.strategies[0].top_replies[0].mean_deferrals, 20);
}

TEST(Compare, FilesAreIdenticalWhateverTheThreadCount) {
  const ScenarioBatch batch = small_batch(kTwoStrategies);
  const CompareResult one_thread = run_compare(batch, {3, 1});
  const CompareResult two_threads = run_compare(batch, {3, 2});
  EXPECT_EQ(compare_json(one_thread), compare_json(two_threads));
  EXPECT_EQ(compare_csv(one_thread), compare_csv(two_threads));
  EXPECT_EQ(format_compare_table(one_thread), format_compare_table(two_threads));
}

TEST(Compare, ReplicationsDefaultToTheFilesAndSeedsFollowReplicationSeed) {
  const ScenarioBatch batch = small_batch("replications: 2\n" + kTwoStrategies);
  const CompareResult result = run_compare(batch, {std::nullopt, 2});
  EXPECT_EQ(result.replications, 2);
  for (const StrategyOutcome& strategy : result.strategies) {
    ASSERT_EQ(strategy.replications.size(), 2u);
    EXPECT_EQ(strategy.replications[0].seed, 5u) << "replication 0 is the scenario's own seed";
    EXPECT_EQ(strategy.replications[1].seed, result.strategies[0].replications[1].seed);
  }
  EXPECT_NE(result.strategies[0].replications[1].seed, 5u);
}

TEST(Compare, CsvHasARowPerStrategyAndFigure) {
  const CompareResult result = summarise_compare(
      small_batch(kTwoStrategies), {made_runs({{.delivered = 50}}), made_runs({{.delivered = 80}})});
  const std::string csv = compare_csv(result);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "strategy,figure,mean,sd,diff_vs_first,ci95_low,ci95_high,best");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * static_cast<long>(headline_figures().size()));
  EXPECT_NE(csv.find("\nblast,delivered_share,0.5,0,,,,false\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\ngentle,delivered_share,0.8,0,0.3,,,true\n"), std::string::npos) << csv;
}

TEST(Compare, JsonFollowsTheContract) {
  const CompareResult result = summarise_compare(
      small_batch(kTwoStrategies), {made_runs({{.delivered = 50}}), made_runs({{.delivered = 80}})});
  const std::string json = compare_json(result);
  EXPECT_NE(json.find("\"kind\": \"compare\""), std::string::npos);
  EXPECT_NE(json.find("\"settings\": {\n        \"sender.destinations.gmail.max_smtp_out\": \"2\",\n"
                      "        \"sender.destinations.gmail.retry_after\": \"30m\"\n"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"difference\": null"), std::string::npos) << "the first strategy's";
  EXPECT_NE(json.find("\"delivered_share\": {\n          \"mean\": 0.3,\n          \"ci95_low\": null,"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"best\": {\n    \"delivered_share\": \"gentle\","), std::string::npos) << json;
}

TEST(Compare, OutputFilesNestEachStrategysRunFolder) {
  const ScenarioBatch batch = small_batch(kTwoStrategies);
  const CompareResult result = summarise_compare(batch, {made_runs({{}, {}}), made_runs({{}, {}})});
  std::vector<std::string> names;
  for (const OutputFile& file : compare_output_files(result, batch)) names.push_back(file.name);
  for (const std::string expected :
       {"compare.json", "compare.csv", "blast/summary.json", "blast/rep-002/summary.json",
        "gentle/timeseries_bands.csv", "gentle/rep-001/timeseries.csv"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
}

TEST(Compare, StrategyExpectationsAreCheckedOverTheReplications) {
  const ScenarioBatch batch = small_batch(
      "strategies:\n  - name: blast\n    set: {sender.destinations.gmail.max_smtp_out: 20}\n"
      "    expect: [\"providers.gmail.deferral_rate > 0.2\", \"totals.delivered == 0\"]\n");
  const CompareResult result = run_compare(batch, {2, 1});
  ASSERT_EQ(result.strategies[0].expectations.size(), 2u);
  EXPECT_TRUE(result.strategies[0].expectations[0].outcome.passed);
  EXPECT_FALSE(result.strategies[0].expectations[1].outcome.passed);
  EXPECT_EQ(failed_expectations(result), 1);
  EXPECT_NE(format_compare_table(result).find("1 passed, 1 failed"), std::string::npos);
}

TEST(Compare, WithoutStrategiesItRefuses) {
  EXPECT_THROW(run_compare(small_batch(""), {1, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
