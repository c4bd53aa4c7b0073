// delivsim sweep --robust: every point in every receiver world; the best point is the best mean among those
// meeting the constraints in at least min_share_of_worlds of the worlds. Checked with hand-made worlds, with
// ranges that make the answer known, against the plain sweep when the range is a single value, across
// thread counts, and as a user runs it.
#include "sim/batch/sweep_robust.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "sim/batch/sweep.h"
#include "sim/batch/sweep_robust_files.h"
#include "sim/batch/sweep_robust_table.h"
#include "tests/batch/compare_fixture.h"
#include "tests/cli_runner.h"

namespace delivsim {
namespace {

namespace fs = std::filesystem;

using testing::made_runs;
using testing::MadeRun;
using testing::small_batch;

/// Two points (2 and 20 connections) minimising the drain time with at most 5% deferrals.
const std::string kTwoPoints =
    "sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [2, 20]}\n"
    "objective:\n  minimize: providers.gmail.time_to_drain_s\n"
    "  subject_to: [\"providers.gmail.deferral_rate <= 0.05\"]\n";

/// kTwoPoints run in worlds where only quota_floor_medium varies, over `range`.
std::string two_points(const std::string& range) {
  return kTwoPoints + "uncertainty:\n  providers:\n    gmail:\n      vary: listed\n" +
         "      ranges: {quota_floor_medium: " + range + "}\n";
}

/// A world of one made run.
WorldOutcome made_world(const MadeRun& run) {
  return {made_runs({run}), {}};
}

TEST(RobustSweep, TheBestMeanAmongPointsMeetingTheConstraintsInEnoughWorldsWins) {
  // point-001 drains fastest but defers too much in 1 of 4 worlds; point-002 is slower and always clean;
  // point-003 never drains in one world.
  ScenarioBatch batch = small_batch(
      "sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [1, 2, 3]}\n"
      "objective:\n  minimize: providers.gmail.time_to_drain_s\n"
      "  subject_to: [\"providers.gmail.deferral_rate <= 0.05\"]\n");
  const WorldDesign design{1, {}, std::vector<std::vector<ParamValue>>(4)};
  const std::vector<std::vector<WorldOutcome>> outcomes{
      {made_world({.deferrals = 1, .time_to_drain_s = 100}),
       made_world({.deferrals = 1, .time_to_drain_s = 200}),
       made_world({.deferrals = 20, .time_to_drain_s = 300}),
       made_world({.deferrals = 1, .time_to_drain_s = 400})},
      {made_world({.time_to_drain_s = 500}), made_world({.time_to_drain_s = 500}),
       made_world({.time_to_drain_s = 500}), made_world({.time_to_drain_s = 900})},
      {made_world({.time_to_drain_s = 10}), made_world({.time_to_drain_s = std::nullopt}),
       made_world({.time_to_drain_s = 10}), made_world({.time_to_drain_s = 10})}};
  const RobustSweepResult strict = summarise_robust_sweep(batch, design, 1, outcomes);
  ASSERT_EQ(strict.points.size(), 3u);
  EXPECT_EQ(strict.points[0].constraints_share, 0.75);
  EXPECT_FALSE(strict.points[0].feasible);
  EXPECT_DOUBLE_EQ(*strict.points[0].objective_mean, 250);
  EXPECT_DOUBLE_EQ(*strict.points[0].objective_p5, 115);   // type 7: 100 + 0.15 * (200 - 100)
  EXPECT_DOUBLE_EQ(*strict.points[0].objective_p95, 385);  // 300 + 0.85 * (400 - 300)
  EXPECT_EQ(strict.points[0].worlds[2].constraints_met, false);
  EXPECT_EQ(strict.points[1].constraints_share, 1.0);
  EXPECT_FALSE(strict.points[2].objective_mean.has_value()) << "no value in one world: never best";
  EXPECT_EQ(strict.best, 1u);
  EXPECT_EQ(robust_feasible_count(strict), 2u);
  EXPECT_EQ(robust_best_reason(strict),
            "lowest providers.gmail.time_to_drain_s mean over 4 worlds of the 2 of 3 points that met every "
            "constraint in at least 90% of the worlds");

  batch.objective->min_share_of_worlds = 0.75;
  EXPECT_EQ(summarise_robust_sweep(batch, design, 1, outcomes).best, 0u);
}

TEST(RobustSweep, AQuotaFloorFarAboveTheListMakesEveryPointFeasibleInEveryWorld) {
  const RobustSweepResult result =
      run_robust_sweep(small_batch(two_points("{low: 200000, high: 400000}")), {8, 1, 2});
  ASSERT_EQ(result.design.varied.size(), 1u);
  ASSERT_EQ(result.points.size(), 2u);
  for (const RobustSweepPoint& point : result.points) {
    EXPECT_EQ(point.worlds.size(), 8u);
    EXPECT_EQ(point.constraints_share, 1.0) << point.name;
    ASSERT_TRUE(point.objective_mean.has_value()) << point.name;
  }
  ASSERT_TRUE(result.best.has_value());
  const std::size_t other = 1 - *result.best;
  EXPECT_LT(*result.points[*result.best].objective_mean, *result.points[other].objective_mean);
  EXPECT_NE(format_robust_sweep_table(result).find("2 of 2 points met every constraint in at least 90%"),
            std::string::npos)
      << format_robust_sweep_table(result);
}

TEST(RobustSweep, AQuotaFloorFarBelowTheListMakesNoPointFeasible) {
  const RobustSweepResult result =
      run_robust_sweep(small_batch(two_points("{low: 100, high: 200}")), {8, 1, 2});
  for (const RobustSweepPoint& point : result.points) EXPECT_EQ(point.constraints_share, 0.0) << point.name;
  EXPECT_FALSE(result.best.has_value());
  EXPECT_NE(format_robust_sweep_table(result).find("best: none; 0 of 2 points"), std::string::npos)
      << format_robust_sweep_table(result);
  EXPECT_NE(robust_sweep_json(result).find("\"best\": null"), std::string::npos);
}

TEST(RobustSweep, ARangeOfOneValueGivesThePlainSweepsReplications) {
  const RobustSweepResult robust =
      run_robust_sweep(small_batch(two_points("{low: 30000, high: 30000}")), {4, 1, 2});
  const SweepResult plain = run_sweep(
      small_batch("providers: {gmail: {params: {quota_floor_medium: 30000}}}\n" + kTwoPoints), {4, 2});
  for (std::size_t p = 0; p < 2; ++p) {
    ASSERT_TRUE(robust.points[p].objective_mean && plain.points[p].objective) << p;
    EXPECT_DOUBLE_EQ(*robust.points[p].objective_mean, *plain.points[p].objective) << p;
    EXPECT_EQ(robust.points[p].constraints_share == 1.0, plain.points[p].failed_constraints.empty()) << p;
  }
}

TEST(RobustSweep, TheThreadCountChangesNothing) {
  const ScenarioBatch batch = small_batch(two_points("{low: 1000, high: 100000}"));
  const RobustSweepResult one = run_robust_sweep(batch, {8, 1, 1});
  const RobustSweepResult two = run_robust_sweep(batch, {8, 1, 2});
  EXPECT_EQ(robust_sweep_json(one), robust_sweep_json(two));
  EXPECT_EQ(robust_sweep_csv(one), robust_sweep_csv(two));
  EXPECT_NE(one.points[0].worlds[0].objective, one.points[0].worlds[1].objective)
      << "worlds must differ, or this test proves nothing";
}

TEST(RobustSweep, TheCsvHasARowPerPointAndWorld) {
  const RobustSweepResult result =
      run_robust_sweep(small_batch(two_points("{low: 1000, high: 100000}")), {3, 1, 2});
  const std::string csv = robust_sweep_csv(result);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "point,world,sender.destinations.gmail.max_smtp_out,gmail.quota_floor_medium,delivered_share,"
            "deferral_rate,max_queue,time_to_drain_s,p95_latency_s,final_tier,bounced,expired,objective,"
            "constraints_met");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 7);
  EXPECT_NE(csv.find("\npoint-002,3,20,"), std::string::npos) << csv;
}

