#include "sim/cli/sweep_command.h"
#include "sim/cli/import_warnings_out.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/batch/robust_compare.h"
#include "sim/batch/sweep.h"
#include "sim/batch/sweep_files.h"
#include "sim/batch/sweep_robust.h"
#include "sim/batch/sweep_robust_files.h"
#include "sim/batch/sweep_robust_table.h"
#include "sim/batch/sweep_table.h"
#include "sim/cli/batch_command_args.h"
#include "sim/output/output_dir.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// The folder name suffix of a robust sweep's default output folder.
constexpr const char* kRobustSweepFolderSuffix = "-robust-sweep";

/// The file's batch, which must have a sweep.
std::shared_ptr<const ScenarioBatch> load_sweep(const BatchRequest& request) {
  auto batch = std::make_shared<ScenarioBatch>(load_scenario_batch(request.scenario, request.overrides));
  print_import_warnings(batch->base);
  if (batch->sweep_points.empty()) {
    throw ScenarioError(request.scenario, 1, 1, "sweep", "is missing (delivsim sweep needs a sweep)",
                        "a list of {path, values: [...]} or {path, range: {from, to, step}} mappings");
  }
  return batch;
}

int finish_sweep(const ScenarioBatch& batch, const BatchPlan& plan, std::vector<RunResult> results,
                 const BatchOutputArgs& output) {
  const SweepResult result = summarise_sweep(batch, results_by_variant(plan, std::move(results)));
  write_outputs_atomically(output.out_dir, sweep_output_files(result), output.mode);
  if (!output.quiet) {
    std::cout << format_sweep_table(result);
    std::cout << "outputs: " << output.out_dir.string() << "/\n";
  }
  return kExitOk;
}

int finish_robust_sweep(const ScenarioBatch& batch, const BatchPlan& plan, std::vector<RunResult> results,
                        const BatchOutputArgs& output) {
  const RobustSweepResult result = summarise_robust_sweep(batch, *plan.design, plan.replications,
                                                          outcomes_by_world(plan, std::move(results)));
  write_outputs_atomically(output.out_dir, robust_sweep_output_files(result), output.mode);
  if (!output.quiet) {
    std::cout << format_robust_sweep_table(result);
    std::cout << "outputs: " << output.out_dir.string() << "/\n";
  }
  return kExitOk;
}

}  // namespace

PreparedBatch prepare_sweep_batch(const BatchRequest& request) {
  const std::shared_ptr<const ScenarioBatch> batch = load_sweep(request);
  return prepare_layout(request, batch,
                        {batch->sweep_points, false, batch->base.name, "sweep", finish_sweep});
}

PreparedBatch prepare_robust_sweep_batch(const BatchRequest& request) {
  const std::shared_ptr<const ScenarioBatch> batch = load_sweep(request);
  if (!batch->objective) {
    throw ScenarioError(request.scenario, 1, 1, "objective",
                        "is missing (delivsim sweep --robust ranks the points by the objective)",
                        "objective: {minimize | maximize: <figure>, subject_to: [...]}");
  }
  return prepare_layout(request, batch,
                        {batch->sweep_points, true, batch->base.name + kRobustSweepFolderSuffix,
                         "robust sweep", finish_robust_sweep});
}

CliCommand add_sweep_command(CLI::App& app) {
  auto args = std::make_shared<BatchCommandArgs>();
  auto robust = std::make_shared<RobustArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run every point of a scenario's sweep: grid and pick the best by its objective:");
  add_batch_command_options(*cmd, *args, "point", "Scenario YAML file with a sweep: list");
  add_robust_option(*cmd, *robust,
                    "Run every point in N receiver worlds drawn from the assumed parameters' ranges and pick "
                    "the best mean among the points meeting the objective's constraints in at least "
                    "objective.min_share_of_worlds of them (default N: the file's uncertainty.worlds, else " +
                        std::to_string(RobustOptions{}.worlds) +
                        "); --replications then counts per world (default 1). Write it after FILE.");
  cmd->footer("Example: delivsim sweep scenarios/gmail-sweep.yaml --out runs/sweep");
  return {cmd, [args, robust] {
            return drive_batch(batch_request(*args, *robust, kSweepCommandName, kRobustSweepCommandName),
                               args->driver);
          }};
}

}  // namespace delivsim
