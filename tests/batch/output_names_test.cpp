// kDelivsimOutputNames must name every file the batch writers put in an output folder, or the folder
// rules would take delivsim's own files for a user's and refuse to replace an earlier output.
#include <gtest/gtest.h>

#include <algorithm>

#include "compare_fixture.h"
#include "sim/batch/compare_files.h"
#include "sim/batch/replication_outputs.h"
#include "sim/batch/robust_files.h"
#include "sim/batch/sweep_files.h"
#include "sim/batch/sweep_robust_files.h"
#include "sim/output/output_folder.h"

namespace delivsim {
namespace {

void expect_known_names(const std::vector<OutputFile>& files) {
  for (const OutputFile& file : files) {
    const std::string name = std::filesystem::path(file.name).filename().string();
    EXPECT_NE(std::find(kDelivsimOutputNames.begin(), kDelivsimOutputNames.end(), name),
              kDelivsimOutputNames.end())
        << file.name;
  }
}

TEST(OutputNames, EveryBatchWritersFileIsADelivsimOutputName) {
  const std::vector<RunResult> runs = testing::made_runs({{}, {}});
  expect_known_names(replication_output_files(runs, true));
  expect_known_names(replication_output_files({runs.front()}, true));
  const ScenarioBatch compare = testing::small_batch(
      "strategies:\n  - {name: a, set: {duration: 6h}}\n  - {name: b, set: {duration: 6h, accounting: "
      "true}}\n");
  const CompareResult compared = run_compare(compare, {2, 1});
  expect_known_names(compare_output_files(compared, compare));
  const SweepResult swept =
      run_sweep(testing::small_batch("sweep:\n  - {path: duration, values: [6h]}\n"), {1, 1});
  expect_known_names(sweep_output_files(swept));
  const RobustSweepResult robust =
      run_robust_sweep(testing::small_batch("sweep:\n  - {path: duration, values: [6h]}\n"
                                            "objective: {minimize: providers.gmail.time_to_drain_s}\n"),
                       {1, 1, 1});
  expect_known_names(robust_sweep_output_files(robust));
  const RobustResult robust_compared = run_robust_compare(compare, {1, 1, 1});
  expect_known_names(robust_output_files(robust_compared));
}

}  // namespace
}  // namespace delivsim
