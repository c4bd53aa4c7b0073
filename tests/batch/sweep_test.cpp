// delivsim sweep as a library: grid order, csv columns, the objective's choice and its reasons.
#include "sim/batch/sweep.h"

#include <gtest/gtest.h>

#include "sim/batch/sweep_files.h"
#include "sim/batch/sweep_objective.h"
#include "sim/batch/sweep_reasons.h"
#include "sim/batch/sweep_table.h"
#include "tests/batch/compare_fixture.h"

namespace delivsim {
namespace {

using testing::made_runs;
using testing::MadeRun;
using testing::small_batch;

const std::string kFourPoints =
    "sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [1, 2, 3, 4]}\n"
    "objective:\n  minimize: providers.gmail.time_to_drain_s\n"
    "  subject_to: [\"providers.gmail.deferral_rate <= 0.05\"]\n";

TEST(Sweep, PointsFollowTheGridAndTheCsvHasAColumnPerAxisAndFigure) {
  const ScenarioBatch batch = small_batch(
      "sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [2, 20]}\n"
      "  - {path: sender.destinations.gmail.retry_after, values: [10m, 30m, 1h]}\n");
  const SweepResult result = run_sweep(batch, {1, 2});
  ASSERT_EQ(result.points.size(), 6u);
  EXPECT_EQ(result.points[0].name, "point-001");
  EXPECT_EQ(result.points[3].name, "point-004");
  EXPECT_EQ(result.points[3].settings[0].second, "20") << "the first axis varies slowest";
  EXPECT_EQ(result.points[3].settings[1].second, "10m");
  EXPECT_NE(result.points[0].figures[1].mean, result.points[3].figures[1].mean)
      << "different settings, different deferral rates";
  const std::string csv = sweep_csv(result);
  EXPECT_EQ(
      csv.substr(0, csv.find('\n')),
      "point,sender.destinations.gmail.max_smtp_out,sender.destinations.gmail.retry_after,"
      "delivered_share,deferral_rate,max_queue,time_to_drain_s,p95_latency_s,final_tier,bounced,expired");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 7);
  EXPECT_NE(csv.find("\npoint-002,2,30m,"), std::string::npos) << csv;
  EXPECT_FALSE(result.best.has_value()) << "no objective, no best";
  EXPECT_EQ(sweep_json(result).find("\"objective\": null"), sweep_json(result).find("\"objective\""));
}

TEST(Sweep, TheObjectivePicksTheBestPointThatMeetsEveryConstraint) {
  // point-002 drains fastest but defers too much; point-004 never drains; point-003 wins among the rest.
  const ScenarioBatch batch = small_batch(kFourPoints);
  const SweepResult result = summarise_sweep(
      batch, {made_runs({{.attempts = 100, .deferrals = 1, .time_to_drain_s = 500}}),
              made_runs({{.attempts = 100, .deferrals = 20, .time_to_drain_s = 100}}),
              made_runs({{.attempts = 100, .deferrals = 3, .time_to_drain_s = 300}}),
              made_runs({{.attempts = 100, .deferrals = 0, .time_to_drain_s = std::nullopt}})});
  ASSERT_EQ(result.best, 2u);
  EXPECT_EQ(feasible_count(result), 3u);
  EXPECT_EQ(result.points[1].failed_constraints, std::vector<std::size_t>{0});
  EXPECT_FALSE(result.points[3].objective.has_value());
  EXPECT_EQ(
      exclusion_reasons(result),
      (std::vector<std::string>{"1 point had providers.gmail.deferral_rate > 0.05",
                                "1 point that met every constraint had no value for "
                                "providers.gmail.time_to_drain_s (null or missing in some replication)"}));
  const std::string table = format_sweep_table(result);
  EXPECT_NE(table.find("best: point-003 (sender.destinations.gmail.max_smtp_out=3): "
                       "providers.gmail.time_to_drain_s 5m 0s; 3 of 4 points met every constraint\n"
                       "  1 point had providers.gmail.deferral_rate > 0.05\n"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("\npoint-003*"), std::string::npos) << table;
  const std::string json = sweep_json(result);
  EXPECT_NE(json.find("\"best\": {\n    \"point\": \"point-003\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"reason\": \"lowest providers.gmail.time_to_drain_s of the 3 of 4 points that met "
                      "every constraint\""),
            std::string::npos)
      << json;
  const std::string csv = sweep_csv(result);
  EXPECT_NE(csv.find("\npoint-002,2,1,0.2,0,100,0,,0,0,false,100\n"), std::string::npos) << csv;
}

TEST(Sweep, MaximisingPicksTheHighestValue) {
  const ScenarioBatch batch = small_batch(
      "sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [1, 2, 3]}\n"
      "objective: {maximize: providers.gmail.delivered, subject_to: []}\n");
  const SweepResult result = summarise_sweep(
      batch,
      {made_runs({{.delivered = 70}}), made_runs({{.delivered = 90}}), made_runs({{.delivered = 90}})});
  EXPECT_EQ(result.best, 1u) << "the highest; a tie goes to the first";
}

TEST(Sweep, WhenNoPointIsFeasibleThereIsNoBestAndTheReasonsSayWhy) {
  const ScenarioBatch batch = small_batch(kFourPoints);
  const std::vector<RunResult> deferring = made_runs({{.attempts = 100, .deferrals = 30}});
  const SweepResult result = summarise_sweep(batch, {deferring, deferring, deferring, deferring});
  EXPECT_FALSE(result.best.has_value());
  EXPECT_EQ(feasible_count(result), 0u);
  const std::string table = format_sweep_table(result);
  EXPECT_NE(table.find("best: none; 0 of 4 points met every constraint\n"
                       "  4 points had providers.gmail.deferral_rate > 0.05\n"),
            std::string::npos)
      << table;
  EXPECT_NE(sweep_json(result).find("\"best\": null"), std::string::npos);
}

TEST(Sweep, ConstraintsAreCheckedOverEveryReplication) {
  const ScenarioBatch batch = small_batch(kFourPoints);
  const std::vector<RunResult> one_bad =
      made_runs({{.attempts = 100, .deferrals = 1}, {.attempts = 100, .deferrals = 9}});
  const std::vector<RunResult> good =
      made_runs({{.attempts = 100, .deferrals = 1}, {.attempts = 100, .deferrals = 2}});
  const SweepResult result = summarise_sweep(batch, {one_bad, good, good, good});
  EXPECT_FALSE(result.points[0].failed_constraints.empty()) << "one replication over the limit is enough";
  EXPECT_EQ(result.best, 1u);
  EXPECT_DOUBLE_EQ(*result.points[1].figures[1].mean, 0.015) << "figures are means over replications";
}

struct BrokenCase {
  std::string written;
  std::string broken;
};
class BrokenConstraint : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenConstraint, ReversesTheOperator) {
  Expectation constraint = parse_expectation(GetParam().written);
  constraint.text = GetParam().written;
  EXPECT_EQ(broken_constraint_text(constraint), GetParam().broken);
}

INSTANTIATE_TEST_SUITE_P(
    EveryOperator, BrokenConstraint,
    ::testing::Values(BrokenCase{"totals.delivered < 5", "totals.delivered >= 5"},
                      BrokenCase{"totals.delivered <= 5", "totals.delivered > 5"},
                      BrokenCase{"totals.delivered > 5", "totals.delivered <= 5"},
                      BrokenCase{"totals.delivered >= 5", "totals.delivered < 5"},
                      BrokenCase{"totals.delivered == 5", "totals.delivered != 5"},
                      BrokenCase{"totals.delivered != 5", "totals.delivered == 5"},
                      BrokenCase{"mean(providers.gmail.deferrals_by_reply[\"421 4.7.28\"]) <= 10",
                                 "mean(providers.gmail.deferrals_by_reply[\"421 4.7.28\"]) > 10"}));

TEST(Sweep, FilesAreIdenticalWhateverTheThreadCount) {
  const ScenarioBatch batch = small_batch(kFourPoints);
  const SweepResult one_thread = run_sweep(batch, {2, 1});
  const SweepResult two_threads = run_sweep(batch, {2, 2});
  EXPECT_EQ(sweep_json(one_thread), sweep_json(two_threads));
  EXPECT_EQ(sweep_csv(one_thread), sweep_csv(two_threads));
}

TEST(Sweep, WithoutASweepItRefuses) {
  EXPECT_THROW(run_sweep(small_batch(""), {1, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
