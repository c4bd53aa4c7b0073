#pragma once
/// @file The files `delivsim sweep --robust` writes (docs/batch-outputs.md, "sweep --robust"):
/// sweep_robust.json, the whole robust sweep, and sweep_robust.csv, every point's figures in every world
/// beside the world's parameter draw, so a user can refit or plot them elsewhere.
#include <string>
#include <vector>

#include "sim/batch/sweep_robust.h"
#include "sim/output/output_dir.h"

namespace delivsim {

/// Version of sweep_robust.json's layout.
inline constexpr int kRobustSweepFormatVersion = 1;

/// sweep_robust.json: "format": "delivsim-robust-sweep", the run's facts (scenario, path, seeds, worlds,
/// replications), the varied parameters and every world's parameter numbers (as robust.json), the axes, the
/// objective (with min_share_of_worlds), `best` {point, settings, mean, p5, p95, constraints_share, reason}
/// (or null), and `points` [{name, settings, objective {mean, p5, p95}, constraints_share, feasible, worlds
/// [{objective, constraints_met, figures {key: value}}]}]. Doubles rounded to 6 significant digits; fixed
/// key order; 2-space indent.
std::string robust_sweep_json(const RobustSweepResult& result);

/// sweep_robust.csv: the header `point,world,<axis paths>,<varied labels>,<figure keys>,objective,
/// constraints_met` (a duration parameter's column is `<label>_s`), then a row per point and world (world
/// 1-based); a missing figure is an empty field, constraints_met is true or false.
std::string robust_sweep_csv(const RobustSweepResult& result);

/// sweep_robust.json and sweep_robust.csv. The writers refer to `result`, which must outlive them.
std::vector<OutputFile> robust_sweep_output_files(const RobustSweepResult& result);

}  // namespace delivsim
