#pragma once
/// @file Independent replications of one scenario: the same scenario run with seeds derived from its own.
#include <cstdint>
#include <vector>

#include "sim/batch/parallel_runs.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

namespace delivsim {

/// The seed of replication `index` (0-based): the scenario's seed itself for index 0 (so one replication
/// is exactly `delivsim run`), a SplitMix64 mix of the seed and the index otherwise.
std::uint64_t replication_seed(std::uint64_t scenario_seed, int index);

/// Runs `replications` (>= 1) replications of `scenario` on `threads` threads (see run_in_parallel) and
/// returns their results in replication order; identical whatever `threads` is.
std::vector<RunResult> run_replications(const Scenario& scenario, int replications, int threads,
                                        const BatchProgressFn& on_progress = {});

}  // namespace delivsim
