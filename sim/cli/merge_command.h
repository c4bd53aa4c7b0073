#pragma once
/// @file `delivsim merge`: the aggregate outputs of a batch from the part folders its shards wrote.
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `merge PART_DIR... [--out DIR] [--force] [--quiet] [--status]`. Reads every part's part.json
/// (they must be parts of one batch: same command, scenario file and fingerprint, options and run count),
/// checks that together they hold every run exactly once (a missing run is named with the command that runs
/// it, a run held twice with both parts: exit 2), that the scenario file is unchanged, and that each record
/// is the run the plan expects (its seed and scenario); then finishes the batch exactly as the command would
/// on one machine: the same files, byte for byte, into DIR (default: the command's), the same table and exit
/// code.
/// `--status` only reports how many runs the finished parts hold (folders without part.json are parts still
/// running) and the command that runs the missing ones.
CliCommand add_merge_command(CLI::App& app);

}  // namespace delivsim
