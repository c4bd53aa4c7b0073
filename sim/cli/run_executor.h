#pragma once
/// @file Where a batch's runs execute: on this machine's threads or, in a build with -DDELIVSIM_MPI=ON
/// started by mpirun with several ranks, spread over the ranks. Rank 0 hands out one run at a time to each
/// other rank as it finishes the last (runs differ in length: dynamic load balancing) and gathers their exact
/// results (sim/output/run_record.h), so that what it writes is byte-identical to one machine's output. CMake
/// compiles one of local_run_executor.cpp and mpi_run_executor.cpp.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "sim/batch/batch_plan.h"
#include "sim/batch/parallel_runs.h"

namespace delivsim {

/// Starts MPI when this process is a rank of an mpirun job (an MPI build only). Call first in main.
void start_distribution(int& argc, char**& argv);

/// This process's rank in its MPI job: 0 outside one. Only rank 0 prints results and writes outputs.
int distribution_rank();

/// The ranks of this process's MPI job: 1 outside one.
int distribution_size();

/// What a command that failed with `exit_code` returns from main: `exit_code`, but in an MPI job of
/// several ranks it first aborts them all with it (a rank that stopped alone would leave the others
/// waiting for it for ever).
int exit_after_error(int exit_code);

/// Runs `indices` of `plan`: on up to `threads` threads (run_planned) here, or spread over the ranks of an
/// MPI job, rank 0 handing out runs and the others running them one at a time. Returns the results in the
/// order of `indices` on rank 0 (and outside an MPI job), nullopt on the other ranks. `on_progress` is called
/// on rank 0. A failed run is rethrown on rank 0 as "run N (...) failed on rank R: ..." once the runs under
/// way have finished.
std::optional<std::vector<RunResult>> execute_runs(const BatchPlan& plan,
                                                   std::span<const std::size_t> indices, int threads,
                                                   const BatchProgressFn& on_progress);

}  // namespace delivsim
