#include "sim/batch/robust_expectations.h"

#include <algorithm>
#include <stdexcept>

#include "sim/check/expectation_evaluate.h"
#include "sim/output/headline.h"

namespace delivsim {

namespace {

std::string of_worlds(std::size_t count, std::size_t worlds) {
  return std::to_string(count) + " of " + std::to_string(worlds) + " worlds";
}

bool share_passes(const WorldExpectation& expectation, std::size_t count, std::size_t worlds) {
  return compare_values(static_cast<double>(count) / static_cast<double>(worlds), expectation.op,
                        expectation.share);
}

const RobustStrategy& strategy_named(std::span<const RobustStrategy> strategies, const std::string& name) {
  const auto found =
      std::find_if(strategies.begin(), strategies.end(), [&](const auto& s) { return s.name == name; });
  if (found == strategies.end()) throw std::invalid_argument("wins(): no strategy '" + name + "' was run");
  return *found;
}

std::size_t headline_index(const std::string& key) {
  const std::optional<std::size_t> index = headline_figure_index(key);
  if (!index) throw std::invalid_argument("wins(): '" + key + "' is not a headline figure");
  return *index;
}

/// The checked line of `expectation` in a report: its text and position, with `outcome`.
CheckedExpectation checked(const WorldExpectation& expectation, ExpectationOutcome outcome) {
  Expectation written;
  written.text = expectation.text;
  written.line = expectation.line;
  written.column = expectation.column;
  return {std::move(written), std::move(outcome)};
}

/// The expectations of one `expect:` list: share_of_worlds over `own`, wins() over `strategies`.
std::vector<CheckedExpectation> check_list(const std::vector<WorldExpectation>& expectations,
                                           std::span<const WorldOutcome> own,
                                           std::span<const RobustStrategy> strategies) {
  std::vector<CheckedExpectation> checks;
  for (const WorldExpectation& expectation : expectations) {
    if (expectation.kind == WorldExpectation::Kind::Wins) {
      checks.push_back(checked(expectation, evaluate_wins(expectation, strategies)));
    } else {
      if (own.empty()) throw std::invalid_argument("share_of_worlds(): the scenario was not run over worlds");
      checks.push_back(checked(expectation, evaluate_share_of_worlds(expectation, own)));
    }
  }
  return checks;
}

bool has_share_of_worlds(const Scenario& scenario) {
  return std::any_of(scenario.world_expectations.begin(), scenario.world_expectations.end(),
                     [](const auto& e) { return e.kind == WorldExpectation::Kind::ShareOfWorlds; });
}

bool has_wins(const Scenario& scenario) {
  return std::any_of(scenario.world_expectations.begin(), scenario.world_expectations.end(),
                     [](const auto& e) { return e.kind == WorldExpectation::Kind::Wins; });
}

}  // namespace

ExpectationOutcome evaluate_share_of_worlds(const WorldExpectation& expectation,
                                            std::span<const WorldOutcome> worlds) {
  std::size_t passed = 0;
  std::string first_failure;
  for (std::size_t w = 0; w < worlds.size(); ++w) {
    const ExpectationOutcome outcome = evaluate_expectation(expectation.condition, worlds[w].runs);
    if (outcome.passed) {
      ++passed;
    } else if (first_failure.empty()) {
      first_failure = "; fails in world " + std::to_string(w + 1) + " (actual " + outcome.actual + ")";
    }
  }
  return {"passes in " + of_worlds(passed, worlds.size()) + first_failure,
          share_passes(expectation, passed, worlds.size())};
}

ExpectationOutcome evaluate_wins(const WorldExpectation& expectation,
                                 std::span<const RobustStrategy> strategies) {
  const RobustStrategy& strategy = strategy_named(strategies, expectation.strategy);
  const RobustStrategy& rival = strategy_named(strategies, expectation.rival);
  if (strategy.worlds.size() != rival.worlds.size() || strategy.worlds.empty()) {
    throw std::invalid_argument("wins(): the strategies were not run over the same worlds");
  }
  const std::size_t f = headline_index(expectation.figure);
  const Better better = headline_figures()[f].better;
  std::size_t wins = 0;
  for (std::size_t w = 0; w < strategy.worlds.size(); ++w) {
    if (strictly_better(strategy.worlds[w].figures.at(f), rival.worlds[w].figures.at(f), better)) ++wins;
  }
  return {"wins in " + of_worlds(wins, strategy.worlds.size()),
          share_passes(expectation, wins, strategy.worlds.size())};
}

std::vector<CheckedFile> check_world_expectations(const ScenarioBatch& batch, int replications,
                                                  std::span<const WorldOutcome> base_worlds,
                                                  std::span<const RobustStrategy> strategies) {
  const std::size_t worlds = strategies.empty() ? base_worlds.size() : strategies.front().worlds.size();
  std::vector<CheckedFile> files;
  const auto add = [&](const Scenario& scenario, const std::string& strategy,
                       std::span<const WorldOutcome> own) {
    if (scenario.world_expectations.empty()) return;
    files.push_back({batch.base.source_path, batch.base.name,
                     check_list(scenario.world_expectations, own, strategies), strategy, replications,
                     static_cast<int>(worlds)});
  };
  add(batch.base, "", base_worlds);
  for (std::size_t s = 0; s < batch.strategies.size(); ++s) {
    const ScenarioVariant& variant = batch.strategies[s];
    add(variant.scenario, variant.name,
        strategies.empty() ? std::span<const WorldOutcome>{}
                           : strategy_named(strategies, variant.name).worlds);
  }
  return files;
}

WorldRunsNeeded world_runs_needed(const ScenarioBatch& batch) {
  WorldRunsNeeded needed;
  needed.base = has_share_of_worlds(batch.base);
  needed.strategies = has_wins(batch.base) ||
                      std::any_of(batch.strategies.begin(), batch.strategies.end(),
                                  [](const auto& s) { return !s.scenario.world_expectations.empty(); });
  return needed;
}

std::vector<const Scenario*> world_check_scenarios(const ScenarioBatch& batch) {
  const WorldRunsNeeded needed = world_runs_needed(batch);
  std::vector<const Scenario*> scenarios;
  if (needed.base) scenarios.push_back(&batch.base);
  if (needed.strategies) {
    for (const ScenarioVariant& strategy : batch.strategies) scenarios.push_back(&strategy.scenario);
  }
  return scenarios;
}

std::vector<CheckedFile> run_world_checks(const ScenarioBatch& batch, const WorldDesign& design,
                                          int replications, int threads, const RobustResult* compared) {
  const WorldRunsNeeded needed = world_runs_needed(batch);
  std::vector<ScenarioVariant> variants;
  if (needed.base) variants.push_back({batch.base.name, "", {}, batch.base});
  const bool run_strategies = needed.strategies && compared == nullptr;
  if (run_strategies) variants.insert(variants.end(), batch.strategies.begin(), batch.strategies.end());
  std::vector<std::vector<WorldOutcome>> outcomes;
  if (!variants.empty()) outcomes = run_over_worlds(variants, design, replications, threads);
  std::vector<WorldOutcome> base_worlds;
  if (needed.base) {
    base_worlds = std::move(outcomes.front());
    outcomes.erase(outcomes.begin());
  }
  std::vector<RobustStrategy> strategies;
  if (run_strategies) {
    strategies = summarise_robust(batch, design, replications, std::move(outcomes)).strategies;
  } else if (needed.strategies) {
    strategies = compared->strategies;
  }
  if (!needed.base && !needed.strategies) return {};
  return check_world_expectations(batch, replications, base_worlds, strategies);
}

}  // namespace delivsim
