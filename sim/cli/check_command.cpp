#include "sim/cli/check_command.h"
#include "sim/cli/import_warnings_out.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "sim/batch/receiver_worlds.h"
#include "sim/batch/replication_outputs.h"
#include "sim/batch/replications.h"
#include "sim/batch/robust_expectations.h"
#include "sim/check/check_report.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/work_limit_options.h"
#include "sim/output/output_folder.h"
#include "sim/output/text_file.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_reader.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// A scenario of a file whose expectations are checked: the base, or a strategy (named).
struct CheckedScenario {
  const Scenario* scenario;
  std::string strategy;  ///< empty for the base
};

std::vector<CheckedScenario> scenarios_with_expectations(const ScenarioBatch& batch) {
  std::vector<CheckedScenario> checked;
  if (!batch.base.expectations.empty()) checked.push_back({&batch.base, ""});
  for (const ScenarioVariant& strategy : batch.strategies) {
    if (!strategy.scenario.expectations.empty()) checked.push_back({&strategy.scenario, strategy.name});
  }
  return checked;
}

/// Where `checked`'s outputs go under --out: DIR/<scenario name>/, a strategy's in a subfolder.
std::filesystem::path checked_out_dir(const CheckArgs& args, const CheckedScenario& checked) {
  std::filesystem::path dir = std::filesystem::path(args.out_dir) / checked.scenario->name;
  if (!checked.strategy.empty()) dir /= checked.strategy;
  return dir;
}

/// Refuses, before anything runs, output paths that could not be written (check_output_folder,
/// check_output_file).
void check_output_paths(const CheckArgs& args, const std::vector<ScenarioBatch>& batches) {
  if (!args.junit_path.empty()) check_output_file(args.junit_path);
  if (args.out_dir.empty()) return;
  for (const ScenarioBatch& batch : batches) {
    for (const CheckedScenario& checked : scenarios_with_expectations(batch)) {
      check_output_folder(checked_out_dir(args, checked), replace_mode(args.force));
    }
  }
}

CheckedFile check_scenario(const std::string& path, const CheckedScenario& checked, const CheckArgs& args) {
  const Scenario& scenario = *checked.scenario;
  const int replications = args.replications.value_or(scenario.replications);
  const std::vector<RunResult> results = run_replications(scenario, replications, args.threads);
  CheckedFile file{path, scenario.name, {}, checked.strategy, replications};
  for (const Expectation& expectation : scenario.expectations) {
    file.checks.push_back({expectation, evaluate_expectation(expectation, results)});
  }
  if (!args.out_dir.empty()) {
    // The base comes before its strategies, so their folders land inside the base's fresh one.
    write_replication_outputs(results, checked_out_dir(args, checked), scenario.accounting,
                              replace_mode(args.force));
  }
  return file;
}

/// Runs `batch`'s world variants in every world and checks its expectations over worlds.
std::vector<CheckedFile> check_over_worlds(const ScenarioBatch& batch, const CheckArgs& args) {
  const WorldDesign design = design_worlds(batch, args.worlds.value_or(default_world_count(batch)));
  return run_world_checks(batch, design, args.replications.value_or(1), args.threads);
}

bool has_world_expectations(const ScenarioBatch& batch) {
  const WorldRunsNeeded needed = world_runs_needed(batch);
  return needed.base || needed.strategies;
}

}  // namespace

int check_command(const CheckArgs& args) {
  std::vector<ScenarioBatch> batches;
  for (const std::string& file : args.files) {
    batches.push_back(load_scenario_batch(file, args.overrides));
    print_import_warnings(batches.back().base);
    if (scenarios_with_expectations(batches.back()).empty() && !has_world_expectations(batches.back())) {
      throw ScenarioError(file, 1, 1, "expect", "is missing (delivsim check needs expectations)",
                          "a list of '<figure> <op> <value>', share_of_worlds(...) or wins(...) strings, at "
                          "the top level or in a strategy");
    }
  }
  check_output_paths(args, batches);
  // Every checked scenario runs its replications in turn, so the one needing the most sets the threads.
  CheckArgs fitted = args;
  for (const ScenarioBatch& batch : batches) {
    for (const CheckedScenario& scenario : scenarios_with_expectations(batch)) {
      const int replications = args.replications.value_or(scenario.scenario->replications);
      fitted.threads = check_work_limits({scenario.scenario}, replications, fitted.threads, args.limits);
    }
    const std::vector<const Scenario*> world_runs = world_check_scenarios(batch);
    if (!world_runs.empty()) {
      const int worlds = args.worlds.value_or(default_world_count(batch));
      fitted.threads =
          check_work_limits(world_runs, worlds * args.replications.value_or(1), fitted.threads, args.limits);
    }
  }
  std::vector<CheckedFile> checked;
  for (std::size_t i = 0; i < batches.size(); ++i) {
    for (const CheckedScenario& scenario : scenarios_with_expectations(batches[i])) {
      checked.push_back(check_scenario(args.files[i], scenario, fitted));
      std::cout << format_checked_file(checked.back()) << std::flush;
    }
    for (CheckedFile& file : check_over_worlds(batches[i], fitted)) {
      checked.push_back(std::move(file));
      std::cout << format_checked_file(checked.back()) << std::flush;
    }
  }
  const CheckCounts counts = count_checks(checked);
  std::cout << counts.passed << " passed, " << counts.failed << " failed\n";
  if (!args.junit_path.empty()) write_text_file_atomically(args.junit_path, junit_xml(checked));
  return counts.failed == 0 ? kExitOk : kExitFailed;
}

CliCommand add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd =
      app.add_subcommand("check", "Run scenarios and check their expect: lists (exit 1 when any fails)");
  cmd->add_option("files", args->files, "Scenario YAML files with expect: lists")
      ->required()
      ->type_name(kScenarioValue);
  cmd->add_option("--junit", args->junit_path,
                  "Also write the results as JUnit XML to this file (replaces only a regular file)")
      ->check(not_empty("a file path"))
      ->type_name(kFileValue);
  cmd->add_option(
         "--out", args->out_dir,
         "Also write each run's outputs to DIR/<scenario name>/ (strategies in subfolders); replaces "
         "only an empty folder or an earlier delivsim output")
      ->check(not_empty("a folder path"))
      ->type_name(kFolderValue);
  add_force_flag(*cmd, args->force);
  cmd->add_option("--replications,-r", args->replications,
                  "Replications per scenario (default: the file's replications:); per world for "
                  "share_of_worlds(...) and wins(...) (default 1)")
      ->transform(whole_number_from_to(1, kMaxReplications));
  cmd->add_option(
         "--worlds", args->worlds,
         "Receiver worlds for share_of_worlds(...) and wins(...) (default: the file's uncertainty.worlds, "
         "else " +
             std::to_string(RobustOptions{}.worlds) + ")")
      ->transform(whole_number_from_to(1, kMaxWorlds));
  cmd->add_option("--threads,-j", args->threads, "Threads (default: the number of cores)")
      ->transform(whole_number_at_least(0));
  add_set_option(*cmd, args->overrides);
  add_work_limit_options(*cmd, args->limits);
  cmd->footer("Example: delivsim check scenarios/regression/*.yaml --junit results.xml");
  return {cmd, [args] { return check_command(*args); }};
}

}  // namespace delivsim
