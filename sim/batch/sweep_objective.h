#pragma once
/// @file A sweep's `objective:` applied to one point's replications, and the reasons points were left out.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sim/output/run_result.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim {

/// How one point fared against the objective.
struct ObjectiveOutcome {
  std::vector<std::size_t> failed_constraints;  ///< indices into Objective::constraints
  /// The mean of the objective figure over the replications; nullopt when null or missing in any of them.
  std::optional<double> value;
};

/// Checks each constraint over `replications` (not empty) as `delivsim check` would (evaluate_expectation
/// over replications) and averages the objective figure.
ObjectiveOutcome evaluate_objective(const Objective& objective, std::span<const RunResult> replications);

/// Whether `candidate` is a better objective value than `incumbent` for the objective's goal.
bool objective_beats(const Objective& objective, double candidate, double incumbent);

/// The constraint as it was broken, with its operator reversed: "providers.gmail.deferral_rate <= 0.05"
/// becomes "providers.gmail.deferral_rate > 0.05".
std::string broken_constraint_text(const Expectation& constraint);

}  // namespace delivsim
