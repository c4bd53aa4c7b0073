#include "sim/batch/sweep_robust.h"

#include <stdexcept>

#include "sim/batch/sweep_objective.h"
#include "sim/stats/sample_statistics.h"

namespace delivsim {

namespace {

constexpr double kLowQuantile = 0.05;
constexpr double kHighQuantile = 0.95;

RobustSweepWorld world_of(const Objective& objective, const WorldOutcome& outcome) {
  const ObjectiveOutcome judged = evaluate_objective(objective, outcome.runs);
  return {outcome.figures, judged.value, judged.failed_constraints.empty()};
}

/// Fills the point's objective spread and constraint share from its worlds.
void summarise_point(RobustSweepPoint& point, double min_share) {
  std::vector<double> values;
  std::size_t met = 0;
  for (const RobustSweepWorld& world : point.worlds) {
    if (world.objective) values.push_back(*world.objective);
    met += world.constraints_met ? 1 : 0;
  }
  const double worlds = static_cast<double>(point.worlds.size());
  point.constraints_share = static_cast<double>(met) / worlds;
  point.feasible = point.constraints_share >= min_share;
  if (values.size() != point.worlds.size()) return;
  point.objective_mean = sample_stats(values).mean;
  point.objective_p5 = percentile(values, kLowQuantile);
  point.objective_p95 = percentile(values, kHighQuantile);
}

}  // namespace

RobustSweepResult summarise_robust_sweep(const ScenarioBatch& batch, const WorldDesign& design,
                                         int replications,
                                         const std::vector<std::vector<WorldOutcome>>& outcomes) {
  if (!batch.objective) throw std::invalid_argument("a robust sweep needs an objective");
  if (outcomes.size() != batch.sweep_points.size() || outcomes.empty() || outcomes.front().empty()) {
    throw std::invalid_argument("a robust sweep needs every point's worlds");
  }
  RobustSweepResult result;
  result.scenario = batch.base.name;
  result.path = batch.base.source_path;
  result.seed = batch.base.seed;
  result.replications = replications;
  result.design = design;
  result.axes = batch.sweep_axes;
  result.objective = *batch.objective;
  for (std::size_t p = 0; p < outcomes.size(); ++p) {
    RobustSweepPoint point;
    point.name = batch.sweep_points[p].name;
    point.settings = batch.sweep_points[p].settings;
    for (const WorldOutcome& outcome : outcomes[p])
      point.worlds.push_back(world_of(result.objective, outcome));
    summarise_point(point, result.objective.min_share_of_worlds);
    const bool qualifies = point.feasible && point.objective_mean;
    if (qualifies && (!result.best || objective_beats(result.objective, *point.objective_mean,
                                                      *result.points[*result.best].objective_mean))) {
      result.best = p;
    }
    result.points.push_back(std::move(point));
  }
  return result;
}

RobustSweepResult run_robust_sweep(const ScenarioBatch& batch, const RobustOptions& options,
                                   const BatchProgressFn& on_progress) {
  if (batch.sweep_points.empty()) throw std::invalid_argument("the scenario has no sweep");
  if (!batch.objective) throw std::invalid_argument("a robust sweep needs an objective");
  const WorldDesign design = design_worlds(batch, options.worlds);
  return summarise_robust_sweep(
      batch, design, options.replications,
      run_over_worlds(batch.sweep_points, design, options.replications, options.threads, on_progress));
}

std::size_t robust_feasible_count(const RobustSweepResult& result) {
  std::size_t feasible = 0;
  for (const RobustSweepPoint& point : result.points) feasible += point.feasible ? 1 : 0;
  return feasible;
}

}  // namespace delivsim
