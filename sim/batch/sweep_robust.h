#pragma once
/// @file `delivsim sweep --robust`: every point of a scenario's `sweep:` grid run in every receiver world
/// (run_over_worlds: common random numbers across points), and per point the objective's mean, p5 and p95
/// over the worlds and the share of worlds in which it meets every `subject_to` constraint. The best point
/// under uncertainty is the best mean among the points that meet the constraints in at least
/// `objective.min_share_of_worlds` of the worlds.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/batch/robust_compare.h"

namespace delivsim {

/// One point in one world.
struct RobustSweepWorld {
  /// Per headline figure (headline_figures() order), the mean over the world's replications; nullopt when a
  /// replication misses it.
  std::vector<std::optional<double>> figures;
  /// The objective figure's mean over the world's replications; nullopt when null or missing in any of them.
  std::optional<double> objective;
  bool constraints_met = true;  ///< every `subject_to` constraint held over the world's replications
};

/// One point of the grid over the worlds.
struct RobustSweepPoint {
  std::string name;                                           ///< "point-001", ...
  std::vector<std::pair<std::string, std::string>> settings;  ///< (axis path, value text) in axis order
  std::vector<RobustSweepWorld> worlds;                       ///< per world
  /// The objective over the worlds: mean, p5 and p95 (sim/stats percentile); nullopt when some world has
  /// no value (never drained), which keeps the point from being best.
  std::optional<double> objective_mean, objective_p5, objective_p95;
  double constraints_share = 1;  ///< share of the worlds in which it met every constraint
  /// Whether it met the constraints in at least objective.min_share_of_worlds of the worlds.
  bool feasible = true;
};

/// A finished robust sweep.
struct RobustSweepResult {
  std::string scenario;    ///< the scenario's name
  std::string path;        ///< the scenario file
  std::uint64_t seed = 0;  ///< the scenario's seed (simulation seeds derive from it)
  int replications = 1;    ///< per world
  WorldDesign design;
  std::vector<SweepAxis> axes;
  Objective objective;
  std::vector<RobustSweepPoint> points;  ///< in grid order (the first axis varying slowest)
  /// The feasible point with the best objective mean (ties: the first); nullopt when none qualifies.
  std::optional<std::size_t> best;
};

/// Summarises `outcomes` ([point][world], as run_over_worlds returns them for batch.sweep_points; `batch`
/// must have an objective, else std::invalid_argument).
RobustSweepResult summarise_robust_sweep(const ScenarioBatch& batch, const WorldDesign& design,
                                         int replications,
                                         const std::vector<std::vector<WorldOutcome>>& outcomes);

/// Designs the worlds (design_worlds), runs every point of `batch` (which must have a sweep and an
/// objective; else std::invalid_argument) in each, all in one pool, and summarises them. Identical whatever
/// `options.threads` is.
RobustSweepResult run_robust_sweep(const ScenarioBatch& batch, const RobustOptions& options,
                                   const BatchProgressFn& on_progress = {});

/// How many points are feasible (meet the constraints in at least min_share_of_worlds of the worlds).
std::size_t robust_feasible_count(const RobustSweepResult& result);

}  // namespace delivsim
