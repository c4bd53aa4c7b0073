#include "sim/batch/robust_compare.h"

#include <iterator>
#include <stdexcept>

#include "sim/batch/compare_figures.h"

namespace delivsim {

namespace {

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

std::vector<std::vector<WorldOutcome>> outcomes_by_world(const BatchPlan& plan,
                                                         std::vector<RunResult> results) {
  if (!plan.design) throw std::invalid_argument("a plan without worlds has no world outcomes");
  const auto replications = static_cast<std::size_t>(plan.replications);
  std::vector<std::vector<WorldOutcome>> outcomes;
  for (std::vector<RunResult>& variant_runs : results_by_variant(plan, std::move(results))) {
    std::vector<WorldOutcome>& variant = outcomes.emplace_back();
    for (std::size_t first = 0; first < variant_runs.size(); first += replications) {
      WorldOutcome& world = variant.emplace_back();
      world.runs.assign(
          std::make_move_iterator(variant_runs.begin() + static_cast<std::ptrdiff_t>(first)),
          std::make_move_iterator(variant_runs.begin() + static_cast<std::ptrdiff_t>(first + replications)));
      world.figures = mean_figures(world.runs);
    }
  }
  return outcomes;
}

std::vector<std::vector<WorldOutcome>> run_over_worlds(const std::vector<ScenarioVariant>& variants,
                                                       const WorldDesign& design, int replications,
                                                       int threads, const BatchProgressFn& on_progress) {
  if (replications < 1) throw std::invalid_argument("at least one replication per world is needed");
  if (design.values.empty()) throw std::invalid_argument("at least one world is needed");
  const BatchPlan plan{variants, replications, design};
  return outcomes_by_world(plan, run_planned(plan, all_runs(plan), threads, on_progress));
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
