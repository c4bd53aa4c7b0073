#include "sim/batch/sweep_reasons.h"

#include "sim/batch/sweep_objective.h"
#include "sim/output/number_format.h"

namespace delivsim {

std::string best_reason(const SweepResult& result) {
  if (!result.objective) return {};
  const std::string goal = result.objective->goal == Objective::Goal::Minimize ? "lowest " : "highest ";
  return goal + result.objective->figure_text + " of the " + std::to_string(feasible_count(result)) + " of " +
         format_count_noun(result.points.size(), "point", "points") + " that met every constraint";
}

std::vector<std::string> exclusion_reasons(const SweepResult& result) {
  if (!result.objective) return {};
  std::vector<std::string> reasons;
  const std::vector<Expectation>& constraints = result.objective->constraints;
  for (std::size_t c = 0; c < constraints.size(); ++c) {
    std::size_t broke = 0;
    for (const SweepPoint& point : result.points) {
      for (const std::size_t failed : point.failed_constraints) broke += failed == c ? 1 : 0;
    }
    if (broke > 0) {
      reasons.push_back(format_count_noun(broke, "point", "points") + " had " +
                        broken_constraint_text(constraints[c]));
    }
  }
  std::size_t without_value = 0;
  for (const SweepPoint& point : result.points) {
    without_value += point.failed_constraints.empty() && !point.objective ? 1 : 0;
  }
  if (without_value > 0) {
    reasons.push_back(format_count_noun(without_value, "point", "points") +
                      " that met every constraint had no value for " + result.objective->figure_text +
                      " (null or missing in some replication)");
  }
  return reasons;
}

}  // namespace delivsim
