#pragma once
/// @file `delivsim compare`: a scenario's strategies run side by side with common random numbers, each
/// headline figure summarised per strategy, differenced against the first strategy and the best marked.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/batch/compare_figures.h"
#include "sim/batch/parallel_runs.h"
#include "sim/check/check_report.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim {

/// How a comparison runs.
struct CompareOptions {
  std::optional<int> replications;  ///< default: the file's `replications`
  int threads = 0;                  ///< 0: the machine's core count (see resolve_thread_count)
};

/// A strategy's mean paired difference from the first strategy in one headline figure.
struct FigureDifference {
  double mean = 0;
  std::optional<double> ci95_low, ci95_high;  ///< the 95% confidence interval; absent with one replication
};

/// A reply and how many deferrals it caused per replication, on average, over all providers.
struct ReplyDeferrals {
  std::string reply;  ///< e.g. "421 4.7.28"
  double mean_deferrals = 0;
};

/// One strategy's runs and figures.
struct StrategyOutcome {
  std::string name;
  std::string description;                                    ///< its `description:`; may be empty
  std::vector<std::pair<std::string, std::string>> settings;  ///< its `set:` overrides, in order
  std::vector<RunResult> replications;  ///< replication r ran with the same seed for all
  std::vector<FigureStats> figures;     ///< in headline_figures() order
  /// In headline_figures() order, the paired difference from the first strategy; nullopt where a value is
  /// missing in either. Empty for the first strategy itself.
  std::vector<std::optional<FigureDifference>> differences;
  std::vector<ReplyDeferrals> top_replies;  ///< the kCompareTopReplies commonest, most first (ties: by reply)
  std::vector<CheckedExpectation> expectations;  ///< its `expect:` list over its replications
};

/// How many deferral replies each strategy lists.
inline constexpr std::size_t kCompareTopReplies = 3;

/// A finished comparison.
struct CompareResult {
  std::string scenario;    ///< the scenario's name
  std::string path;        ///< the scenario file, for expectation reports
  std::string start_date;  ///< the scenario's start_date (ISO 8601 UTC), for calendar times of its series
  std::uint64_t seed =
      0;  ///< the file's seed; replication r of every strategy uses replication_seed(seed, r)
  int replications = 1;
  std::vector<StrategyOutcome> strategies;  ///< in the order written
  /// Per headline figure, the index of the strategy with the best mean (by the figure's Better direction;
  /// ties: the first); nullopt when no strategy has a mean.
  std::vector<std::optional<std::size_t>> best;
};

/// Summarises `runs` ([strategy][replication], as run_variants returns them for batch.strategies).
CompareResult summarise_compare(const ScenarioBatch& batch, std::vector<std::vector<RunResult>> runs);

/// Runs every strategy of `batch` (which must have some; else std::invalid_argument) for the replications
/// asked, all in one pool, and summarises them. Identical whatever `options.threads` is.
CompareResult run_compare(const ScenarioBatch& batch, const CompareOptions& options,
                          const BatchProgressFn& on_progress = {});

/// How many expectations of all strategies failed.
int failed_expectations(const CompareResult& result);

}  // namespace delivsim
