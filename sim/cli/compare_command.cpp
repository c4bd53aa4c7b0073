#include "sim/cli/compare_command.h"
#include "sim/cli/import_warnings_out.h"

#include <filesystem>
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

/// The file's batch, which must have strategies.
ScenarioBatch load_strategies(const BatchCommandArgs& args) {
  ScenarioBatch batch = load_scenario_batch(args.file, args.overrides);
  print_import_warnings(batch.base);
  if (batch.strategies.empty()) {
    throw ScenarioError(args.file, 1, 1, "strategies", "is missing (delivsim compare needs strategies)",
                        "a list of {name, set: {path: value}} mappings");
  }
  return batch;
}

std::vector<const Scenario*> strategy_scenarios(const ScenarioBatch& batch) {
  std::vector<const Scenario*> runs;
  for (const ScenarioVariant& strategy : batch.strategies) runs.push_back(&strategy.scenario);
  return runs;
}

int compare_command(const BatchCommandArgs& args) {
  const ScenarioBatch batch = load_strategies(args);
  const int threads =
      check_work_limits(strategy_scenarios(batch), args.replications.value_or(batch.base.replications),
                        args.threads, args.limits);
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

/// The folder name suffix of a robust comparison's default output folder.
constexpr const char* kRobustFolderSuffix = "-robust";

int robust_compare_command(const BatchCommandArgs& args, int worlds_asked) {
  const ScenarioBatch batch = load_strategies(args);
  RobustOptions options;
  options.worlds = worlds_asked > 0 ? worlds_asked : default_world_count(batch);
  options.replications = args.replications.value_or(1);
  std::vector<const Scenario*> runs = strategy_scenarios(batch);
  if (world_runs_needed(batch).base) runs.push_back(&batch.base);  // its share_of_worlds expectations
  options.threads = check_work_limits(runs, options.worlds * options.replications, args.threads, args.limits);
  const std::filesystem::path out_dir = batch_out_dir(args, batch.base.name + kRobustFolderSuffix);
  check_output_folder(out_dir, replace_mode(args.force));
  const BatchProgressFn progress = args.quiet ? BatchProgressFn{} : terminal_batch_progress("robust compare");
  const RobustResult result = run_robust_compare(batch, options, progress);
  const std::vector<CheckedFile> checks =
      run_world_checks(batch, result.design, options.replications, options.threads, &result);
  write_outputs_atomically(out_dir, robust_output_files(result), replace_mode(args.force));
  const CheckCounts counts = count_checks(checks);
  if (!args.quiet) {
    std::cout << format_robust_table(result);
    if (!checks.empty()) {
      std::cout << "\nExpectations over worlds\n";
      for (const CheckedFile& file : checks) std::cout << format_checked_file(file);
      std::cout << counts.passed << " passed, " << counts.failed << " failed\n";
    }
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return counts.failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace

CliCommand add_compare_command(CLI::App& app) {
  auto args = std::make_shared<BatchCommandArgs>();
  auto robust = std::make_shared<RobustArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run a scenario's strategies with common random numbers and compare their headline figures");
  add_batch_command_options(*cmd, *args, "strategy", "Scenario YAML file with a strategies: list");
  robust->option =
      cmd->add_option("--robust", robust->worlds,
                      "Compare over N receiver worlds drawn from the assumed parameters' ranges (default N: "
                      "the file's uncertainty.worlds, else " +
                          std::to_string(RobustOptions{}.worlds) +
                          "); --replications then counts per world (default 1)")
          ->expected(0, 1)
          ->transform(whole_number_from_to(1, kMaxWorlds));
  return {cmd, [args, robust] {
            return robust->option->count() > 0 ? robust_compare_command(*args, robust->worlds)
                                               : compare_command(*args);
          }};
}

}  // namespace delivsim
