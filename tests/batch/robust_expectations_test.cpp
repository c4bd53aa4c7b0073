// Expectations over worlds checked against hand-built world outcomes: share_of_worlds counts the worlds
// whose replications pass, wins() counts strict wins by the figure's direction (a missing value is the
// worst), and a file's lists become CheckedFiles for the base and each strategy.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/batch/robust_expectations.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim {
namespace {

constexpr std::size_t kDeliveredShare = 0;  ///< headline_figures() index
constexpr std::size_t kMaxQueue = 2;        ///< headline_figures() index (lower is better)
constexpr std::size_t kFigureCount = 8;

/// A world outcome whose replications delivered `delivered[r]` of 100 and whose headline figures are all
/// missing except `figure` = `value`.
WorldOutcome world(std::vector<std::int64_t> delivered, std::size_t figure = 0,
                   std::optional<double> value = std::nullopt) {
  WorldOutcome outcome;
  for (const std::int64_t count : delivered) {
    RunResult run;
    run.totals.injected = 100;
    run.totals.delivered = count;
    outcome.runs.push_back(run);
  }
  outcome.figures.assign(kFigureCount, std::nullopt);
  outcome.figures[figure] = value;
  return outcome;
}

WorldExpectation parsed(const std::string& text) {
  WorldExpectation expectation = parse_world_expectation(text);
  expectation.text = text;
  return expectation;
}

/// A strategy whose figure `figure` is `values[w]` in world w.
RobustStrategy strategy(const std::string& name, std::size_t figure,
                        std::vector<std::optional<double>> values) {
  RobustStrategy result;
  result.name = name;
  for (const std::optional<double>& value : values) result.worlds.push_back(world({50}, figure, value));
  return result;
}

TEST(RobustExpectationsTest, ShareOfWorldsCountsTheWorldsWhereTheConditionPasses) {
  const std::vector<WorldOutcome> worlds = {world({95}), world({80}), world({99}), world({91})};
  const ExpectationOutcome three =
      evaluate_share_of_worlds(parsed("share_of_worlds(totals.delivered > 90) >= 0.75"), worlds);
  EXPECT_TRUE(three.passed);
  EXPECT_EQ(three.actual, "passes in 3 of 4 worlds; fails in world 2 (actual 80)");
  EXPECT_FALSE(
      evaluate_share_of_worlds(parsed("share_of_worlds(totals.delivered > 90) > 0.75"), worlds).passed);
  const ExpectationOutcome all =
      evaluate_share_of_worlds(parsed("share_of_worlds(totals.delivered > 50) == 1"), worlds);
  EXPECT_TRUE(all.passed);
  EXPECT_EQ(all.actual, "passes in 4 of 4 worlds");
}

TEST(RobustExpectationsTest, ShareOfWorldsJudgesEachWorldOverItsReplications) {
  // World 1 passes in one replication only; world 2 in both. The mean of world 1 is 90, of world 2 is 96.
  const std::vector<WorldOutcome> worlds = {world({95, 85}), world({97, 95})};
  EXPECT_EQ(evaluate_share_of_worlds(parsed("share_of_worlds(totals.delivered > 90) == 0.5"), worlds).actual,
            "passes in 1 of 2 worlds; fails in world 1 (actual 85 in replication 2)");
  EXPECT_TRUE(
      evaluate_share_of_worlds(parsed("share_of_worlds(mean(totals.delivered) >= 90) == 1"), worlds).passed);
}

TEST(RobustExpectationsTest, WinsCountsStrictWinsByTheFiguresDirection) {
  const std::vector<RobustStrategy> higher = {strategy("base", kDeliveredShare, {0.5, 0.5, 0.5, 0.5}),
                                              strategy("warm", kDeliveredShare, {0.6, 0.5, 0.4, 0.9})};
  const ExpectationOutcome outcome =
      evaluate_wins(parsed("wins(warm, base, totals.delivered_share) >= 0.5"), higher);
  EXPECT_TRUE(outcome.passed);
  EXPECT_EQ(outcome.actual, "wins in 2 of 4 worlds");
  EXPECT_EQ(evaluate_wins(parsed("wins(base, warm, totals.delivered_share) > 0"), higher).actual,
            "wins in 1 of 4 worlds");
  const std::vector<RobustStrategy> lower = {strategy("base", kMaxQueue, {100, 100, 100}),
                                             strategy("warm", kMaxQueue, {50, 150, 100})};
  EXPECT_EQ(evaluate_wins(parsed("wins(warm, base, totals.max_queue) > 0"), lower).actual,
            "wins in 1 of 3 worlds");
}

TEST(RobustExpectationsTest, AStrategyIdenticalToItsRivalNeverWins) {
  const std::vector<RobustStrategy> same = {strategy("a", kDeliveredShare, {0.1, 0.7, std::nullopt}),
                                            strategy("b", kDeliveredShare, {0.1, 0.7, std::nullopt})};
  const ExpectationOutcome outcome = evaluate_wins(parsed("wins(b, a, totals.delivered_share) == 0"), same);
  EXPECT_TRUE(outcome.passed);
  EXPECT_EQ(outcome.actual, "wins in 0 of 3 worlds");
}

TEST(RobustExpectationsTest, AMissingValueIsTheWorst) {
  const std::vector<RobustStrategy> strategies = {
      strategy("a", kMaxQueue, {std::nullopt, 5, std::nullopt}),
      strategy("b", kMaxQueue, {1e9, std::nullopt, std::nullopt})};
  EXPECT_EQ(evaluate_wins(parsed("wins(b, a, totals.max_queue) > 0"), strategies).actual,
            "wins in 1 of 3 worlds");
  EXPECT_EQ(evaluate_wins(parsed("wins(a, b, totals.max_queue) > 0"), strategies).actual,
            "wins in 1 of 3 worlds");
}

TEST(RobustExpectationsTest, WinsNamingAStrategyThatWasNotRunThrows) {
  const std::vector<RobustStrategy> strategies = {strategy("a", kMaxQueue, {1})};
  EXPECT_THROW(evaluate_wins(parsed("wins(a, b, totals.max_queue) > 0"), strategies), std::invalid_argument);
}

/// A file with strategies `cold` and `warm`; the base's list and warm's list are given.
ScenarioBatch batch_with(const std::string& base_expect, const std::string& warm_expect) {
  return parse_scenario_batch(
      "name: t\n"
      "identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}\n"
      "pools: {main: [192.0.2.1]}\n"
      "traffic: [{name: news, pool: main, dkim_domain: example.com, campaign: "
      "{recipients: 100}}]\n"
      "expect: " +
          base_expect +
          "\n"
          "strategies:\n"
          "  - name: cold\n"
          "  - name: warm\n"
          "    expect: " +
          warm_expect + "\n",
      "t.yaml");
}

TEST(RobustExpectationsTest, SaysWhichRunsTheFileNeeds) {
  const WorldRunsNeeded none = world_runs_needed(batch_with("['totals.delivered > 0']", "[]"));
  EXPECT_FALSE(none.base);
  EXPECT_FALSE(none.strategies);
  const WorldRunsNeeded base =
      world_runs_needed(batch_with("['share_of_worlds(totals.delivered > 0) == 1']", "[]"));
  EXPECT_TRUE(base.base);
  EXPECT_FALSE(base.strategies);
  const WorldRunsNeeded wins =
      world_runs_needed(batch_with("['wins(warm, cold, totals.bounced) > 0']", "[]"));
  EXPECT_FALSE(wins.base);
  EXPECT_TRUE(wins.strategies);
  const WorldRunsNeeded own =
      world_runs_needed(batch_with("[]", "['share_of_worlds(totals.delivered > 0) == 1']"));
  EXPECT_FALSE(own.base);
  EXPECT_TRUE(own.strategies);
}

TEST(RobustExpectationsTest, ChecksEachListAgainstItsOwnWorldsAsCheckedFiles) {
  const ScenarioBatch batch = batch_with(
      "['share_of_worlds(totals.delivered > 90) == 1', 'wins(warm, cold, totals.delivered_share) == 1']",
      "['share_of_worlds(totals.delivered > 90) == 1']");
  const std::vector<WorldOutcome> base = {world({95}), world({96})};
  std::vector<RobustStrategy> strategies = {strategy("cold", kDeliveredShare, {0.4, 0.5}),
                                            strategy("warm", kDeliveredShare, {0.6, 0.7})};
  strategies[1].worlds[1].runs[0].totals.delivered = 91;
  const std::vector<CheckedFile> files = check_world_expectations(batch, 3, base, strategies);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, "t.yaml");
  EXPECT_EQ(files[0].scenario, "t");
  EXPECT_EQ(files[0].strategy, "");
  EXPECT_EQ(files[0].worlds, 2);
  EXPECT_EQ(files[0].replications, 3);
  ASSERT_EQ(files[0].checks.size(), 2u);
  EXPECT_EQ(files[0].checks[0].expectation.text, "share_of_worlds(totals.delivered > 90) == 1");
  EXPECT_EQ(files[0].checks[0].expectation.line, 5);
  EXPECT_EQ(files[0].checks[0].outcome.actual, "passes in 2 of 2 worlds");
  EXPECT_TRUE(files[0].checks[1].outcome.passed);
  EXPECT_EQ(files[1].strategy, "warm");
  ASSERT_EQ(files[1].checks.size(), 1u);
  EXPECT_EQ(files[1].checks[0].outcome.actual, "passes in 1 of 2 worlds; fails in world 1 (actual 50)");
  EXPECT_FALSE(files[1].checks[0].outcome.passed);
}

TEST(RobustExpectationsTest, AShareOfWorldsWithoutItsRunsThrows) {
  const ScenarioBatch batch = batch_with("['share_of_worlds(totals.delivered > 90) == 1']", "[]");
  EXPECT_THROW(check_world_expectations(batch, 1, {}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
