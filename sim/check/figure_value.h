#pragma once
/// @file The value of an expectation's figure in a finished run: the one lookup behind expectations and a
/// sweep's objective.
#include <optional>

#include "sim/output/run_result.h"
#include "sim/scenario/expectation.h"

namespace delivsim {

/// A figure's value in a run: nullopt for null (a provider that never drained). Tiers are their order,
/// BAD = 0 ... HIGH = 3; a reply key the run never gave is 0.
using FigureValue = std::optional<double>;

/// The value of `figure` in `result`, or nullopt when the run has no such provider, traffic source or
/// identity (a missing figure, as opposed to a null one).
std::optional<FigureValue> figure_value(const Figure& figure, const RunResult& result);

}  // namespace delivsim
