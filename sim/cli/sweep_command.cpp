#include "sim/cli/sweep_command.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/sweep.h"
#include "sim/batch/sweep_files.h"
#include "sim/batch/sweep_table.h"
#include "sim/cli/batch_progress.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_error.h"

namespace delivsim {

namespace {

struct SweepArgs {
  std::string file;
  std::optional<int> replications;
  int threads = 0;
  std::string out_dir;
  std::vector<std::string> overrides;
  bool quiet = false;
};

int sweep_command(const SweepArgs& args) {
  const ScenarioBatch batch = load_scenario_batch(args.file, args.overrides);
  if (batch.sweep_points.empty()) {
    throw ScenarioError(args.file, 1, 1, "sweep", "is missing (delivsim sweep needs a sweep)",
                        "a list of {path, values: [...]} or {path, range: {from, to, step}} mappings");
  }
  const BatchProgressFn progress = args.quiet ? BatchProgressFn{} : terminal_batch_progress("sweep");
  const SweepResult result = run_sweep(batch, {args.replications, args.threads}, progress);
  const std::filesystem::path out_dir = args.out_dir.empty() ? std::filesystem::path("runs") / batch.base.name
                                                             : std::filesystem::path(args.out_dir);
  write_outputs_atomically(out_dir, sweep_output_files(result));
  if (!args.quiet) {
    std::cout << format_sweep_table(result);
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return kExitOk;
}

}  // namespace

CliCommand add_sweep_command(CLI::App& app) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "Run every point of a scenario's sweep: grid and pick the best by its objective:");
  cmd->add_option("file", args->file, "Scenario YAML file with a sweep: list")->required();
  cmd->add_option("--threads,-j", args->threads, "Threads (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--replications,-r", args->replications, "Replications per point (default: the file's)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--out", args->out_dir, "Output folder (default: runs/<scenario name>/)");
  cmd->add_option("--set", args->overrides, "Override a scenario value: path.to.key=VALUE (repeatable)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print nothing but errors");
  return {cmd, [args] { return sweep_command(*args); }};
}

}  // namespace delivsim
