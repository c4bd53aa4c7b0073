// The numbered runs of a batch: the one place its runs and seeds are decided, so a shard or rank running run
// N gets exactly what one machine's run N gets.
#include "sim/batch/batch_plan.h"

#include <gtest/gtest.h>

#include "sim/batch/compare_runs.h"
#include "sim/batch/replications.h"
#include "sim/batch/robust_compare.h"
#include "sim/output/summary_json.h"
#include "tests/batch/compare_fixture.h"

namespace delivsim {
namespace {

TEST(BatchPlan, NumbersRunsVariantThenWorldThenReplication) {
  const ScenarioBatch batch = testing::small_batch(testing::kTwoStrategies);
  const BatchPlan plan{batch.strategies, 3, design_worlds(batch, 4)};
  EXPECT_EQ(plan.run_count(), 2u * 4u * 3u);
  const PlannedRun run = planned_run(plan, 1 * 12 + 2 * 3 + 1);
  EXPECT_EQ(run.variant, 1u);
  EXPECT_EQ(run.world, 2u);
  EXPECT_EQ(run.replication, 1);
  EXPECT_EQ(run.seed, replication_seed(batch.strategies[1].scenario.seed, 2 * 3 + 1));
  EXPECT_THROW(planned_run(plan, plan.run_count()), std::out_of_range);
}

TEST(BatchPlan, CommonRandomNumbersAcrossVariants) {
  const ScenarioBatch batch = testing::small_batch(testing::kTwoStrategies);
  const BatchPlan plan{batch.strategies, 2, std::nullopt};
  for (std::size_t r = 0; r < 2; ++r) EXPECT_EQ(planned_run(plan, r).seed, planned_run(plan, 2 + r).seed);
  EXPECT_EQ(planned_run(plan, 0).seed, batch.base.seed) << "replication 1 is the plain run";
}

TEST(BatchPlan, DescribesEachRunForListRuns) {
  const ScenarioBatch batch = testing::small_batch(testing::kTwoStrategies);
  const BatchPlan plain{batch.strategies, 2, std::nullopt};
  EXPECT_EQ(describe_planned_run(plain, 1),
            "1  blast   replication 2  seed " + std::to_string(replication_seed(5, 1)));
  const BatchPlan robust{batch.strategies, 1, design_worlds(batch, 3)};
  EXPECT_EQ(describe_planned_run(robust, 5),
            "5  gentle  world 3  replication 1  seed " + std::to_string(replication_seed(5, 2)));
}

TEST(BatchPlan, ASelectionOfRunsGivesWhatTheWholeBatchGivesForThem) {
  const ScenarioBatch batch = testing::small_batch(testing::kTwoStrategies);
  const BatchPlan plan{batch.strategies, 2, std::nullopt};
  const std::vector<std::vector<RunResult>> whole = run_variants(batch.strategies, 2, 2);
  const std::vector<std::size_t> some{3, 0};
  const std::vector<RunResult> part = run_planned(plan, some, 2);
  ASSERT_EQ(part.size(), 2u);
  EXPECT_EQ(summary_json(part[0]), summary_json(whole[1][1]));
  EXPECT_EQ(summary_json(part[1]), summary_json(whole[0][0]));
}

TEST(BatchPlan, WorldRunsKeepTheirSummaryOnly) {
  const ScenarioBatch batch = testing::small_batch(testing::kTwoStrategies + "accounting: true\n");
  const BatchPlan plan{batch.strategies, 1, design_worlds(batch, 2)};
  const RunResult run = execute_planned_run(plan, 3);
  EXPECT_TRUE(run.timeseries.rows.empty());
  EXPECT_TRUE(run.accounting.empty());
  EXPECT_GT(run.totals.injected, 0);
  const std::vector<std::vector<WorldOutcome>> outcomes =
      run_over_worlds(batch.strategies, *plan.design, 1, 1);
  EXPECT_EQ(summary_json(run), summary_json(outcomes[1][1].runs[0]));
}

TEST(BatchPlan, GroupsResultsByVariant) {
  const ScenarioBatch batch = testing::small_batch(testing::kTwoStrategies);
  const BatchPlan plan{batch.strategies, 2, std::nullopt};
  std::vector<RunResult> results(4);
  for (std::size_t i = 0; i < results.size(); ++i) results[i].seed = i;
  const auto grouped = results_by_variant(plan, results);
  ASSERT_EQ(grouped.size(), 2u);
  EXPECT_EQ(grouped[1][0].seed, 2u);
  EXPECT_THROW(results_by_variant(plan, std::vector<RunResult>(3)), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
