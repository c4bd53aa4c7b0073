#pragma once
/// @file `delivsim compare --robust N`: every strategy run in every one of N receiver worlds (see
/// receiver_worlds.h) on common random numbers, and per headline figure, for each strategy: the share of
/// worlds in which it is best and in which it beats, ties or loses to the first strategy, the spread of the
/// paired difference over worlds, a verdict line, and which varied parameters the difference hinges on
/// (Spearman rank correlation between each parameter's draws and the difference).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/batch_plan.h"
#include "sim/batch/parallel_runs.h"
#include "sim/batch/receiver_worlds.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim {

/// How a robust run runs.
struct RobustOptions {
  int worlds = 32;  ///< 1..kMaxWorlds
  int replications =
      1;            ///< per world and variant; replication r of world w uses replication_seed(seed, w*R + r)
  int threads = 0;  ///< 0: the machine's core count
};

/// How many worlds a robust run of `batch` draws when the command line does not say: the file's
/// `uncertainty.worlds`, else RobustOptions{}.worlds.
int default_world_count(const ScenarioBatch& batch);

/// One variant (strategy, sweep point) in one world.
struct WorldOutcome {
  /// Its replications with the timeseries, accounting and alerts dropped (summary figures only, for
  /// expectations).
  std::vector<RunResult> runs;
  /// Per headline figure (headline_figures() order), the mean over `runs`; nullopt when a run misses it
  /// (never drained, no identities).
  std::vector<std::optional<double>> figures;
};

/// Runs every variant in every world of `design`, all in one run_in_parallel pool, and returns
/// [variant][world]. Variant v in world w is scenario_in_world(v's scenario, design, w); its replication r
/// uses seed replication_seed(v's scenario seed, w * replications + r), so with nothing varied the worlds
/// are exactly the plain compare's replications. Identical whatever `threads` is. `on_progress` counts
/// variants x worlds x replications jobs.
std::vector<std::vector<WorldOutcome>> run_over_worlds(const std::vector<ScenarioVariant>& variants,
                                                       const WorldDesign& design, int replications,
                                                       int threads, const BatchProgressFn& on_progress = {});

/// The results of every run of `plan` (which has a design), in run order, as [variant][world] outcomes.
std::vector<std::vector<WorldOutcome>> outcomes_by_world(const BatchPlan& plan,
                                                         std::vector<RunResult> results);

/// How often a strategy's figure is ahead of the first strategy's over the worlds, by the figure's Better
/// direction; a missing value (never drained) counts as the worst. Shares are of all worlds and sum to 1.
struct WinShares {
  double wins = 0, ties = 0, losses = 0;
};

/// A varied parameter and how its draws rank-correlate with a figure's paired difference.
struct Sensitivity {
  std::size_t param = 0;        ///< index into WorldDesign::varied
  double rank_correlation = 0;  ///< Spearman's rho (average ranks for ties); 0 when either side is constant
};

/// One strategy's standing in one headline figure over the worlds.
struct RobustFigure {
  double best_share = 0;  ///< share of worlds in which it has the best value (ties with the best count)
  /// Against the first strategy; nullopt for the first strategy itself.
  std::optional<WinShares> versus_first;
  /// The paired difference (this - first) over the worlds where both values exist: p5, p50, p95 and mean;
  /// nullopt for the first strategy and when no world has both values.
  std::optional<double> difference_p5, difference_p50, difference_p95, difference_mean;
  /// Every varied parameter, most influential first (by |rho|, ties by index): the correlation with the
  /// paired difference, or for the first strategy with its own figure. Empty when nothing varies.
  std::vector<Sensitivity> sensitivity;
};

/// One strategy over the worlds.
struct RobustStrategy {
  std::string name;
  std::string description;
  std::vector<WorldOutcome> worlds;   ///< per world
  std::vector<RobustFigure> figures;  ///< in headline_figures() order
};

/// A finished robust comparison.
struct RobustResult {
  std::string scenario;    ///< the scenario's name
  std::string path;        ///< the scenario file
  std::uint64_t seed = 0;  ///< the scenario's seed (simulation seeds derive from it)
  int replications = 1;    ///< per world
  WorldDesign design;
  std::vector<RobustStrategy> strategies;  ///< in the order written; the first is the reference
};

/// |rho| at or above which a rank correlation over `worlds` worlds is unlikely to be noise (two-sided 5%
/// level, about 1.96 / sqrt(worlds - 1)).
double noise_rank_correlation(int worlds);

/// Summarises `outcomes` ([strategy][world], as run_over_worlds returns them for batch.strategies).
RobustResult summarise_robust(const ScenarioBatch& batch, const WorldDesign& design, int replications,
                              std::vector<std::vector<WorldOutcome>> outcomes);

/// Designs the worlds (design_worlds), runs every strategy of `batch` (which must have some; else
/// std::invalid_argument) in each and summarises them.
RobustResult run_robust_compare(const ScenarioBatch& batch, const RobustOptions& options,
                                const BatchProgressFn& on_progress = {});

/// The verdict line of strategy `s` (not the first) on headline figure `f`, e.g. "warmup beats cold-blast
/// on delivered share in 100% of 64 worlds (p5 +38 pp)"; a figure it mostly loses reads "loses to", a split
/// one "beats ... in 40%, ties in 10%, loses in 50% of 64 worlds (p50 -1.2 pp)".
std::string robust_verdict(const RobustResult& result, std::size_t s, std::size_t f);

}  // namespace delivsim
