#pragma once
/// @file Progress of a batch (replications, strategies, sweep points) on stderr, for people at a terminal.
#include <string>

#include "sim/batch/parallel_runs.h"

namespace delivsim {

/// A progress line "<label> [#####     ] 3/8 runs  elapsed 12s  ETA 20s" redrawn in place on stderr after
/// each finished job (the ETA assumes the remaining jobs take as long as the finished ones on average),
/// ended by a newline when the batch is done. An empty function when stderr is not a terminal, so that
/// logs and pipes stay quiet.
BatchProgressFn terminal_batch_progress(std::string label);

/// For a batch spread over processes (a shard, an MPI job), whose stderr is often a scheduler's log file:
/// terminal_batch_progress at a terminal, else one line "<label>: 10/96 runs done  elapsed 12s  ETA 1m 40s"
/// each time another tenth of the runs is done (and at the end).
BatchProgressFn logged_batch_progress(std::string label);

}  // namespace delivsim
