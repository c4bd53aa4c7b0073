#pragma once
/// @file `delivsim compare`: run a scenario's strategies side by side and write compare.json, compare.csv and
/// each strategy's run folder; with `--robust`, over receiver worlds, writing robust.json and robust.csv.
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `compare FILE [--robust [N]] [--replications R] [--threads T] [--out DIR] [--set K=V]...
/// [--quiet]`. A file without `strategies:` is bad input (exit 2). Prints format_compare_table and writes
/// the outputs into DIR (default runs/<scenario name>/) in one atomic step; exits 1 when a strategy's
/// `expect:` failed. With `--robust`: run_robust_compare over N worlds (default default_world_count) with R
/// replications per world (default 1), prints format_robust_table and writes robust_output_files into DIR
/// (default runs/<scenario name>-robust/).
CliCommand add_compare_command(CLI::App& app);

}  // namespace delivsim
