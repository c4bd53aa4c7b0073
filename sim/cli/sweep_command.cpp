#include "sim/cli/sweep_command.h"
#include "sim/cli/import_warnings_out.h"

#include <filesystem>
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
#include "sim/cli/batch_progress.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/work_limit_options.h"
#include "sim/output/output_folder.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// `--robust [N]`: whether it was given, and N (0 when given without a number).
struct RobustArgs {
  CLI::Option* option = nullptr;
  int worlds = 0;
};

/// The folder name suffix of a robust sweep's default output folder.
constexpr const char* kRobustFolderSuffix = "-robust-sweep";

/// The file's batch, which must have a sweep.
ScenarioBatch load_sweep(const BatchCommandArgs& args) {
  ScenarioBatch batch = load_scenario_batch(args.file, args.overrides);
  print_import_warnings(batch.base);
  if (batch.sweep_points.empty()) {
    throw ScenarioError(args.file, 1, 1, "sweep", "is missing (delivsim sweep needs a sweep)",
                        "a list of {path, values: [...]} or {path, range: {from, to, step}} mappings");
  }
  return batch;
}

std::vector<const Scenario*> point_scenarios(const ScenarioBatch& batch) {
  std::vector<const Scenario*> runs;
  for (const ScenarioVariant& point : batch.sweep_points) runs.push_back(&point.scenario);
  return runs;
}

int sweep_command(const BatchCommandArgs& args) {
  const ScenarioBatch batch = load_sweep(args);
  const int threads = check_work_limits(
      point_scenarios(batch), args.replications.value_or(batch.base.replications), args.threads, args.limits);
  const std::filesystem::path out_dir = batch_out_dir(args, batch.base.name);
  check_output_folder(out_dir, replace_mode(args.force));
  const BatchProgressFn progress = args.quiet ? BatchProgressFn{} : terminal_batch_progress("sweep");
  const SweepResult result = run_sweep(batch, {args.replications, threads}, progress);
  write_outputs_atomically(out_dir, sweep_output_files(result), replace_mode(args.force));
  if (!args.quiet) {
    std::cout << format_sweep_table(result);
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return kExitOk;
}

int robust_sweep_command(const BatchCommandArgs& args, int worlds_asked) {
  const ScenarioBatch batch = load_sweep(args);
  if (!batch.objective) {
    throw ScenarioError(args.file, 1, 1, "objective",
                        "is missing (delivsim sweep --robust ranks the points by the objective)",
                        "objective: {minimize | maximize: <figure>, subject_to: [...]}");
  }
  RobustOptions options;
  options.worlds = worlds_asked > 0 ? worlds_asked : default_world_count(batch);
  options.replications = args.replications.value_or(1);
  options.threads = check_work_limits(point_scenarios(batch), options.worlds * options.replications,
                                      args.threads, args.limits);
  const std::filesystem::path out_dir = batch_out_dir(args, batch.base.name + kRobustFolderSuffix);
  check_output_folder(out_dir, replace_mode(args.force));
  const BatchProgressFn progress = args.quiet ? BatchProgressFn{} : terminal_batch_progress("robust sweep");
  const RobustSweepResult result = run_robust_sweep(batch, options, progress);
  write_outputs_atomically(out_dir, robust_sweep_output_files(result), replace_mode(args.force));
  if (!args.quiet) {
    std::cout << format_robust_sweep_table(result);
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return kExitOk;
}

}  // namespace

CliCommand add_sweep_command(CLI::App& app) {
  auto args = std::make_shared<BatchCommandArgs>();
  auto robust = std::make_shared<RobustArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run every point of a scenario's sweep: grid and pick the best by its objective:");
  add_batch_command_options(*cmd, *args, "point", "Scenario YAML file with a sweep: list");
  robust->option =
      cmd->add_option(
             "--robust", robust->worlds,
             "Run every point in N receiver worlds drawn from the assumed parameters' ranges and pick "
             "the best mean among the points meeting the objective's constraints in at least "
             "objective.min_share_of_worlds of them (default N: the file's uncertainty.worlds, else " +
                 std::to_string(RobustOptions{}.worlds) +
                 "); --replications then counts per world (default 1). Write it after FILE.")
          ->expected(0, 1)
          ->transform(whole_number_from_to(1, kMaxWorlds));
  return {cmd, [args, robust] {
            return robust->option->count() > 0 ? robust_sweep_command(*args, robust->worlds)
                                               : sweep_command(*args);
          }};
}

}  // namespace delivsim
