#include "sim/cli/work_limit_options.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sim/batch/parallel_runs.h"

namespace delivsim {

namespace {

/// Accepts a finite number of at least 1 (for --max-memory, after its unit is applied) and says so in words.
CLI::Validator at_least_one(const std::string& what) {
  return CLI::Validator(
      [what](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(value) || value < 1) {
          return "'" + text + "' is not a limit; expected " + what;
        }
        return {};
      },
      what);
}

}  // namespace

void add_work_limit_options(CLI::App& cmd, WorkLimits& limits) {
  cmd.add_option_function<std::uint64_t>(
         kMaxMemoryOption,
         [&limits](std::uint64_t bytes) { limits.max_memory_bytes = static_cast<double>(bytes); },
         "Memory all runs of the command may need together, e.g. 16GiB (default 8GiB); a scenario asking "
         "for more is refused before it runs")
      ->transform(CLI::AsSizeValue(false))
      ->check(at_least_one("a size of at least 1 byte, e.g. 16GiB"));
  cmd.add_option_function<double>(
         kMaxEventsOption, [&limits](double events) { limits.max_events = events; },
         "Events one run may process, e.g. 5e9 (default 2e9); a scenario asking for more is refused before "
         "it runs")
      ->check(at_least_one("a number of events of at least 1, e.g. 5e9"));
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
