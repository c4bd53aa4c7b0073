#pragma once
/// @file The limits on how much work a command may start, checked before anything runs: a memory limit
/// for all its runs together (runs in parallel and the results a batch keeps) and an event limit per run.
/// Past a limit the command is refused with the position of the scenario key that asks for the most and
/// the option that lifts the limit (docs/scenario-format.md, "Limits on work").
#include <cstddef>
#include <string>
#include <vector>

#include "sim/world/work_estimate.h"

namespace delivsim {

/// Default memory limit of one command, bytes: 8 GiB, so a run, or a batch with its parallel runs and
/// kept results, leaves most of a 24 GiB machine to everything else.
inline constexpr double kDefaultMaxMemoryBytes = 8.0 * 1024 * 1024 * 1024;
/// Default limit of events in one run: tens of minutes of simulation (bench-1m runs about 0.75 million
/// events a second), against runs that would not end in a working day.
inline constexpr double kDefaultMaxEvents = 2e9;

/// The limits a command keeps to.
struct WorkLimits {
  double max_memory_bytes = kDefaultMaxMemoryBytes;  ///< every run of the command together, bytes
  double max_events = kDefaultMaxEvents;             ///< events in one run
};

/// The option names that lift the limits (the CLI's; the messages name them).
inline constexpr const char* kMaxMemoryOption = "--max-memory";
inline constexpr const char* kMaxEventsOption = "--max-events";

/// Checks a command that runs each scenario estimated in `runs` (one per strategy or sweep point, or one)
/// `replications` times, up to `threads` (>= 1) at once, against `limits`. Returns the number of threads
/// to use: `threads`, or fewer when only fewer parallel runs fit (results do not depend on it). Throws
/// ScenarioError, at the key asking for the most, when one run has more events than allowed, when even one
/// run at a time does not fit in memory, or when a run has more messages or recipients than the world can
/// index (2^32 - 1; no option lifts this).
int fit_work_to_limits(const std::vector<WorkEstimate>& runs, std::size_t replications, int threads,
                       const WorkLimits& limits);

/// One run of `scenario` without accounting, alone, against the default limits: what the GUI checks before
/// each run (it has no options to lift them). Throws ScenarioError as fit_work_to_limits does.
void check_one_run_within_default_limits(const Scenario& scenario);

/// The short description validate prints: "about 120 MiB, 2.1M events per run".
std::string describe_work(const WorkEstimate& estimate);

/// Bytes in binary units, rounded: "512 B", "3.4 MiB", "37 GiB".
std::string format_bytes(double bytes);

}  // namespace delivsim
