#pragma once
/// @file Checking a file's expectations over receiver worlds (share_of_worlds, wins; see
/// sim/scenario/world_expectation.h) against what run_over_worlds and summarise_robust give, as CheckedFiles
/// for `delivsim check`'s report and JUnit XML and for `delivsim compare --robust`.
#include <span>
#include <string>
#include <vector>

#include "sim/batch/robust_compare.h"
#include "sim/check/check_report.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/world_expectation.h"

namespace delivsim {

/// `share_of_worlds(<condition>) <op> <share>` over `worlds` (one scenario's outcome per world, not empty):
/// the condition is checked in each world over the world's replications (evaluate_expectation) and the
/// share of worlds in which it passes is compared. Actual: "passes in 61 of 64 worlds", followed by
/// "; fails in world 7 (actual 0.87)" for the first failing world (1-based) when there is one.
ExpectationOutcome evaluate_share_of_worlds(const WorldExpectation& expectation,
                                            std::span<const WorldOutcome> worlds);

/// `wins(<strategy>, <rival>, <figure>) <op> <share>` over `strategies`' worlds: the share of worlds in
/// which the strategy's figure is strictly better than the rival's by the figure's Better direction (a
/// missing value is the worst: it never wins, and beats nothing but loses to any value). Actual: "wins in
/// 61 of 64 worlds". Throws std::invalid_argument when a named strategy is not in `strategies` or their
/// world counts differ.
ExpectationOutcome evaluate_wins(const WorldExpectation& expectation,
                                 std::span<const RobustStrategy> strategies);

/// Every expectation over worlds of `batch`, checked: a CheckedFile for the base's `expect:` list when it
/// has any, then one per strategy that has any, in order (path: the base scenario's source path; worlds:
/// the worlds' count). share_of_worlds uses `base_worlds` for the base's list and the strategy's own worlds
/// for a strategy's; wins() uses `strategies`. `base_worlds` may be empty when the base has no
/// share_of_worlds, `strategies` when no strategy has a world expectation and no wins() is written (see
/// world_runs_needed); otherwise throws std::invalid_argument.
std::vector<CheckedFile> check_world_expectations(const ScenarioBatch& batch, int replications,
                                                  std::span<const WorldOutcome> base_worlds,
                                                  std::span<const RobustStrategy> strategies);

/// Which scenarios of a file must be run over the worlds to check its expectations over worlds.
struct WorldRunsNeeded {
  bool base = false;        ///< the base has a share_of_worlds
  bool strategies = false;  ///< some strategy has a world expectation, or a wins() is written anywhere
};

/// What `batch`'s expectations over worlds need run.
WorldRunsNeeded world_runs_needed(const ScenarioBatch& batch);

/// The scenarios run_world_checks runs in every world when it has no compare's result: the base, then the
/// strategies, as world_runs_needed says (for checking work limits before anything runs).
std::vector<const Scenario*> world_check_scenarios(const ScenarioBatch& batch);

/// Runs over `design` what `batch`'s expectations over worlds need (world_runs_needed) on `threads` threads
/// and checks them with check_world_expectations: the base when its list has a share_of_worlds, and the
/// strategies unless `compared` already holds them (a compare --robust's result over the same design and
/// replications). Empty when the file has no expectation over worlds.
std::vector<CheckedFile> run_world_checks(const ScenarioBatch& batch, const WorldDesign& design,
                                          int replications, int threads,
                                          const RobustResult* compared = nullptr);

}  // namespace delivsim
