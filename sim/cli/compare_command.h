#pragma once
/// @file `delivsim compare`: run a scenario's strategies side by side and write compare.json, compare.csv and
/// each strategy's run folder; with `--robust`, over receiver worlds, writing robust.json and robust.csv.
#include "sim/cli/batch_driver.h"
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `compare FILE [--robust [N]] [--replications R] [--threads T] [--out DIR] [--set K=V]...
/// [--quiet] [--list-runs | --runs SPEC | --shard i/N]`. A file without `strategies:` is bad input (exit 2).
/// Prints format_compare_table and writes the outputs into DIR (default runs/<scenario name>/) in one atomic
/// step; exits 1 when a strategy's `expect:` failed. With `--robust`: run_robust_compare over N worlds
/// (default default_world_count) with R replications per world (default 1), prints format_robust_table and
/// writes robust_output_files into DIR (default runs/<scenario name>-robust/).
CliCommand add_compare_command(CLI::App& app);

/// BatchRequest::command of `delivsim compare` and `delivsim compare --robust`.
inline constexpr const char* kCompareCommandName = "compare";
inline constexpr const char* kRobustCompareCommandName = "compare --robust";

/// `delivsim compare`'s batch: every strategy, replicated.
PreparedBatch prepare_compare_batch(const BatchRequest& request);

/// `delivsim compare --robust`'s batch: every strategy in every world, and the base scenario too when its
/// `expect:` list has a share_of_worlds.
PreparedBatch prepare_robust_compare_batch(const BatchRequest& request);

}  // namespace delivsim
