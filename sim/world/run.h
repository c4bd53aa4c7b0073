#pragma once
/// @file The one entry point that runs a scenario: the CLI, the GUI and batch tools all call run_scenario.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>

#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

namespace delivsim {

/// How far a run in progress is, handed to RunOptions::on_progress.
struct RunProgress {
  Duration now{0};  ///< simulated time reached
  Duration end{0};  ///< simulated time the run ends at
};

struct RunOptions {
  std::optional<std::uint64_t> seed;  ///< overrides the scenario's seed
  std::optional<bool> accounting;     ///< overrides the scenario's `accounting`
  /// Called every `progress_every` of simulated time (and once at the end).
  std::function<void(const RunProgress&)> on_progress;
  Duration progress_every = std::chrono::hours(6);
  /// When set and true, the run stops at the next progress point and throws RunCancelled.
  const std::atomic<bool>* cancel = nullptr;
};

/// Thrown when RunOptions::cancel was set.
struct RunCancelled : std::runtime_error {
  RunCancelled() : std::runtime_error("run cancelled") {}
};

/// Thrown when the run breaks an invariant (message conservation): a bug, exit code 1.
struct RunInvariantError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Runs `scenario` to its end and returns every figure. Deterministic: the same scenario and seed give the
/// same result. Throws RunInvariantError if injected != delivered + bounced + expired + queued at the end.
RunResult run_scenario(const Scenario& scenario, const RunOptions& options = {});

}  // namespace delivsim
