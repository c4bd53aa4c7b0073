#pragma once
/// @file `delivsim run`: simulate a scenario, print its summary table and write its outputs.
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `run FILE [--out DIR] [--seed N] [--set K=V]... [--accounting] [--quiet] [--replications R]
/// [--threads T]`. One replication writes a run's folder; more write the batch folder of
/// write_replication_outputs and print the aggregate table.
CliCommand add_run_command(CLI::App& app);

}  // namespace delivsim
