#pragma once
/// @file A small thread pool over independent jobs (replications, strategies, sweep points). Results are
/// stored by job index, so nothing a batch writes depends on the number of threads.
#include <cstddef>
#include <functional>

namespace delivsim {

/// How far a batch has got; handed to a BatchProgressFn after each finished job.
struct BatchProgress {
  std::size_t done = 0;   ///< jobs finished
  std::size_t total = 0;  ///< jobs in the batch
  double elapsed_s = 0;   ///< wall-clock seconds since the batch started
};
using BatchProgressFn = std::function<void(const BatchProgress&)>;

/// The number of threads to use when asked for `requested` (0: the machine's core count, at least 1).
int resolve_thread_count(int requested);

/// Calls job(i) once for every i in [0, count) on up to resolve_thread_count(threads) threads (never more
/// threads than jobs; one thread runs the jobs in index order on the calling thread). `on_progress` is
/// called after each job, never concurrently with itself. When jobs throw, no new job starts and, after
/// the running ones finish, the exception of the lowest-indexed failed job is rethrown.
void run_in_parallel(std::size_t count, int threads, const std::function<void(std::size_t)>& job,
                     const BatchProgressFn& on_progress = {});

}  // namespace delivsim
