#include "sim/cli/compare_command.h"
#include "sim/cli/import_warnings_out.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/batch/compare.h"
#include "sim/batch/compare_files.h"
#include "sim/batch/compare_table.h"
#include "sim/batch/robust_compare.h"
#include "sim/batch/robust_expectations.h"
#include "sim/batch/robust_files.h"
#include "sim/batch/robust_table.h"
#include "sim/cli/batch_command_args.h"
#include "sim/output/output_dir.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// The folder name suffix of a robust comparison's default output folder.
constexpr const char* kRobustCompareFolderSuffix = "-robust";

/// The file's batch, which must have strategies.
std::shared_ptr<const ScenarioBatch> load_strategies(const BatchRequest& request) {
  auto batch = std::make_shared<ScenarioBatch>(load_scenario_batch(request.scenario, request.overrides));
  print_import_warnings(batch->base);
  if (batch->strategies.empty()) {
    throw ScenarioError(request.scenario, 1, 1, "strategies",
                        "is missing (delivsim compare needs strategies)",
                        "a list of {name, set: {path: value}} mappings");
  }
  return batch;
}

int finish_compare(const ScenarioBatch& batch, const BatchPlan& plan, std::vector<RunResult> results,
                   const BatchOutputArgs& output) {
  const CompareResult result = summarise_compare(batch, results_by_variant(plan, std::move(results)));
  write_outputs_atomically(output.out_dir, compare_output_files(result, batch), output.mode);
  if (!output.quiet) {
    std::cout << format_compare_table(result);
    std::cout << "outputs: " << output.out_dir.string() << "/\n";
  }
  return failed_expectations(result) == 0 ? kExitOk : kExitFailed;
}

int finish_robust_compare(const ScenarioBatch& batch, const BatchPlan& plan, std::vector<RunResult> results,
                          const BatchOutputArgs& output) {
  std::vector<std::vector<WorldOutcome>> outcomes = outcomes_by_world(plan, std::move(results));
  const WorldRunsNeeded needed = world_runs_needed(batch);
  std::vector<WorldOutcome> base_worlds;
  if (needed.base) {  // the plan's last variant
    base_worlds = std::move(outcomes.back());
    outcomes.pop_back();
  }
  const RobustResult result = summarise_robust(batch, *plan.design, plan.replications, std::move(outcomes));
  std::vector<CheckedFile> checks;
  if (needed.base || needed.strategies) {
    checks = check_world_expectations(batch, plan.replications, base_worlds, result.strategies);
  }
  write_outputs_atomically(output.out_dir, robust_output_files(result), output.mode);
  const CheckCounts counts = count_checks(checks);
  if (!output.quiet) {
    std::cout << format_robust_table(result);
    if (!checks.empty()) {
      std::cout << "\nExpectations over worlds\n";
      for (const CheckedFile& file : checks) std::cout << format_checked_file(file);
      std::cout << counts.passed << " passed, " << counts.failed << " failed\n";
    }
    std::cout << "outputs: " << output.out_dir.string() << "/\n";
  }
  return counts.failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace

PreparedBatch prepare_compare_batch(const BatchRequest& request) {
  const std::shared_ptr<const ScenarioBatch> batch = load_strategies(request);
  PreparedBatch prepared =
      prepare_layout(request, batch, {batch->strategies, false, batch->base.name, "compare", finish_compare});
  for (const ScenarioVariant& strategy : batch->strategies) prepared.inner_folders.push_back(strategy.name);
  return prepared;
}

PreparedBatch prepare_robust_compare_batch(const BatchRequest& request) {
  const std::shared_ptr<const ScenarioBatch> batch = load_strategies(request);
  std::vector<ScenarioVariant> variants = batch->strategies;
  if (world_runs_needed(*batch).base) {  // its share_of_worlds expectations (finish_robust_compare)
    variants.push_back({batch->base.name, "", {}, batch->base});
  }
  return prepare_layout(request, batch,
                        {std::move(variants), true, batch->base.name + kRobustCompareFolderSuffix,
                         "robust compare", finish_robust_compare});
}

CliCommand add_compare_command(CLI::App& app) {
  auto args = std::make_shared<BatchCommandArgs>();
  auto robust = std::make_shared<RobustArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run a scenario's strategies with common random numbers and compare their headline figures");
  add_batch_command_options(*cmd, *args, "strategy", "Scenario YAML file with a strategies: list");
  add_robust_option(*cmd, *robust,
                    "Compare over N receiver worlds drawn from the assumed parameters' ranges (default N: "
                    "the file's uncertainty.worlds, else " +
                        std::to_string(RobustOptions{}.worlds) +
                        "); --replications then counts per world (default 1)");
  cmd->footer("Example: delivsim compare scenarios/gmail-strategies.yaml --replications 8");
  return {cmd, [args, robust] {
            return drive_batch(batch_request(*args, *robust, kCompareCommandName, kRobustCompareCommandName),
                               args->driver);
          }};
}

}  // namespace delivsim
