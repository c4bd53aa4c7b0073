// libFuzzer target: scenarios that parse, run. The input is scenario_fuzzer's (the YAML text, then any number
// of NUL-separated overrides "path=VALUE"). Of a batch that parses, the base scenario and its first strategy
// or sweep point run when their work estimate is small (kMaxEvents); each run checks that every injected
// message ends delivered, bounced, expired or still queued (RunInvariantError), and any exception but a
// ScenarioError, a crash, a sanitizer report or a hang between two progress points (libFuzzer's -timeout) is
// a finding. Runs still going kWallBudget after the input's first began are cancelled at their next progress
// point (every simulated minute): heavy but legitimate work (retries hammering every second) is not a
// finding.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "sim/scenario/scenario_batch.h"
#include "sim/world/run.h"
#include "sim/world/work_estimate.h"
#include "sim/yaml/scenario_error.h"
#include "tests/fuzz/fuzzed_scenario_batch.h"

namespace {

using Clock = std::chrono::steady_clock;

/// Runs with more estimated events are left out (whatif-100k, the GUI's run, has about 300 thousand).
constexpr double kMaxEvents = 200'000;
constexpr std::chrono::seconds kWallBudget{3};

/// Runs `scenario` if it is small enough, cancelled once `deadline` has passed.
void run_if_small(const delivsim::Scenario& scenario, Clock::time_point deadline) {
  if (delivsim::estimate_work(scenario, scenario.accounting).event_count() > kMaxEvents) return;
  std::atomic<bool> cancel{false};
  delivsim::RunOptions options;
  options.progress_every = std::chrono::minutes(1);
  options.cancel = &cancel;
  options.on_progress = [&](const delivsim::RunProgress&) {
    if (Clock::now() > deadline) cancel = true;
  };
  try {
    delivsim::run_scenario(scenario, options);
  } catch (const delivsim::RunCancelled&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const delivsim::ScenarioBatch batch = delivsim::fuzz::parse_fuzzed_batch(data, size);
    const Clock::time_point deadline = Clock::now() + kWallBudget;
    run_if_small(batch.base, deadline);
    if (!batch.strategies.empty()) run_if_small(batch.strategies.front().scenario, deadline);
    if (!batch.sweep_points.empty()) run_if_small(batch.sweep_points.front().scenario, deadline);
  } catch (const delivsim::ScenarioError&) {
  }
  return 0;
}
