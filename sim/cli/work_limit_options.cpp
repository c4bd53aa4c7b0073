#include "sim/cli/work_limit_options.h"

#include <cstdint>

#include "sim/batch/parallel_runs.h"

namespace delivsim {

void add_work_limit_options(CLI::App& cmd, WorkLimits& limits) {
  cmd.add_option_function<std::uint64_t>(
         kMaxMemoryOption,
         [&limits](std::uint64_t bytes) { limits.max_memory_bytes = static_cast<double>(bytes); },
         "Memory all runs of the command may need together, e.g. 16GiB (default 8GiB); a scenario asking "
         "for more is refused before it runs")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber);
  cmd.add_option_function<double>(
         kMaxEventsOption, [&limits](double events) { limits.max_events = events; },
         "Events one run may process, e.g. 5e9 (default 2e9); a scenario asking for more is refused before "
         "it runs")
      ->check(CLI::PositiveNumber);
}

int check_work_limits(const std::vector<const Scenario*>& scenarios, int replications, int threads,
                      const WorkLimits& limits, bool accounting) {
  std::vector<WorkEstimate> runs;
  for (const Scenario* scenario : scenarios)
    runs.push_back(estimate_work(*scenario, accounting || scenario->accounting));
  return fit_work_to_limits(runs, static_cast<std::size_t>(replications), resolve_thread_count(threads),
                            limits);
}

}  // namespace delivsim
