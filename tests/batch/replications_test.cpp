// Replications: their seeds, and identical results whatever the number of threads.
#include "sim/batch/replications.h"

#include <gtest/gtest.h>

#include <set>

#include "compare_fixture.h"
#include "sim/output/summary_json.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace delivsim {
namespace {

TEST(ReplicationSeed, IndexZeroIsTheScenarioSeedAndTheOthersDiffer) {
  EXPECT_EQ(replication_seed(42, 0), 42u);
  EXPECT_EQ(replication_seed(0, 0), 0u);
  std::set<std::uint64_t> seeds;
  for (std::uint64_t base : {0ULL, 1ULL, 42ULL}) {
    for (int index = 0; index < 100; ++index) seeds.insert(replication_seed(base, index));
  }
  EXPECT_EQ(seeds.size(), 300u);
  EXPECT_THROW(replication_seed(42, -1), std::invalid_argument);
}

TEST(ReplicationSeed, IsSplitMix64OfSeedPlusIndexTimesGamma) {
  // SplitMix64's first output for state 0 (the state is advanced by the gamma before mixing).
  EXPECT_EQ(replication_seed(0, 1), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(replication_seed(42, 3), replication_seed(42 + 0x9e3779b97f4a7c15ULL, 2));
}

Scenario small_scenario() {
  return parse_scenario(testing::small_batch_text(""), "small-gmail.yaml");
}

std::vector<std::string> summaries(const std::vector<RunResult>& results) {
  std::vector<std::string> texts;
  for (const RunResult& result : results) texts.push_back(summary_json(result));
  return texts;
}

TEST(RunReplications, GivesTheSameResultsOnOneTwoAndFourThreads) {
  const Scenario scenario = small_scenario();
  const std::vector<std::string> one = summaries(run_replications(scenario, 4, 1));
  ASSERT_EQ(one.size(), 4u);
  EXPECT_EQ(summaries(run_replications(scenario, 4, 2)), one);
  EXPECT_EQ(summaries(run_replications(scenario, 4, 4)), one);
  EXPECT_EQ(std::set<std::string>(one.begin(), one.end()).size(), 4u) << "replications should differ";
}

TEST(RunReplications, ReplicationIUsesReplicationSeedI) {
  const Scenario scenario = small_scenario();
  const std::vector<RunResult> results = run_replications(scenario, 3, 2);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(results[i].seed, replication_seed(scenario.seed, i));
  EXPECT_EQ(summary_json(results[0]), summary_json(run_scenario(scenario)));
}

TEST(RunReplications, ReportsProgressAndRefusesZeroReplications) {
  const Scenario scenario = small_scenario();
  std::size_t last_done = 0;
  run_replications(scenario, 2, 2, [&](const BatchProgress& progress) { last_done = progress.done; });
  EXPECT_EQ(last_done, 2u);
  EXPECT_THROW(run_replications(scenario, 0, 1), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
