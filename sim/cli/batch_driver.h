#pragma once
/// @file How `run`, `compare` and `sweep` (plain or --robust) run a batch, and how `merge` finishes one: a
/// command prepares its batch (the numbered runs of sim/batch/batch_plan.h and what to make of their
/// results), then runs all of it here, lists its runs (`--list-runs`), or runs some (`--runs SPEC`,
/// `--shard i/N`) into a part folder (sim/batch/batch_part.h) that `delivsim merge` finishes with the very
/// same code, so that its outputs are byte-identical to the batch run on one machine.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/batch/batch_part.h"
#include "sim/batch/batch_plan.h"
#include "sim/output/output_folder.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/world/work_limits.h"

namespace delivsim {

/// `--list-runs`, `--runs SPEC`, `--shard i/N`.
struct DistributionArgs {
  bool list_runs = false;
  std::string runs;   ///< empty: not given
  std::string shard;  ///< empty: not given
};

/// Adds the options of DistributionArgs to `cmd`, filling `args`, which must outlive the parse.
void add_distribution_options(CLI::App& cmd, DistributionArgs& args);

/// Where a batch's outputs go and what it prints.
struct BatchOutputArgs {
  std::filesystem::path out_dir;
  ReplaceMode mode = ReplaceMode::Marked;
  bool quiet = false;
};

/// A batch command with its scenario loaded: the plan of its runs and what to make of their results.
struct PreparedBatch {
  BatchRequest request;  ///< as asked, with replications, worlds, fingerprint and run_count resolved
  BatchPlan plan;
  std::string default_folder;              ///< the output folder when --out is not given: runs/<this>
  std::vector<std::string> inner_folders;  ///< the subfolders the outputs will hold (check_output_folder)
  std::string progress_label;              ///< "compare", "robust sweep", ...
  /// Shows the progress of a batch that is one run, in its own way (`delivsim run`'s bar); may be empty.
  std::function<void(const RunProgress&)> one_run_progress;
  /// Writes the outputs of `results` (every run, in run order) and prints its table unless quiet; returns
  /// the exit code (kExitFailed when an expectation failed).
  std::function<int(std::vector<RunResult> results, const BatchOutputArgs& output)> finish;
};

/// How a command's results become its outputs: written, printed unless quiet; returns the exit code.
using BatchFinish = int (*)(const ScenarioBatch& batch, const BatchPlan& plan, std::vector<RunResult> results,
                            const BatchOutputArgs& output);

/// What a compare or sweep command runs of its file's batch.
struct BatchLayout {
  std::vector<ScenarioVariant> variants;  ///< strategies or sweep points (and what else its checks need)
  bool robust = false;                    ///< in receiver worlds (default 1 replication per world)
  std::string default_folder;
  std::string progress_label;
  BatchFinish finish = nullptr;
};

/// The PreparedBatch of `layout` over `batch` as `request` asks: replications (default: the file's, or 1
/// when robust) and, when robust, the worlds (default: default_world_count) resolved.
PreparedBatch prepare_layout(const BatchRequest& request, std::shared_ptr<const ScenarioBatch> batch,
                             BatchLayout layout);

/// The batch `request` asks for, prepared by the command it names (run, compare, sweep, compare --robust,
/// sweep --robust). Throws ScenarioError for a bad scenario and BatchPartError for an unknown command.
PreparedBatch prepare_batch(const BatchRequest& request);

/// How the command line asked to run a batch.
struct BatchDriverArgs {
  std::string out_dir;  ///< empty: the default
  bool force = false;
  bool quiet = false;
  int threads = 0;
  WorkLimits limits;
  DistributionArgs distribution;
};

/// Prepares `request` and lists its runs, runs some into a part folder, or runs all of it and finishes it,
/// as `args` says; returns the exit code.
int drive_batch(const BatchRequest& request, const BatchDriverArgs& args);

/// The command line that runs `runs` of the batch of `request` into a part folder, e.g. "delivsim sweep
/// scenarios/gmail-sweep.yaml --replications 3 --runs 3,7-9 --out PART_DIR": what to re-run when runs are
/// missing.
std::string rerun_command(const BatchRequest& request, std::span<const std::size_t> runs);

/// As rerun_command for the runs of `shard` ("... --shard 2/3 --out PART_DIR").
std::string rerun_command(const BatchRequest& request, const ShardSpec& shard);

}  // namespace delivsim
