#include "sim/cli/run_command.h"
#include "sim/cli/import_warnings_out.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/replication_outputs.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/replication_table.h"
#include "sim/cli/work_limit_options.h"
#include "sim/output/output_dir.h"
#include "sim/output/summary_table.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/scenario/scenario_reader.h"

namespace delivsim {

namespace {

struct RunArgs {
  std::string file;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> overrides;
  bool accounting = false;
  std::optional<int> replications;  ///< default: the scenario's `replications:`
  BatchDriverArgs driver;
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

/// One replication: the run's own folder and summary table.
int finish_one_run(const RunResult& result, bool with_accounting, const BatchOutputArgs& output) {
  write_run_outputs(result, output.out_dir, with_accounting, output.mode);
  if (!output.quiet) {
    std::cout << format_summary_table(result);
    std::cout << "outputs: " << output.out_dir.string() << "/\n";
  }
  return kExitOk;
}

/// Several: the batch folder of replications and the aggregate table.
int finish_replications(const std::vector<RunResult>& results, bool with_accounting,
                        const BatchOutputArgs& output) {
  write_replication_outputs(results, output.out_dir, with_accounting, output.mode);
  if (!output.quiet) {
    std::cout << format_replication_table(results);
    std::cout << "outputs: " << output.out_dir.string() << "/\n";
  }
  return kExitOk;
}

}  // namespace

PreparedBatch prepare_run_batch(const BatchRequest& request) {
  Scenario scenario = load_scenario(request.scenario, request.overrides);
  print_import_warnings(scenario);
  if (request.seed) scenario.seed = *request.seed;
  if (request.accounting) scenario.accounting = true;
  PreparedBatch batch;
  batch.request = request;
  batch.request.replications = request.replications.value_or(scenario.replications);
  batch.default_folder = scenario.name;
  batch.progress_label = "replications";
  batch.one_run_progress = show_progress;
  batch.plan = {{ScenarioVariant{scenario.name, "", {}, std::move(scenario)}},
                *batch.request.replications,
                std::nullopt};
  batch.finish = [with_accounting = scenario.accounting](std::vector<RunResult> results,
                                                         const BatchOutputArgs& output) {
    return results.size() == 1 ? finish_one_run(results.front(), with_accounting, output)
                               : finish_replications(results, with_accounting, output);
  };
  return batch;
}

CliCommand add_run_command(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd =
      app.add_subcommand("run", "Run a scenario and write summary.json, timeseries.csv (and accounting.csv)");
  cmd->add_option("file", args->file, "Scenario YAML file")->required()->type_name(kScenarioValue);
  cmd->add_option(
         "--out", args->driver.out_dir,
         "Output folder (default: runs/<scenario name>/); replaces only an empty folder or an earlier "
         "delivsim output")
      ->check(not_empty("a folder path"))
      ->type_name(kFolderValue);
  cmd->add_option("--seed", args->seed, "Seed (overrides the scenario's)")
      ->transform(whole_number_from_to(0, std::numeric_limits<std::uint64_t>::max()));
  add_set_option(*cmd, args->overrides);
  cmd->add_flag("--accounting", args->accounting, "Also write accounting.csv (PowerMTA field order)");
  cmd->add_flag("--quiet,-q", args->driver.quiet, "Print nothing but errors");
  add_force_flag(*cmd, args->driver.force);
  cmd->add_option("--replications,-r", args->replications,
                  "Independent replications (default: the scenario's `replications:`, else 1)")
      ->transform(whole_number_from_to(1, kMaxReplications));
  cmd->add_option("--threads,-j", args->driver.threads, "Threads for replications (default 0: one per core)")
      ->transform(whole_number_at_least(0));
  add_work_limit_options(*cmd, args->driver.limits);
  add_distribution_options(*cmd, args->driver.distribution);
  cmd->footer("Example: delivsim run scenarios/gmail-warmup.yaml --out runs/warmup --set seed=7");
  return {cmd, [args] {
            BatchRequest request;
            request.command = kRunCommandName;
            request.scenario = args->file;
            request.overrides = args->overrides;
            request.replications = args->replications;
            request.seed = args->seed;
            request.accounting = args->accounting;
            return drive_batch(request, args->driver);
          }};
}

}  // namespace delivsim
