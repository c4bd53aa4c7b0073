#pragma once
/// @file `delivsim sweep`: every point of a scenario's `sweep:` grid run for the replications asked (with
/// common random numbers), its headline figures averaged, and, with an `objective:`, the best point that
/// meets every constraint.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/batch/compare_figures.h"
#include "sim/batch/parallel_runs.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim {

/// How a sweep runs.
struct SweepOptions {
  std::optional<int> replications;  ///< default: the file's `replications`
  int threads = 0;                  ///< 0: the machine's core count (see resolve_thread_count)
};

/// One point of the grid and its figures.
struct SweepPoint {
  std::string name;                                           ///< "point-001", ...
  std::vector<std::pair<std::string, std::string>> settings;  ///< (axis path, value text) in axis order
  std::vector<FigureStats> figures;                           ///< in headline_figures() order
  /// With an objective: the indices (into Objective::constraints) of the constraints it broke; it is
  /// feasible when there are none.
  std::vector<std::size_t> failed_constraints;
  /// With an objective: the mean of the objective figure over the replications; nullopt when the figure
  /// is null (never drained) or missing in some replication, which keeps the point from being best.
  std::optional<double> objective;
};

/// A finished sweep.
struct SweepResult {
  std::string scenario;    ///< the scenario's name
  std::uint64_t seed = 0;  ///< the file's seed
  int replications = 1;
  std::vector<SweepAxis> axes;
  std::optional<Objective> objective;
  std::vector<SweepPoint> points;  ///< in grid order (the first axis varying slowest)
  /// The feasible point with the best objective value (ties: the first); nullopt without an objective or
  /// when no point qualifies.
  std::optional<std::size_t> best;
};

/// Summarises `runs` ([point][replication], as run_variants returns them for batch.sweep_points).
SweepResult summarise_sweep(const ScenarioBatch& batch, const std::vector<std::vector<RunResult>>& runs);

/// Runs every point of `batch` (which must have a sweep; else std::invalid_argument) for the replications
/// asked, all in one pool, and summarises them. Identical whatever `options.threads` is.
SweepResult run_sweep(const ScenarioBatch& batch, const SweepOptions& options,
                      const BatchProgressFn& on_progress = {});

/// How many points met every constraint (all of them without an objective).
std::size_t feasible_count(const SweepResult& result);

}  // namespace delivsim
