#pragma once
/// @file `delivsim sweep`: run every point of a scenario's `sweep:` grid and write sweep.csv and sweep.json;
/// with `--robust`, in every receiver world, writing sweep_robust.json and sweep_robust.csv.
#include "sim/cli/batch_driver.h"
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `sweep FILE [--robust [N]] [--threads T] [--replications R] [--out DIR] [--set K=V]...
/// [--quiet] [--list-runs | --runs SPEC | --shard i/N]`. A file without `sweep:` is bad input (exit 2).
/// Prints format_sweep_table and writes the outputs into DIR (default runs/<scenario name>/) in one atomic
/// step. Exits 0 once the sweep ran, also when no point met the objective's constraints (the table says so).
/// With `--robust [N]`: run_robust_sweep over N worlds (default: the file's `uncertainty.worlds`, else 32)
/// with R replications per world (default 1), which needs an `objective:` (else exit 2); prints
/// format_robust_sweep_table and writes robust_sweep_output_files into DIR (default runs/<scenario
/// name>-robust-sweep/).
CliCommand add_sweep_command(CLI::App& app);

/// BatchRequest::command of `delivsim sweep` and `delivsim sweep --robust`.
inline constexpr const char* kSweepCommandName = "sweep";
inline constexpr const char* kRobustSweepCommandName = "sweep --robust";

/// `delivsim sweep`'s batch: every point, replicated.
PreparedBatch prepare_sweep_batch(const BatchRequest& request);

/// `delivsim sweep --robust`'s batch: every point in every world.
PreparedBatch prepare_robust_sweep_batch(const BatchRequest& request);

}  // namespace delivsim
