#include "sim/cli/compare_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/batch/compare.h"
#include "sim/batch/compare_files.h"
#include "sim/batch/compare_table.h"
#include "sim/cli/batch_command_args.h"
#include "sim/cli/batch_progress.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/work_limit_options.h"
#include "sim/output/output_folder.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_error.h"

namespace delivsim {

namespace {

int compare_command(const BatchCommandArgs& args) {
  const ScenarioBatch batch = load_scenario_batch(args.file, args.overrides);
  if (batch.strategies.empty()) {
    throw ScenarioError(args.file, 1, 1, "strategies", "is missing (delivsim compare needs strategies)",
                        "a list of {name, set: {path: value}} mappings");
  }
  std::vector<const Scenario*> runs;
  for (const ScenarioVariant& strategy : batch.strategies) runs.push_back(&strategy.scenario);
  const int threads =
      check_work_limits(runs, args.replications.value_or(batch.base.replications), args.threads, args.limits);
  const std::filesystem::path out_dir = batch_out_dir(args, batch.base.name);
  std::vector<std::string> strategy_folders;
  for (const ScenarioVariant& strategy : batch.strategies) strategy_folders.push_back(strategy.name);
  check_output_folder(out_dir, replace_mode(args.force), strategy_folders);
  const BatchProgressFn progress = args.quiet ? BatchProgressFn{} : terminal_batch_progress("compare");
  const CompareResult result = run_compare(batch, {args.replications, threads}, progress);
  write_outputs_atomically(out_dir, compare_output_files(result, batch), replace_mode(args.force));
  if (!args.quiet) {
    std::cout << format_compare_table(result);
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return failed_expectations(result) == 0 ? kExitOk : kExitFailed;
}

}  // namespace

CliCommand add_compare_command(CLI::App& app) {
  auto args = std::make_shared<BatchCommandArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run a scenario's strategies with common random numbers and compare their headline figures");
  add_batch_command_options(*cmd, *args, "strategy", "Scenario YAML file with a strategies: list");
  return {cmd, [args] { return compare_command(*args); }};
}

}  // namespace delivsim
