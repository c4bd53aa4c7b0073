#pragma once
/// @file The terminal report of `delivsim sweep --robust`: fixed-width text for people, not for parsing.
#include <string>

#include "sim/batch/sweep_robust.h"

namespace delivsim {

/// A heading (the points, worlds, varied parameters and seeds; the objective and the share of worlds it asks
/// for); a table with a row per point: its axis values, the objective's mean, p5 and p95 over the worlds and
/// the share of worlds in which it met every constraint, the best point marked '*'; then "best: point-007
/// (path=value, ...): <figure> mean <value> (p5 <value>, p95 <value>), every constraint met in 97% of 64
/// worlds; 3 of 12 points met every constraint in at least 90% of the worlds" (or "best: none; ..."). Ends
/// with "\n".
std::string format_robust_sweep_table(const RobustSweepResult& result);

/// "highest <figure> mean over 64 worlds of the 3 of 12 points that met every constraint in at least 90% of
/// the worlds" ("lowest" when minimising), for the table and sweep_robust.json.
std::string robust_best_reason(const RobustSweepResult& result);

}  // namespace delivsim
