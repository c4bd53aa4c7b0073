#pragma once
/// @file The files `delivsim compare --robust` writes (docs/batch-outputs.md, "compare --robust"):
/// robust.json, the whole comparison, and robust.csv, every world's parameter draw and figures per strategy,
/// so a user can refit or plot them elsewhere.
#include <string>
#include <vector>

#include "sim/batch/robust_compare.h"
#include "sim/output/output_dir.h"

namespace delivsim {

/// Version of robust.json's layout.
inline constexpr int kRobustFormatVersion = 1;

/// robust.json: the run's facts (scenario, path, seeds, worlds, replications, the noise level of a rank
/// correlation), the varied parameters with their ranges, every world's parameter numbers (param_number:
/// durations in seconds), the headline figures with their directions, and per strategy its figure values
/// per world and per figure its best share, shares against the first strategy, the difference's spread, its
/// verdict and its sensitivity ranking (null where a strategy has none, e.g. the first). Doubles rounded to
/// 6 significant digits; fixed key order; 2-space indent.
std::string robust_json(const RobustResult& result);

/// robust.csv: the header `strategy,world,<varied labels>,<figure keys>` (a duration parameter's column is
/// `<label>_s`), then a row per strategy and world (world 1-based); a missing figure is an empty field.
std::string robust_csv(const RobustResult& result);

/// robust.json and robust.csv. The writers refer to `result`, which must outlive them.
std::vector<OutputFile> robust_output_files(const RobustResult& result);

}  // namespace delivsim
