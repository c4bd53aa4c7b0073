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

}  // namespace delivsim
