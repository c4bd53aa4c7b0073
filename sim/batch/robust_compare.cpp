#include "sim/batch/robust_compare.h"

#include <stdexcept>

#include "sim/batch/compare_figures.h"
#include "sim/batch/replications.h"
#include "sim/world/run.h"

namespace delivsim {

namespace {

/// A world run keeps its summary figures only: the time series, accounting and hourly alerts of thousands
/// of runs would not fit in memory, and nothing over worlds (figures, expectations) reads them.
void keep_summary_only(RunResult& run) {
  run.timeseries = {};
  run.accounting = {};
  run.alerts = {};
}

std::vector<std::optional<double>> mean_figures(const std::vector<RunResult>& runs) {
  std::vector<std::optional<double>> means;
  for (const FigureStats& figure : headline_stats(runs)) means.push_back(figure.mean);
  return means;
}

}  // namespace

int default_world_count(const ScenarioBatch& batch) {
  if (batch.uncertainty && batch.uncertainty->worlds) return *batch.uncertainty->worlds;
  return RobustOptions{}.worlds;
}

std::vector<std::vector<WorldOutcome>> run_over_worlds(const std::vector<ScenarioVariant>& variants,
                                                       const WorldDesign& design, int replications,
                                                       int threads, const BatchProgressFn& on_progress) {
  if (replications < 1) throw std::invalid_argument("at least one replication per world is needed");
  const std::size_t worlds = design.values.size();
  if (worlds < 1) throw std::invalid_argument("at least one world is needed");
  const auto per_world = static_cast<std::size_t>(replications);
  const std::size_t per_variant = worlds * per_world;
  std::vector<std::vector<WorldOutcome>> outcomes(
      variants.size(),
      std::vector<WorldOutcome>(worlds, WorldOutcome{std::vector<RunResult>(per_world), {}}));
  run_in_parallel(
      variants.size() * per_variant, threads,
      [&](std::size_t job) {
        const std::size_t v = job / per_variant;
        const std::size_t w = job % per_variant / per_world;
        const Scenario scenario = scenario_in_world(variants[v].scenario, design, w);
        RunOptions options;
        options.seed = replication_seed(variants[v].scenario.seed, static_cast<int>(job % per_variant));
        options.accounting = false;
        RunResult& run = outcomes[v][w].runs[job % per_world];
        run = run_scenario(scenario, options);
        keep_summary_only(run);
      },
      on_progress);
  for (std::vector<WorldOutcome>& variant : outcomes) {
    for (WorldOutcome& world : variant) world.figures = mean_figures(world.runs);
  }
  return outcomes;
}

RobustResult run_robust_compare(const ScenarioBatch& batch, const RobustOptions& options,
                                const BatchProgressFn& on_progress) {
  if (batch.strategies.empty()) throw std::invalid_argument("the scenario has no strategies to compare");
  const WorldDesign design = design_worlds(batch, options.worlds);
  return summarise_robust(
      batch, design, options.replications,
      run_over_worlds(batch.strategies, design, options.replications, options.threads, on_progress));
}

}  // namespace delivsim
