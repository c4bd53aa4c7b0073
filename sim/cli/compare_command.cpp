#include "sim/cli/compare_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/compare.h"
#include "sim/batch/compare_files.h"
#include "sim/batch/compare_table.h"
#include "sim/cli/batch_progress.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_error.h"

namespace delivsim {

namespace {

struct CompareArgs {
  std::string file;
  std::optional<int> replications;
  int threads = 0;
  std::string out_dir;
  std::vector<std::string> overrides;
  bool quiet = false;
};

int compare_command(const CompareArgs& args) {
  const ScenarioBatch batch = load_scenario_batch(args.file, args.overrides);
  if (batch.strategies.empty()) {
    throw ScenarioError(args.file, 1, 1, "strategies", "is missing (delivsim compare needs strategies)",
                        "a list of {name, set: {path: value}} mappings");
  }
  const BatchProgressFn progress = args.quiet ? BatchProgressFn{} : terminal_batch_progress("compare");
  const CompareResult result = run_compare(batch, {args.replications, args.threads}, progress);
  const std::filesystem::path out_dir = args.out_dir.empty() ? std::filesystem::path("runs") / batch.base.name
                                                             : std::filesystem::path(args.out_dir);
  write_outputs_atomically(out_dir, compare_output_files(result, batch));
  if (!args.quiet) {
    std::cout << format_compare_table(result);
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return failed_expectations(result) == 0 ? kExitOk : kExitFailed;
}

}  // namespace

CliCommand add_compare_command(CLI::App& app) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Run a scenario's strategies with common random numbers and compare their headline figures");
  cmd->add_option("file", args->file, "Scenario YAML file with a strategies: list")->required();
  cmd->add_option("--replications,-r", args->replications, "Replications per strategy (default: the file's)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threads,-j", args->threads, "Threads (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--out", args->out_dir, "Output folder (default: runs/<scenario name>/)");
  cmd->add_option("--set", args->overrides, "Override a scenario value: path.to.key=VALUE (repeatable)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print nothing but errors");
  return {cmd, [args] { return compare_command(*args); }};
}

}  // namespace delivsim