TEST(RobustSweep, WithoutAnObjectiveItIsRefused) {
  const ScenarioBatch batch =
      small_batch("sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [2]}\n");
  EXPECT_THROW(run_robust_sweep(batch, {2, 1, 1}), std::invalid_argument);
}

TEST(RobustSweepCli, WritesTheRobustFilesAndPrintsTheBest) {
  const fs::path file = testing::scenario_file(two_points("{low: 1000, high: 100000}") + "  worlds: 3\n");
  const fs::path out = file.parent_path() / "out";
  const testing::CommandResult r =
      testing::run_delivsim("sweep " + file.string() + " --robust --threads 2 --out " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(
      r.output.find("Robust sweep small-gmail  seed 5  2 points x 3 receiver worlds (1 assumed parameter "
                    "varied, Latin hypercube seed 5), 1 replication per world"),
      std::string::npos)
      << r.output;
  for (const char* name : {".delivsim-output", "sweep_robust.json", "sweep_robust.csv"})
    EXPECT_TRUE(fs::exists(out / name)) << name;
  const testing::CommandResult quiet =
      testing::run_delivsim("sweep " + file.string() + " --robust 2 -q --force --out " + out.string());
  EXPECT_EQ(quiet.exit_code, 0) << quiet.output;
  EXPECT_EQ(quiet.output, "");
}

TEST(RobustSweepCli, BadInputExitsTwo) {
  const fs::path no_objective =
      testing::scenario_file("sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [2]}\n");
  const testing::CommandResult r = testing::run_delivsim("sweep " + no_objective.string() + " --robust 2");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("objective: is missing (delivsim sweep --robust ranks the points"),
            std::string::npos)
      << r.output;
  const fs::path file = testing::scenario_file(two_points("{low: 1000, high: 100000}"));
  for (const char* worlds : {"0", "10001", "x"}) {
    const testing::CommandResult bad =
        testing::run_delivsim("sweep " + file.string() + " --robust " + worlds);
    EXPECT_EQ(bad.exit_code, 2) << worlds << ": " << bad.output;
  }
}

}  // namespace
}  // namespace delivsim
