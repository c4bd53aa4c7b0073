#pragma once
/// @file The files `delivsim sweep` writes (docs/batch-outputs.md): sweep.csv and sweep.json.
#include <string>
#include <vector>

#include "sim/batch/sweep.h"
#include "sim/output/output_dir.h"

namespace delivsim {

/// Version of sweep.json's layout.
inline constexpr int kSweepSchemaVersion = 1;

/// sweep.csv: the header `point`, each axis path, each headline figure key, then `feasible,objective` when
/// the sweep has an objective; a row per point with the axis value texts and the figures' means (empty when
/// missing), feasible as true or false.
std::string sweep_csv(const SweepResult& result);

/// sweep.json: "kind": "sweep", the scenario, seed and replications, `axes`, `objective` (or null), `best`
/// {point, settings, value, reason} (or null), `excluded` (exclusion_reasons), and `points` [{name,
/// settings, figures (means), feasible, objective, failed (the broken constraints' texts)}]; feasible and
/// objective are null without an objective. Doubles rounded to 6 significant digits; fixed key order.
std::string sweep_json(const SweepResult& result);

/// sweep.csv and sweep.json; the writers refer to `result`, which must outlive them.
std::vector<OutputFile> sweep_output_files(const SweepResult& result);

}  // namespace delivsim
