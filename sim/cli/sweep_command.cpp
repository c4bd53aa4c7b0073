#include "sim/cli/sweep_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/batch/sweep.h"
#include "sim/batch/sweep_files.h"
#include "sim/batch/sweep_table.h"
#include "sim/cli/batch_command_args.h"
#include "sim/cli/batch_progress.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/work_limit_options.h"
#include "sim/output/output_folder.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_error.h"

namespace delivsim {

namespace {

int sweep_command(const BatchCommandArgs& args) {
  const ScenarioBatch batch = load_scenario_batch(args.file, args.overrides);
  if (batch.sweep_points.empty()) {
    throw ScenarioError(args.file, 1, 1, "sweep", "is missing (delivsim sweep needs a sweep)",
                        "a list of {path, values: [...]} or {path, range: {from, to, step}} mappings");
  }
  std::vector<const Scenario*> runs;
  for (const ScenarioVariant& point : batch.sweep_points) runs.push_back(&point.scenario);
  const int threads =
      check_work_limits(runs, args.replications.value_or(batch.base.replications), args.threads, args.limits);
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

}  // namespace

CliCommand add_sweep_command(CLI::App& app) {
  auto args = std::make_shared<BatchCommandArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run every point of a scenario's sweep: grid and pick the best by its objective:");
  add_batch_command_options(*cmd, *args, "point", "Scenario YAML file with a sweep: list");
  return {cmd, [args] { return sweep_command(*args); }};
}

}  // namespace delivsim
