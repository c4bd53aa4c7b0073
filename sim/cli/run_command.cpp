#include "sim/cli/run_command.h"
#include "sim/cli/import_warnings_out.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/replication_outputs.h"
#include "sim/batch/replications.h"
#include "sim/cli/batch_progress.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/replication_table.h"
#include "sim/cli/work_limit_options.h"
#include "sim/output/output_dir.h"
#include "sim/output/output_folder.h"
#include "sim/output/summary_table.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/scenario/scenario_reader.h"
#include "sim/world/run.h"

namespace delivsim {

namespace {

struct RunArgs {
  std::string file;
  std::string out_dir;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> overrides;
  bool accounting = false;
  bool quiet = false;
  bool force = false;               ///< --force: see ReplaceMode::Force
  std::optional<int> replications;  ///< default: the scenario's `replications:`
  int threads = 0;                  ///< 0: one per core
  WorkLimits limits;
};

/// A progress bar on stderr, redrawn in place; only used when stderr is a terminal.
void show_progress(const RunProgress& progress) {
  const double fraction =
      static_cast<double>(progress.now.count()) / static_cast<double>(progress.end.count());
  const int filled = static_cast<int>(fraction * 30);
  std::fprintf(stderr, "\r[%-30s] %3d%%  day %.1f of %.1f", std::string(filled, '#').c_str(),
               static_cast<int>(fraction * 100), to_seconds(progress.now) / 86400.0,
               to_seconds(progress.end) / 86400.0);
  if (progress.now == progress.end) std::fputs("\n", stderr);
}

std::filesystem::path output_folder(const RunArgs& args, const Scenario& scenario) {
  return args.out_dir.empty() ? std::filesystem::path("runs") / scenario.name
                              : std::filesystem::path(args.out_dir);
}

int run_once(const RunArgs& args, const Scenario& scenario) {
  RunOptions options;
  options.seed = args.seed;
  if (args.accounting) options.accounting = true;
  if (!args.quiet && isatty(STDERR_FILENO)) options.on_progress = show_progress;
  const RunResult result = run_scenario(scenario, options);
  const std::filesystem::path out_dir = output_folder(args, scenario);
  write_run_outputs(result, out_dir, options.accounting.value_or(scenario.accounting),
                    replace_mode(args.force));
  if (!args.quiet) {
    std::cout << format_summary_table(result);
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return kExitOk;
}

int run_batch(const RunArgs& args, Scenario scenario, int replications, int threads) {
  if (args.seed) scenario.seed = *args.seed;
  if (args.accounting) scenario.accounting = true;
  const BatchProgressFn progress = args.quiet ? BatchProgressFn{} : terminal_batch_progress("replications");
  const std::vector<RunResult> results = run_replications(scenario, replications, threads, progress);
  const std::filesystem::path out_dir = output_folder(args, scenario);
  write_replication_outputs(results, out_dir, scenario.accounting, replace_mode(args.force));
  if (!args.quiet) {
    std::cout << format_replication_table(results);
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return kExitOk;
}

int run_scenario_command(const RunArgs& args) {
  const Scenario scenario = load_scenario(args.file, args.overrides);
  print_import_warnings(scenario);
  const int replications = args.replications.value_or(scenario.replications);
  const int threads =
      check_work_limits({&scenario}, replications, args.threads, args.limits, args.accounting);
  check_output_folder(output_folder(args, scenario), replace_mode(args.force));
  return replications == 1 ? run_once(args, scenario) : run_batch(args, scenario, replications, threads);
}

}  // namespace

CliCommand add_run_command(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd =
      app.add_subcommand("run", "Run a scenario and write summary.json, timeseries.csv (and accounting.csv)");
  cmd->add_option("file", args->file, "Scenario YAML file")->required();
  cmd->add_option(
         "--out", args->out_dir,
         "Output folder (default: runs/<scenario name>/); replaces only an empty folder or an earlier "
         "delivsim output")
      ->check(not_empty("a folder path"));
  cmd->add_option("--seed", args->seed, "Seed (overrides the scenario's)")
      ->transform(whole_number_from_to(0, std::numeric_limits<std::uint64_t>::max()));
  cmd->add_option("--set", args->overrides, "Override a scenario value: path.to.key=VALUE (repeatable)");
  cmd->add_flag("--accounting", args->accounting, "Also write accounting.csv (PowerMTA field order)");
  cmd->add_flag("--quiet,-q", args->quiet, "Print nothing but errors");
  add_force_flag(*cmd, args->force);
  cmd->add_option("--replications,-r", args->replications,
                  "Independent replications (default: the scenario's `replications:`, else 1)")
      ->transform(whole_number_from_to(1, kMaxReplications));
  cmd->add_option("--threads,-j", args->threads, "Threads for replications (default 0: one per core)")
      ->transform(whole_number_at_least(0));
  add_work_limit_options(*cmd, args->limits);
  return {cmd, [args] { return run_scenario_command(*args); }};
}

}  // namespace delivsim
