#include "sim/batch/sweep.h"

#include <stdexcept>

#include "sim/batch/compare_runs.h"
#include "sim/batch/sweep_objective.h"

namespace delivsim {

SweepResult summarise_sweep(const ScenarioBatch& batch, const std::vector<std::vector<RunResult>>& runs) {
  if (runs.size() != batch.sweep_points.size() || runs.empty() || runs.front().empty()) {
    throw std::invalid_argument("a sweep needs every point's replications");
  }
  SweepResult result;
  result.scenario = batch.base.name;
  result.seed = batch.base.seed;
  result.replications = static_cast<int>(runs.front().size());
  result.axes = batch.sweep_axes;
  result.objective = batch.objective;
  for (std::size_t p = 0; p < runs.size(); ++p) {
    SweepPoint point;
    point.name = batch.sweep_points[p].name;
    point.settings = batch.sweep_points[p].settings;
    point.figures = headline_stats(runs[p]);
    if (batch.objective) {
      ObjectiveOutcome outcome = evaluate_objective(*batch.objective, runs[p]);
      point.failed_constraints = std::move(outcome.failed_constraints);
      point.objective = outcome.value;
      const bool qualifies = point.failed_constraints.empty() && point.objective;
      if (qualifies && (!result.best || objective_beats(*batch.objective, *point.objective,
                                                        *result.points[*result.best].objective))) {
        result.best = p;
      }
    }
    result.points.push_back(std::move(point));
  }
  return result;
}

SweepResult run_sweep(const ScenarioBatch& batch, const SweepOptions& options,
                      const BatchProgressFn& on_progress) {
  if (batch.sweep_points.empty()) throw std::invalid_argument("the scenario has no sweep");
  const int replications = options.replications.value_or(batch.base.replications);
  return summarise_sweep(batch, run_variants(batch.sweep_points, replications, options.threads, on_progress));
}

std::size_t feasible_count(const SweepResult& result) {
  std::size_t feasible = 0;
  for (const SweepPoint& point : result.points) feasible += point.failed_constraints.empty() ? 1 : 0;
  return feasible;
}

}  // namespace delivsim
