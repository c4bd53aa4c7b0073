#include "sim/cli/batch_driver.h"

#include <unistd.h>

#include <iostream>

#include "sim/batch/robust_compare.h"
#include "sim/batch/run_selection.h"
#include "sim/cli/batch_progress.h"
#include "sim/cli/cli_command.h"
#include "sim/cli/compare_command.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/run_command.h"
#include "sim/cli/run_executor.h"
#include "sim/cli/sweep_command.h"
#include "sim/cli/work_limit_options.h"
#include "sim/output/output_dir.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// A command-line word as a POSIX shell reads it back: as it is when it holds only safe characters, else in
/// single quotes.
std::string shell_word(const std::string& word) {
  const bool safe = !word.empty() && word.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789-_./=:,+@%") == std::string::npos;
  if (safe) return word;
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// "delivsim sweep FILE --replications 3 ...": the command that makes the batch of `request`.
std::string command_line(const BatchRequest& request) {
  const std::size_t space = request.command.find(' ');
  std::string line = "delivsim " + request.command.substr(0, space) + " " + shell_word(request.scenario);
  if (space != std::string::npos) line += " --robust " + std::to_string(request.worlds.value_or(1));
  if (request.replications) line += " --replications " + std::to_string(*request.replications);
  for (const std::string& override : request.overrides) line += " --set " + shell_word(override);
  if (request.seed) line += " --seed " + std::to_string(*request.seed);
  if (request.accounting) line += " --accounting";
  return line;
}

/// The runs of a part, and the shard that chose them (nullopt for --runs).
struct PartSelection {
  std::vector<std::size_t> runs;
  std::optional<ShardSpec> shard;
};

/// The runs `args` selects of `plan`'s, or nullopt when it selects none (run them all).
std::optional<PartSelection> selected_runs(const DistributionArgs& args, const BatchPlan& plan) {
  try {
    if (!args.runs.empty()) return PartSelection{parse_run_spec(args.runs, plan.run_count()), std::nullopt};
    if (!args.shard.empty()) {
      const ShardSpec shard = parse_shard_spec(args.shard);
      return PartSelection{shard_runs(shard, plan.run_count()), shard};
    }
  } catch (const std::invalid_argument& e) {
    throw CLI::ValidationError(args.runs.empty() ? "--shard" : "--runs", e.what());
  }
  return std::nullopt;
}

/// A part's default folder: runs/<batch folder>.parts/shard-<i>-of-<N> or .../runs-<SPEC>.
std::filesystem::path default_part_folder(const PreparedBatch& batch, const DistributionArgs& args,
                                          const std::optional<ShardSpec>& shard) {
  const std::filesystem::path parts = std::filesystem::path("runs") / (batch.default_folder + ".parts");
  if (shard)
    return parts / ("shard-" + std::to_string(shard->shard) + "-of-" + std::to_string(shard->shards));
  return parts / ("runs-" + args.runs);
}

int list_runs(const PreparedBatch& batch, const std::optional<PartSelection>& selection) {
  if (distribution_rank() != 0) return kExitOk;
  const std::vector<std::size_t> runs = selection ? selection->runs : all_runs(batch.plan);
  for (const std::size_t run : runs) std::cout << describe_planned_run(batch.plan, run) << "\n";
  return kExitOk;
}

/// A batch spread over processes reports its progress in logs too (a shard's, an MPI job's).
BatchProgressFn progress_of(const PreparedBatch& batch, bool quiet, bool spread) {
  if (quiet) return {};
  return spread ? logged_batch_progress(batch.progress_label) : terminal_batch_progress(batch.progress_label);
}

int run_part(const PreparedBatch& batch, const BatchDriverArgs& args, const PartSelection& selection,
             int threads) {
  const std::vector<std::size_t>& runs = selection.runs;
  const std::optional<ShardSpec>& shard = selection.shard;
  const std::filesystem::path out_dir = args.out_dir.empty()
                                            ? default_part_folder(batch, args.distribution, shard)
                                            : std::filesystem::path(args.out_dir);
  if (distribution_rank() == 0) check_output_folder(out_dir, replace_mode(args.force));
  const PartManifest manifest{batch.request, runs, shard};
  const std::optional<std::vector<RunResult>> results =
      execute_runs(batch.plan, runs, threads, progress_of(batch, args.quiet, true));
  if (!results) return kExitOk;  // an MPI rank that ran runs for rank 0
  write_outputs_atomically(out_dir, part_output_files(manifest, batch.plan, *results),
                           replace_mode(args.force));
  if (!args.quiet) {
    const std::string which = shard ? "shard " + args.distribution.shard : "runs " + format_run_spec(runs);
    std::cout << which << ": " << runs.size() << " of " << batch.plan.run_count() << " runs written to "
              << out_dir.string() << "/\n"
              << "once every part is written: delivsim merge "
              << (args.out_dir.empty() ? out_dir.parent_path().string() + "/*" : "PART_DIR...") << "\n";
  }
  return kExitOk;
}

int run_whole(const PreparedBatch& batch, const BatchDriverArgs& args, int threads) {
  const std::filesystem::path out_dir = args.out_dir.empty()
                                            ? std::filesystem::path("runs") / batch.default_folder
                                            : std::filesystem::path(args.out_dir);
  const bool spread = distribution_size() > 1;
  if (distribution_rank() == 0) check_output_folder(out_dir, replace_mode(args.force), batch.inner_folders);
  std::optional<std::vector<RunResult>> results;
  if (batch.plan.run_count() == 1 && !spread) {
    RunOptions options;
    if (!args.quiet && isatty(STDERR_FILENO)) options.on_progress = batch.one_run_progress;
    results.emplace().push_back(execute_planned_run(batch.plan, 0, options));
  } else {
    results = execute_runs(batch.plan, all_runs(batch.plan), threads, progress_of(batch, args.quiet, spread));
  }
  if (!results) return kExitOk;  // an MPI rank that ran runs for rank 0
  return batch.finish(std::move(*results), {out_dir, replace_mode(args.force), args.quiet});
}

}  // namespace

