// run_executor.h in a build without MPI: every run on this machine's threads.
#include "sim/cli/run_executor.h"

namespace delivsim {

void start_distribution(int&, char**&) {}

int distribution_rank() {
  return 0;
}

int distribution_size() {
  return 1;
}

int exit_after_error(int exit_code) {
  return exit_code;
}

std::optional<std::vector<RunResult>> execute_runs(const BatchPlan& plan,
                                                   std::span<const std::size_t> indices, int threads,
                                                   const BatchProgressFn& on_progress) {
  return run_planned(plan, indices, threads, on_progress);
}

}  // namespace delivsim
