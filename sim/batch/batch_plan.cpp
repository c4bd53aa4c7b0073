#include "sim/batch/batch_plan.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "sim/batch/replications.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// A world run keeps its summary figures only: the time series, accounting and hourly alerts of thousands
/// of runs would not fit in memory, and nothing over worlds (figures, expectations) reads them.
void keep_summary_only(RunResult& run) {
  run.timeseries = {};
  run.accounting = {};
  run.alerts = {};
}

/// Rethrows the exception in flight with `label` in front of its message, keeping the kinds the commands
/// map to exit codes (a ScenarioError already names its file and is rethrown as it is).
[[noreturn]] void rethrow_labelled(const std::string& label) {
  try {
    throw;
  } catch (const ScenarioError&) {
    throw;
  } catch (const RunInvariantError& e) {
    throw RunInvariantError(label + ": " + e.what());
  } catch (const std::exception& e) {
    throw std::runtime_error(label + ": " + e.what());
  }
}

}  // namespace

PlannedRun planned_run(const BatchPlan& plan, std::size_t index) {
  if (index >= plan.run_count()) {
    throw std::out_of_range("run " + std::to_string(index) + " is not in a batch of " +
                            std::to_string(plan.run_count()) + " runs");
  }
  const auto replications = static_cast<std::size_t>(plan.replications);
  const std::size_t within_variant = index % plan.runs_per_variant();
  PlannedRun run;
  run.index = index;
  run.variant = index / plan.runs_per_variant();
  run.world = within_variant / replications;
  run.replication = static_cast<int>(within_variant % replications);
  run.seed = replication_seed(plan.variants[run.variant].scenario.seed, static_cast<int>(within_variant));
  return run;
}

std::string planned_run_label(const BatchPlan& plan, std::size_t index) {
  const PlannedRun run = planned_run(plan, index);
  std::string label = "run " + std::to_string(run.index) + " (" + plan.variants[run.variant].name;
  if (plan.design) label += ", world " + std::to_string(run.world + 1);
  return label + ", replication " + std::to_string(run.replication + 1) + ")";
}

std::string describe_planned_run(const BatchPlan& plan, std::size_t index) {
  std::size_t name_width = 0;
  for (const ScenarioVariant& variant : plan.variants) name_width = std::max(name_width, variant.name.size());
  const PlannedRun run = planned_run(plan, index);
  std::string name = plan.variants[run.variant].name;
  name.resize(name_width, ' ');
  std::string line = std::to_string(run.index) + "  " + name;
  if (plan.design) line += "  world " + std::to_string(run.world + 1);
  return line + "  replication " + std::to_string(run.replication + 1) + "  seed " + std::to_string(run.seed);
}

RunResult execute_planned_run(const BatchPlan& plan, std::size_t index, RunOptions options) {
  const PlannedRun run = planned_run(plan, index);
  const Scenario& scenario = plan.variants[run.variant].scenario;
  options.seed = run.seed;
  if (!plan.design) return run_scenario(scenario, options);
  options.accounting = false;
  RunResult result = run_scenario(scenario_in_world(scenario, *plan.design, run.world), options);
  keep_summary_only(result);
  return result;
}

std::vector<RunResult> run_planned(const BatchPlan& plan, std::span<const std::size_t> indices, int threads,
                                   const BatchProgressFn& on_progress) {
  std::vector<RunResult> results(indices.size());
  run_in_parallel(
      indices.size(), threads,
      [&](std::size_t job) {
        try {
          results[job] = execute_planned_run(plan, indices[job]);
        } catch (...) {
          rethrow_labelled(planned_run_label(plan, indices[job]));
        }
      },
      on_progress);
  return results;
}

std::vector<std::size_t> all_runs(const BatchPlan& plan) {
  std::vector<std::size_t> indices(plan.run_count());
  std::iota(indices.begin(), indices.end(), std::size_t{0});
  return indices;
}

std::vector<std::vector<RunResult>> results_by_variant(const BatchPlan& plan,
                                                       std::vector<RunResult> results) {
  if (results.size() != plan.run_count()) {
    throw std::invalid_argument("a batch of " + std::to_string(plan.run_count()) + " runs has " +
                                std::to_string(results.size()) + " results");
  }
  std::vector<std::vector<RunResult>> grouped(plan.variants.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    grouped[i / plan.runs_per_variant()].push_back(std::move(results[i]));
  }
  return grouped;
}

}  // namespace delivsim
