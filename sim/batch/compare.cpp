#include "sim/batch/compare.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "sim/batch/compare_runs.h"
#include "sim/check/expectation_evaluate.h"
#include "sim/stats/sample_statistics.h"

namespace delivsim {

namespace {

std::optional<FigureDifference> difference(const FigureStats& baseline, const FigureStats& other) {
  if (!baseline.mean || !other.mean) return std::nullopt;
  std::vector<double> baseline_values, other_values;
  for (std::size_t r = 0; r < baseline.values.size(); ++r) {
    baseline_values.push_back(*baseline.values[r]);
    other_values.push_back(*other.values[r]);
  }
  const PairedDifference paired = paired_difference(baseline_values, other_values);
  return FigureDifference{paired.mean, paired.ci95_low, paired.ci95_high};
}

std::vector<ReplyDeferrals> top_replies(const std::vector<RunResult>& replications) {
  std::map<std::string, double> totals;
  for (const RunResult& result : replications) {
    for (const ProviderResult& provider : result.providers) {
      for (const auto& [reply, count] : provider.deferrals_by_reply)
        totals[reply] += static_cast<double>(count);
    }
  }
  std::vector<ReplyDeferrals> replies;
  for (const auto& [reply, total] : totals) {
    replies.push_back({reply, total / static_cast<double>(replications.size())});
  }
  std::stable_sort(replies.begin(), replies.end(), [](const ReplyDeferrals& a, const ReplyDeferrals& b) {
    return a.mean_deferrals > b.mean_deferrals;
  });
  replies.resize(std::min(kCompareTopReplies, replies.size()));
  return replies;
}

std::vector<CheckedExpectation> check_expectations(const Scenario& scenario,
                                                   const std::vector<RunResult>& replications) {
  std::vector<CheckedExpectation> checks;
  for (const Expectation& expectation : scenario.expectations) {
    checks.push_back(
        {expectation, evaluate_expectation(expectation, std::span<const RunResult>(replications))});
  }
  return checks;
}

}  // namespace

CompareResult summarise_compare(const ScenarioBatch& batch, std::vector<std::vector<RunResult>> runs) {
  if (runs.size() != batch.strategies.size() || runs.empty() || runs.front().empty()) {
    throw std::invalid_argument("compare needs every strategy's replications");
  }
  CompareResult result;
  result.scenario = batch.base.name;
  result.start_date = batch.base.start_date;
  result.path = batch.base.source_path;
  result.seed = batch.base.seed;
  result.replications = static_cast<int>(runs.front().size());
  for (std::size_t s = 0; s < runs.size(); ++s) {
    const ScenarioVariant& strategy = batch.strategies[s];
    StrategyOutcome outcome{
        strategy.name, strategy.description, strategy.settings, std::move(runs[s]), {}, {}, {}, {}};
    outcome.figures = headline_stats(outcome.replications);
    if (s > 0) {
      const std::vector<FigureStats>& first = result.strategies.front().figures;
      for (std::size_t f = 0; f < first.size(); ++f) {
        outcome.differences.push_back(difference(first[f], outcome.figures[f]));
      }
    }
    outcome.top_replies = top_replies(outcome.replications);
    outcome.expectations = check_expectations(strategy.scenario, outcome.replications);
    result.strategies.push_back(std::move(outcome));
  }
  const auto figures = headline_figures();
  for (std::size_t f = 0; f < figures.size(); ++f) {
    std::vector<std::optional<double>> means;
    for (const StrategyOutcome& strategy : result.strategies) means.push_back(strategy.figures[f].mean);
    result.best.push_back(best_index(means, figures[f].better));
  }
  return result;
}

CompareResult run_compare(const ScenarioBatch& batch, const CompareOptions& options,
                          const BatchProgressFn& on_progress) {
  if (batch.strategies.empty()) throw std::invalid_argument("the scenario has no strategies to compare");
  const int replications = options.replications.value_or(batch.base.replications);
  return summarise_compare(batch, run_variants(batch.strategies, replications, options.threads, on_progress));
}

int failed_expectations(const CompareResult& result) {
  int failed = 0;
  for (const StrategyOutcome& strategy : result.strategies) {
    for (const CheckedExpectation& check : strategy.expectations) failed += check.outcome.passed ? 0 : 1;
  }
  return failed;
}

}  // namespace delivsim