void add_distribution_options(CLI::App& cmd, DistributionArgs& args) {
  cmd.add_flag("--list-runs", args.list_runs,
               "Print the batch's runs, one per line (number, strategy or point, world, "
               "replication, seed), and run nothing");
  CLI::Option* runs = cmd.add_option("--runs", args.runs,
                                     "Run only these runs (numbers from --list-runs, e.g. 0-15,17) and write "
                                     "them as a part folder for delivsim merge");
  CLI::Option* shard =
      cmd.add_option("--shard", args.shard,
                     "Run only shard i of N (i from 0: every run whose number is i modulo N) and "
                     "write it as a part folder for delivsim merge");
  runs->excludes(shard);
  for (CLI::Option* option : {runs, shard}) option->check(not_empty("a run list"));
}

int drive_batch(const BatchRequest& request, const BatchDriverArgs& args) {
  const PreparedBatch batch = prepare_batch(request);
  const std::optional<PartSelection> selection = selected_runs(args.distribution, batch.plan);
  if (args.distribution.list_runs) return list_runs(batch, selection);
  std::vector<const Scenario*> scenarios;
  for (const ScenarioVariant& variant : batch.plan.variants) scenarios.push_back(&variant.scenario);
  const int threads = check_work_limits(scenarios, static_cast<int>(batch.plan.runs_per_variant()),
                                        args.threads, args.limits);
  return selection ? run_part(batch, args, *selection, threads) : run_whole(batch, args, threads);
}

PreparedBatch prepare_layout(const BatchRequest& request, std::shared_ptr<const ScenarioBatch> batch,
                             BatchLayout layout) {
  PreparedBatch prepared;
  prepared.request = request;
  prepared.request.replications = request.replications.value_or(layout.robust ? 1 : batch->base.replications);
  prepared.plan = {std::move(layout.variants), *prepared.request.replications, std::nullopt};
  if (layout.robust) {
    prepared.request.worlds = request.worlds.value_or(default_world_count(*batch));
    prepared.plan.design = design_worlds(*batch, *prepared.request.worlds);
  }
  prepared.default_folder = std::move(layout.default_folder);
  prepared.progress_label = std::move(layout.progress_label);
  prepared.finish = [batch, plan = prepared.plan, finish = layout.finish](std::vector<RunResult> results,
                                                                          const BatchOutputArgs& output) {
    return finish(*batch, plan, std::move(results), output);
  };
  return prepared;
}

PreparedBatch prepare_batch(const BatchRequest& request) {
  PreparedBatch batch;
  if (request.command == kRunCommandName) {
    batch = prepare_run_batch(request);
  } else if (request.command == kCompareCommandName) {
    batch = prepare_compare_batch(request);
  } else if (request.command == kRobustCompareCommandName) {
    batch = prepare_robust_compare_batch(request);
  } else if (request.command == kSweepCommandName) {
    batch = prepare_sweep_batch(request);
  } else if (request.command == kRobustSweepCommandName) {
    batch = prepare_robust_sweep_batch(request);
  } else {
    throw BatchPartError("unknown batch command '" + request.command + "'");
  }
  if (batch.plan.run_count() > kMaxBatchRuns) {
    throw ScenarioError(request.scenario, 1, 1, "replications",
                        "makes a batch of " + std::to_string(batch.plan.run_count()) + " runs",
                        "at most " + std::to_string(kMaxBatchRuns) +
                            " runs in one batch: fewer sweep points, worlds or replications");
  }
  batch.request.scenario_fingerprint = scenario_fingerprint(request.scenario);
  batch.request.run_count = batch.plan.run_count();
  return batch;
}

std::string rerun_command(const BatchRequest& request, std::span<const std::size_t> runs) {
  return command_line(request) + " --runs " + format_run_spec(runs) + " --out PART_DIR";
}

std::string rerun_command(const BatchRequest& request, const ShardSpec& shard) {
  return command_line(request) + " --shard " + std::to_string(shard.shard) + "/" +
         std::to_string(shard.shards) + " --out PART_DIR";
}

}  // namespace delivsim
