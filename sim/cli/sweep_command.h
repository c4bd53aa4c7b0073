#pragma once
/// @file `delivsim sweep`: run every point of a scenario's `sweep:` grid and write sweep.csv and sweep.json.
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `sweep FILE [--threads T] [--replications R] [--out DIR] [--set K=V]... [--quiet]`. A file
/// without `sweep:` is bad input (exit 2). Prints format_sweep_table and writes the outputs into DIR
/// (default runs/<scenario name>/) in one atomic step. Exits 0 once the sweep ran, also when no point met
/// the objective's constraints (the table says so).
CliCommand add_sweep_command(CLI::App& app);

}  // namespace delivsim
