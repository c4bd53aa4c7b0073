#pragma once
/// @file `delivsim run`: simulate a scenario, print its summary table and write its outputs.
#include "sim/cli/batch_driver.h"
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `run FILE [--out DIR] [--seed N] [--set K=V]... [--accounting] [--quiet] [--replications R]
/// [--threads T] [--list-runs | --runs SPEC | --shard i/N]`. One replication writes a run's folder; more
/// write the batch folder of write_replication_outputs and print the aggregate table.
CliCommand add_run_command(CLI::App& app);

/// BatchRequest::command of `delivsim run`.
inline constexpr const char* kRunCommandName = "run";

/// `delivsim run`'s batch: the scenario (with `request.seed` and `request.accounting`) replicated.
PreparedBatch prepare_run_batch(const BatchRequest& request);

}  // namespace delivsim
