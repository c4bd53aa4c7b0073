#pragma once
/// @file Every run of a batch command, numbered from 0 like OMNeT++'s run numbers: variant v (a strategy, a
/// sweep point, or the scenario itself), world w (robust runs; one world otherwise) and replication r are
/// run (v * worlds + w) * replications + r, seeded replication_seed(v's scenario seed, w * replications + r).
/// This is the one place where a batch's runs and seeds are decided, so one machine, a shard of a cluster
/// job and an MPI rank run exactly the same runs.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sim/batch/parallel_runs.h"
#include "sim/batch/receiver_worlds.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/world/run.h"

namespace delivsim {

/// The most runs a batch may have (10 million: a 10 x 10 x 10 sweep with 20 replications is 20,000), so that
/// a merge's bookkeeping of which part holds which run stays small however a part.json is written.
inline constexpr std::size_t kMaxBatchRuns = 10'000'000;

/// The runs of one batch.
struct BatchPlan {
  std::vector<ScenarioVariant> variants;  ///< at least one
  int replications = 1;                   ///< per variant (per world with a design), >= 1
  /// Robust runs: each variant runs in every world of the design (scenario_in_world) without accounting
  /// and keeps its summary figures only. nullopt: one world, the scenarios as written.
  std::optional<WorldDesign> design;

  std::size_t world_count() const { return design ? design->values.size() : 1; }
  std::size_t runs_per_variant() const { return world_count() * static_cast<std::size_t>(replications); }
  std::size_t run_count() const { return variants.size() * runs_per_variant(); }
};

/// Where one run sits in its plan.
struct PlannedRun {
  std::size_t index = 0;
  std::size_t variant = 0;
  std::size_t world = 0;  ///< 0 without a design
  int replication = 0;
  std::uint64_t seed = 0;
};

/// Run `index` (< plan.run_count(), else std::out_of_range) of `plan`.
PlannedRun planned_run(const BatchPlan& plan, std::size_t index);

/// One line of `--list-runs` for run `index`: "17  warmup  world 3  replication 2  seed 123..." (the world
/// only with a design; the variant name column padded to the longest name).
std::string describe_planned_run(const BatchPlan& plan, std::size_t index);

/// "run 17 (warmup, world 3, replication 2)": run `index` as a message about it names it.
std::string planned_run_label(const BatchPlan& plan, std::size_t index);

/// Runs run `index` of `plan`; `options` may add a progress callback (its seed and, with a design, its
/// accounting are the plan's).
RunResult execute_planned_run(const BatchPlan& plan, std::size_t index, RunOptions options = {});

/// Runs the runs `indices` of `plan` on `threads` threads (run_in_parallel) and returns their results in
/// the order of `indices`, identical whatever `threads` is. A failing run is rethrown with "run N (...)"
/// in front of its message, so that the user knows which run to look at and to re-run.
std::vector<RunResult> run_planned(const BatchPlan& plan, std::span<const std::size_t> indices, int threads,
                                   const BatchProgressFn& on_progress = {});

/// 0, 1, ..., plan.run_count() - 1.
std::vector<std::size_t> all_runs(const BatchPlan& plan);

/// The results of every run, in run order, grouped by variant: [variant][world * replications + r].
std::vector<std::vector<RunResult>> results_by_variant(const BatchPlan& plan, std::vector<RunResult> results);

}  // namespace delivsim
