#pragma once
/// @file Running several variants of one scenario (strategies, sweep points) with common random numbers:
/// every variant's replication r uses the same seed, and all runs share one thread pool.
#include <cstdint>
#include <vector>

#include "sim/batch/parallel_runs.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim {

/// Runs every variant `replications` (>= 1) times in one run_in_parallel pool of `threads` threads, variant
/// v's replication r with seed replication_seed(v's scenario seed, r) (the file's seed unless the variant
/// overrides `seed`, so the variants see the same random numbers). Returns the results as
/// [variant][replication], identical whatever `threads` is. `on_progress` counts variants x replications
/// jobs.
std::vector<std::vector<RunResult>> run_variants(const std::vector<ScenarioVariant>& variants,
                                                 int replications, int threads,
                                                 const BatchProgressFn& on_progress = {});

}  // namespace delivsim
