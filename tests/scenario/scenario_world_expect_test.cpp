// Expectations over worlds in scenario files: `expect:` routes share_of_worlds(...) and wins(...) to
// world_expectations with their positions, wins() must name the file's strategies, and `subject_to:` takes
// per-run conditions only; each problem is a ScenarioError at the string.
#include <gtest/gtest.h>

#include "tests/scenario_error_of.h"
#include "tests/small_batch_scenario.h"

#include "sim/scenario/scenario_batch.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

/// The small scenario with a one-day run (15 lines) followed by `lines`, which start on line 16.
std::string scenario_with(const std::string& lines) {
  return testing::small_scenario_with("duration: 1d\n" + lines);
}

/// Two strategies, `cold` and `warm` (lines 16 to 20), then `tail`.
std::string with_strategies(const std::string& tail, const std::string& warm_expect = "") {
  return scenario_with(
      "strategies:\n"
      "  - name: cold\n"
      "  - name: warm\n"
      "    set: {duration: 2d}\n" +
      warm_expect + tail);
}

ScenarioBatch parse(const std::string& text) {
  return parse_scenario_batch(text, "t.yaml");
}

/// The ScenarioError parsing `text` gives (a test failure when there is none).
ScenarioError error_of(const std::string& text) {
  return testing::batch_error_of(text);
}

TEST(ScenarioWorldExpectTest, RoutesWorldFormsBesideThePerRunOnesWithTheirPositions) {
  const ScenarioBatch batch =
      parse(with_strategies("expect:\n"
                            "  - totals.delivered > 0\n"
                            "  - share_of_worlds(providers.gmail.delivered_share > 0.9) >= 0.95\n"
                            "  - 'wins(warm, cold, totals.delivered_share) >= 0.9'\n"));
  ASSERT_EQ(batch.base.expectations.size(), 1u);
  EXPECT_EQ(batch.base.expectations[0].text, "totals.delivered > 0");
  ASSERT_EQ(batch.base.world_expectations.size(), 2u);
  const WorldExpectation& share = batch.base.world_expectations[0];
  EXPECT_EQ(share.kind, WorldExpectation::Kind::ShareOfWorlds);
  EXPECT_EQ(share.text, "share_of_worlds(providers.gmail.delivered_share > 0.9) >= 0.95");
  EXPECT_EQ(share.line, 22);
  EXPECT_EQ(share.column, 5);
  const WorldExpectation& wins = batch.base.world_expectations[1];
  EXPECT_EQ(wins.kind, WorldExpectation::Kind::Wins);
  EXPECT_EQ(wins.strategy, "warm");
  EXPECT_EQ(wins.line, 23);
  EXPECT_EQ(wins.column, 5);
  EXPECT_TRUE(batch.strategies[0].scenario.world_expectations.empty());
}

TEST(ScenarioWorldExpectTest, AStrategysListHasItsOwnWorldExpectations) {
  const ScenarioBatch batch = parse(with_strategies("",
                                                    "    expect:\n"
                                                    "      - share_of_worlds(totals.bounced == 0) == 1\n"
                                                    "      - wins(warm, cold, totals.max_queue) > 0.5\n"));
  EXPECT_TRUE(batch.base.world_expectations.empty());
  EXPECT_TRUE(batch.strategies[0].scenario.world_expectations.empty());
  const std::vector<WorldExpectation>& own = batch.strategies[1].scenario.world_expectations;
  ASSERT_EQ(own.size(), 2u);
  EXPECT_EQ(own[0].line, 21);
  EXPECT_EQ(own[1].figure, "max_queue");
  EXPECT_TRUE(batch.strategies[1].scenario.expectations.empty());
}

TEST(ScenarioWorldExpectTest, WinsMayNameAStrategyWrittenLater) {
  const ScenarioBatch batch =
      parse(scenario_with("strategies:\n"
                          "  - name: cold\n"
                          "    expect: ['wins(cold, warm, totals.bounced) >= 0']\n"
                          "  - name: warm\n"));
  EXPECT_EQ(batch.strategies[0].scenario.world_expectations.size(), 1u);
}

TEST(ScenarioWorldExpectTest, WinsNamingAnUnknownStrategyFailsAtTheStringWithAHint) {
  const ScenarioError base =
      error_of(with_strategies("expect:\n  - wins(warm, colt, totals.bounced) >= 0.5\n"));
  EXPECT_EQ(base.line, 21);
  EXPECT_EQ(base.column, 5);
  EXPECT_EQ(base.field, "expect[0]");
  EXPECT_EQ(base.problem, "'colt' is not a declared strategy");
  EXPECT_EQ(base.expected, "one of cold, warm");
  EXPECT_EQ(base.hint, "cold");
  const ScenarioError own = error_of(with_strategies(
      "", "    expect:\n      - totals.bounced >= 0\n      - wins(wram, cold, totals.bounced) > 0\n"));
  EXPECT_EQ(own.line, 22);
  EXPECT_EQ(own.field, "strategies[1].expect[1]");
  EXPECT_EQ(own.hint, "warm");
}

TEST(ScenarioWorldExpectTest, WinsInAFileWithoutStrategiesIsAnError) {
  const ScenarioError error = error_of(scenario_with("expect:\n  - wins(a, b, totals.bounced) >= 0.5\n"));
  EXPECT_EQ(error.line, 17);
  EXPECT_EQ(error.problem, "'a' is not a declared strategy");
  EXPECT_EQ(error.expected, "a declared strategy");
}

TEST(ScenarioWorldExpectTest, MalformedWorldExpectationFailsAtTheStringWithAHint) {
  const ScenarioError figure =
      error_of(with_strategies("expect:\n  - wins(warm, cold, totals.delivred_share) >= 0.5\n"));
  EXPECT_EQ(figure.line, 21);
  EXPECT_EQ(figure.field, "expect[0]");
  EXPECT_EQ(figure.problem, "unknown figure path 'totals.delivred_share'");
  EXPECT_EQ(figure.hint, "totals.delivered_share");
  const ScenarioError share =
      error_of(scenario_with("expect:\n  - share_of_worlds(totals.bounced == 0) >= 2\n"));
  EXPECT_EQ(share.line, 17);
  EXPECT_EQ(share.problem, "share '2' is not a number in [0, 1]");
}

TEST(ScenarioWorldExpectTest, ShareOfWorldsMustNameDeclaredThings) {
  const ScenarioError error =
      error_of(scenario_with("expect:\n  - share_of_worlds(providers.gmial.delivered > 0) >= 0.5\n"));
  EXPECT_EQ(error.line, 17);
  EXPECT_EQ(error.problem, "'gmial' is not a declared provider");
  EXPECT_EQ(error.hint, "gmail");
}

TEST(ScenarioWorldExpectTest, SubjectToTakesPerRunConditionsOnly) {
  const ScenarioError error =
      error_of(scenario_with("sweep:\n  - path: duration\n    values: [1d, 2d]\n"
                             "objective:\n  minimize: providers.gmail.time_to_drain_s\n"
                             "  subject_to: ['share_of_worlds(totals.bounced == 0) >= 0.5']\n"));
  EXPECT_EQ(error.line, 21);
  EXPECT_EQ(error.field, "objective.subject_to[0]");
  EXPECT_EQ(error.problem,
            "'share_of_worlds(totals.bounced == 0) >= 0.5' is an expectation over receiver worlds");
}

}  // namespace
}  // namespace delivsim
