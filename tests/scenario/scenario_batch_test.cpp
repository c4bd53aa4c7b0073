// Scenario files with batch keys: `replications`, `strategies`, `sweep` and `objective` parse into their
// variants, and a bad override, sweep value or objective fails at its own line and column.
#include <gtest/gtest.h>

#include "tests/scenario_error_of.h"
#include "tests/small_batch_scenario.h"

#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

/// The small scenario (14 lines) followed by `batch_lines`, which start on line 15.
std::string scenario_with(const std::string& batch_lines) {
  return testing::small_scenario_with(batch_lines);
}

ScenarioBatch parse(const std::string& batch_lines) {
  return parse_scenario_batch(scenario_with(batch_lines), "t.yaml");
}

/// The ScenarioError parsing `batch_lines` gives (a test failure when there is none).
ScenarioError error_of(const std::string& batch_lines) {
  return testing::batch_error_of(scenario_with(batch_lines));
}

using Settings = std::vector<std::pair<std::string, std::string>>;

TEST(ScenarioBatchTest, WithoutBatchKeysTheBatchIsTheScenario) {
  const ScenarioBatch batch = parse("");
  EXPECT_EQ(batch.base.name, "t");
  EXPECT_EQ(batch.base.replications, 1);
  EXPECT_TRUE(batch.strategies.empty());
  EXPECT_TRUE(batch.sweep_axes.empty());
  EXPECT_TRUE(batch.sweep_points.empty());
  EXPECT_FALSE(batch.objective.has_value());
}

TEST(ScenarioBatchTest, ReplicationsKey) {
  EXPECT_EQ(parse("replications: 8\n").base.replications, 8);
  EXPECT_EQ(parse("replications: 10000\n").base.replications, 10000);
  const ScenarioError zero = error_of("replications: 0\n");
  EXPECT_EQ(zero.line, 15);
  EXPECT_EQ(zero.column, 15);
  EXPECT_EQ(zero.field, "replications");
  EXPECT_NE(std::string(zero.what()).find("'0' is zero"), std::string::npos) << zero.what();
  EXPECT_NE(std::string(error_of("replications: 10001\n").what()).find("too large"), std::string::npos);
  EXPECT_EQ(error_of("replicatoins: 3\n").hint, "replications");
}

TEST(ScenarioBatchTest, StrategiesApplyTheirSettingsAndKeepTheBaseUnchanged) {
  const ScenarioBatch batch = parse(
      "expect:\n"
      "  - providers.gmail.delivered > 0\n"
      "strategies:\n"
      "  - name: slow\n"
      "    description: two connections\n"
      "    set:\n"
      "      sender.destinations.gmail.max_smtp_out: 2\n"
      "      sender.defaults.retry.list: [15m, 1h]\n"
      "      'traffic[0].domains.\"googlemail.com\"': 1\n"
      "    expect:\n"
      "      - p95(providers.gmail.time_to_drain_s) < 86400\n"
      "  - name: same\n");
  EXPECT_EQ(batch.base.policy_for("gmail").max_smtp_out, 5);
  ASSERT_EQ(batch.base.expectations.size(), 1u);
  ASSERT_EQ(batch.strategies.size(), 2u);
  const ScenarioVariant& slow = batch.strategies[0];
  EXPECT_EQ(slow.name, "slow");
  EXPECT_EQ(slow.description, "two connections");
  EXPECT_EQ(slow.settings, (Settings{{"sender.destinations.gmail.max_smtp_out", "2"},
                                     {"sender.defaults.retry.list", "[15m, 1h]"},
                                     {"traffic[0].domains.\"googlemail.com\"", "1"}}));
  EXPECT_EQ(slow.scenario.policy_for("gmail").max_smtp_out, 2);
  EXPECT_EQ(slow.scenario.sender_defaults.retry.offsets.size(), 2u);
  EXPECT_EQ(slow.scenario.traffic[0].domain_mix,
            (std::vector<std::pair<std::string, double>>{{"googlemail.com", 1.0}}));
  ASSERT_EQ(slow.scenario.expectations.size(), 1u);  // its own list only, not the base's
  EXPECT_EQ(slow.scenario.expectations[0].statistic, Statistic::P95);
  EXPECT_EQ(slow.scenario.expectations[0].line, 25);
  EXPECT_EQ(slow.scenario.expectations[0].column, 9);
  const ScenarioVariant& same = batch.strategies[1];
  EXPECT_TRUE(same.settings.empty());
  EXPECT_TRUE(same.scenario.expectations.empty());
  EXPECT_EQ(same.scenario.policy_for("gmail").max_smtp_out, 5);
}

TEST(ScenarioBatchTest, SetOverridesApplyBeforeTheStrategies) {
  const ScenarioBatch batch = parse_scenario_batch(
      scenario_with("strategies:\n  - name: a\n    set: {seed: 3}\n"), "t.yaml", {"duration=2d", "seed=9"});
  EXPECT_EQ(batch.base.seed, 9u);
  EXPECT_EQ(batch.strategies[0].scenario.seed, 3u);
  EXPECT_EQ(batch.strategies[0].scenario.duration, std::chrono::hours(48));
}

TEST(ScenarioBatchTest, MisspeltStrategyPathFailsAtTheOverrideWithAHint) {
  const ScenarioError error =
      error_of("strategies:\n  - name: fast\n    set: {sender.destinatons.gmail.max_smtp_out: 5}\n");
  EXPECT_EQ(error.file, "t.yaml");
  EXPECT_EQ(error.line, 17);
  EXPECT_EQ(error.column, 18);  // the 'd' of destinatons
  EXPECT_EQ(error.field, "sender.destinatons");
  EXPECT_EQ(error.hint, "destinations");
  EXPECT_NE(std::string(error.what()).find("unknown key 'destinatons'"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("(in strategy 'fast')"), std::string::npos) << error.what();
}

/// A strategy setting or a sweep axis path naming a key that applies to the whole file.
class NotSettableKeyTest : public ::testing::TestWithParam<std::string> {};

// These were applied to the variant's tree and then ignored without a word.
TEST_P(NotSettableKeyTest, StrategySettingFailsAtItsPath) {
  const ScenarioError error = error_of("strategies:\n  - name: a\n    set:\n      " + GetParam() + ": 3\n");
  EXPECT_EQ(error.line, 18) << error.what();
  EXPECT_EQ(error.column, 7) << error.what();
  EXPECT_EQ(error.field, GetParam());
  EXPECT_NE(std::string(error.what())
                .find("sets '" + GetParam().substr(0, GetParam().find('.')) +
                      "', which a strategy or a sweep point cannot change"),
            std::string::npos)
      << error.what();
  EXPECT_NE(std::string(error.what()).find("(in strategy 'a')"), std::string::npos) << error.what();
}

TEST_P(NotSettableKeyTest, SweepAxisFailsAtItsPath) {
  const ScenarioError error = error_of("sweep:\n  - path: " + GetParam() + "\n    values: [1, 2]\n");
  EXPECT_EQ(error.line, 16) << error.what();
  EXPECT_EQ(error.column, 11) << error.what();
  EXPECT_EQ(error.field, GetParam());
  EXPECT_NE(std::string(error.what()).find("cannot change"), std::string::npos) << error.what();
}

INSTANTIATE_TEST_SUITE_P(BatchKeys, NotSettableKeyTest,
                         ::testing::Values("sweep", "strategies", "objective", "replications", "expect",
                                           "uncertainty.worlds", "sweep.path"));

TEST(ScenarioBatchTest, QuotedStrategyPathFailsInsideThePath) {
  const ScenarioError error =
      error_of("strategies:\n  - name: fast\n    set: {'sender.destinatons.gmail.max_smtp_out': 5}\n");
  EXPECT_EQ(error.column, 19);  // the 'd' of destinatons, after the quote
  EXPECT_EQ(error.hint, "destinations");
}

TEST(ScenarioBatchTest, BadStrategyValueFailsAtTheValue) {
  const ScenarioError error =
      error_of("strategies:\n  - name: fast\n    set:\n      sender.destinations.gmail.max_smtp_out: many\n");
  EXPECT_EQ(error.line, 18);
  EXPECT_EQ(error.column, 47);
  EXPECT_EQ(error.field, "sender.destinations.gmail.max_smtp_out");
  EXPECT_NE(std::string(error.what()).find("'many' is not a whole number"), std::string::npos)
      << error.what();
}

TEST(ScenarioBatchTest, StrategyNamesArePlainAndUnique) {
  const ScenarioError twice = error_of("strategies:\n  - name: a\n  - name: a\n");
  EXPECT_EQ(twice.line, 17);
  EXPECT_EQ(twice.field, "strategies[1].name");
  EXPECT_NE(std::string(twice.what()).find("already the name of strategies[0]"), std::string::npos);
  EXPECT_NE(std::string(error_of("strategies:\n  - name: a/b\n").what()).find("not a plain name"),
            std::string::npos);
  EXPECT_EQ(error_of("strategies:\n  - set: {seed: 2}\n").field, "strategies[0].name");
  EXPECT_EQ(error_of("strategies:\n  - name: a\n    sett: {}\n").hint, "set");
}

TEST(ScenarioBatchTest, StrategyExpectationsAreCheckedAgainstTheStrategy) {
  const ScenarioError error =
      error_of("strategies:\n  - name: a\n    expect: [providers.gmial.delivered > 0]\n");
  EXPECT_EQ(error.line, 17);
  EXPECT_EQ(error.column, 14);
  EXPECT_EQ(error.field, "strategies[0].expect[0]");
}

TEST(ScenarioBatchTest, SweepPointsAreTheProductFirstAxisSlowest) {
  const ScenarioBatch batch = parse(
      "sweep:\n"
      "  - path: sender.destinations.gmail.max_smtp_out\n"
      "    values: [1, 2, 3]\n"
      "  - path: sender.destinations.gmail.retry_after\n"
      "    range: {from: 15m, to: 1h, step: 15m}\n");
  ASSERT_EQ(batch.sweep_axes.size(), 2u);
  EXPECT_EQ(batch.sweep_axes[0].values, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(batch.sweep_axes[1].values, (std::vector<std::string>{"15m", "30m", "45m", "1h"}));
  ASSERT_EQ(batch.sweep_points.size(), 12u);
  EXPECT_EQ(batch.sweep_points[0].name, "point-001");
  EXPECT_EQ(batch.sweep_points[11].name, "point-012");
  EXPECT_EQ(batch.sweep_points[1].settings, (Settings{{"sender.destinations.gmail.max_smtp_out", "1"},
                                                      {"sender.destinations.gmail.retry_after", "30m"}}));
  EXPECT_EQ(batch.sweep_points[4].settings, (Settings{{"sender.destinations.gmail.max_smtp_out", "2"},
                                                      {"sender.destinations.gmail.retry_after", "15m"}}));
  const DestinationPolicy& last = batch.sweep_points[11].scenario.policy_for("gmail");
  EXPECT_EQ(last.max_smtp_out, 3);
  EXPECT_EQ(last.retry.interval, std::chrono::hours(1));
  EXPECT_EQ(batch.base.policy_for("gmail").max_smtp_out, 5);
  EXPECT_TRUE(batch.sweep_points[0].scenario.expectations.empty());
}

TEST(ScenarioBatchTest, PointNamesWidenPastNineHundredNinetyNine) {
  const ScenarioBatch batch = parse("sweep:\n  - path: seed\n    range: {from: 1, to: 1000, step: 1}\n");
  ASSERT_EQ(batch.sweep_points.size(), 1000u);
  EXPECT_EQ(batch.sweep_points[0].name, "point-0001");
  EXPECT_EQ(batch.sweep_points[999].name, "point-1000");
  EXPECT_EQ(batch.sweep_points[999].scenario.seed, 1000u);
}

/// The values the one axis of `range` expands to.
std::vector<std::string> range_values(const std::string& path, const std::string& range) {
  return parse("sweep:\n  - path: " + path + "\n    range: " + range + "\n").sweep_axes.at(0).values;
}

TEST(ScenarioBatchTest, RangesIncludeTheEndWhenAStepLandsOnIt) {
  using Values = std::vector<std::string>;
  EXPECT_EQ(range_values("seed", "{from: 1, to: 10, step: 4}"), (Values{"1", "5", "9"}));
  EXPECT_EQ(range_values("seed", "{from: 2, to: 2, step: 1}"), (Values{"2"}));
  EXPECT_EQ(range_values("traffic[0].list.unknown_user_share", "{from: 0.1, to: 0.3, step: 0.1}"),
            (Values{"0.1", "0.2", "0.3"}));
  EXPECT_EQ(range_values("duration", "{from: 30m, to: 2h, step: 1h}"), (Values{"30m", "1h30m"}));
  EXPECT_EQ(range_values("duration", "{from: 1d, to: 2d, step: 12h}"), (Values{"1d", "1d12h", "2d"}));
  EXPECT_EQ(range_values("traffic[0].campaign.at", "{from: 0, to: 2h, step: 1h}"), (Values{"0", "1h", "2h"}))
      << "0 is a duration too";
}

TEST(ScenarioBatchTest, BadRangesFailAtTheBound) {
  const ScenarioError backwards = error_of("sweep:\n  - path: seed\n    range: {from: 5, to: 1, step: 1}\n");
  EXPECT_EQ(backwards.field, "sweep[0].range.to");
  EXPECT_EQ(backwards.line, 17);
  EXPECT_EQ(backwards.column, 26);
  EXPECT_EQ(error_of("sweep:\n  - path: seed\n    range: {from: 1, to: 5, step: 0}\n").field,
            "sweep[0].range.step");
  const ScenarioError mixed =
      error_of("sweep:\n  - path: duration\n    range: {from: 1, to: 2h, step: 1h}\n");
  EXPECT_EQ(mixed.field, "sweep[0].range.from");
  EXPECT_NE(std::string(mixed.what()).find("is a number but another bound is a duration"), std::string::npos)
      << mixed.what();
  EXPECT_EQ(error_of("sweep:\n  - path: seed\n    range: {from: 1, to: 5}\n").field, "sweep[0].range.step");
}

TEST(ScenarioBatchTest, BadSweepValueFailsAtTheValue) {
  const ScenarioError error =
      error_of("sweep:\n  - path: sender.destinations.gmail.max_smtp_out\n    values: [1, 0, 3]\n");
  EXPECT_EQ(error.line, 17);
  EXPECT_EQ(error.column, 17);
  EXPECT_EQ(error.field, "sender.destinations.gmail.max_smtp_out");
  EXPECT_NE(std::string(error.what()).find("'0' is zero"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("sweep point point-002"), std::string::npos) << error.what();
}

TEST(ScenarioBatchTest, BadGeneratedValueFailsAtTheRangeSayingWhichValue) {
  const ScenarioError error = error_of(
      "sweep:\n  - path: sender.destinations.gmail.max_smtp_out\n    range: {from: 0, to: 2, step: 1}\n");
  EXPECT_EQ(error.line, 17);
  EXPECT_EQ(error.column, 5);
  EXPECT_NE(std::string(error.what()).find("'0' is zero"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what())
                .find("sweep point point-001: sender.destinations.gmail.max_smtp_out=0 (generated by "
                      "sweep[0].range)"),
            std::string::npos)
      << error.what();
}

TEST(ScenarioBatchTest, SweepShapeIsChecked) {
  EXPECT_NE(std::string(error_of("sweep: []\n").what()).find("has 0 axes"), std::string::npos);
  const std::string axis = "  - {path: seed, values: [1]}\n";
  EXPECT_NE(std::string(error_of("sweep:\n" + axis + axis + axis + axis).what()).find("has 4 axes"),
            std::string::npos);
  EXPECT_NE(
      std::string(error_of("sweep:\n  - {path: seed, values: [1]}\n  - {path: seed, values: [2]}\n").what())
          .find("already swept by sweep[0]"),
      std::string::npos);
  EXPECT_EQ(error_of("sweep:\n  - {path: seed, values: []}\n").field, "sweep[0].values");
  EXPECT_EQ(error_of("sweep:\n  - {path: seed}\n").field, "sweep[0]");
  EXPECT_EQ(error_of("sweep:\n  - {path: seed, values: [1], range: {from: 1, to: 2, step: 1}}\n").field,
            "sweep[0].range");
  EXPECT_EQ(error_of("sweep:\n  - {path: seed, valeus: [1]}\n").hint, "values");
}

TEST(ScenarioBatchTest, MisspeltSweepPathFailsInsideThePath) {
  const ScenarioError plain = error_of("sweep:\n  - {path: sender.defautls.max_smtp_out, values: [1]}\n");
  EXPECT_EQ(plain.line, 16);
  EXPECT_EQ(plain.column, 19);
  EXPECT_EQ(plain.hint, "defaults");
  const ScenarioError quoted = error_of("sweep:\n  - {path: 'sedd', values: [1]}\n");
  EXPECT_EQ(quoted.column, 13);
  EXPECT_EQ(quoted.hint, "seed");
}

TEST(ScenarioBatchTest, AtMostTenThousandPoints) {
  const ScenarioError product = error_of(
      "sweep:\n"
      "  - {path: seed, range: {from: 1, to: 101, step: 1}}\n"
      "  - {path: sender.defaults.max_msg_per_connection, range: {from: 1, to: 100, step: 1}}\n");
  EXPECT_EQ(product.line, 16);
  EXPECT_EQ(product.field, "sweep");
  EXPECT_NE(std::string(product.what()).find("more than 10000 points"), std::string::npos) << product.what();
  const ScenarioError one_axis = error_of("sweep:\n  - {path: seed, range: {from: 1, to: 20000, step: 1}}\n");
  EXPECT_EQ(one_axis.field, "sweep[0].range");
  EXPECT_NE(std::string(one_axis.what()).find("gives 20000 values"), std::string::npos) << one_axis.what();
}

TEST(ScenarioBatchTest, ObjectiveParsesItsFigureAndConstraints) {
  const ScenarioBatch batch = parse(
      "sweep:\n  - {path: seed, values: [1, 2]}\n"
      "objective:\n"
      "  maximize: totals.delivered_share\n"
      "  subject_to:\n"
      "    - providers.gmail.deferral_rate <= 0.05\n");
  ASSERT_TRUE(batch.objective.has_value());
  EXPECT_EQ(batch.objective->goal, Objective::Goal::Maximize);
  EXPECT_EQ(batch.objective->figure_text, "totals.delivered_share");
  EXPECT_EQ(batch.objective->figure.scope, FigureScope::Totals);
  EXPECT_EQ(batch.objective->figure.field, "delivered_share");
  ASSERT_EQ(batch.objective->constraints.size(), 1u);
  EXPECT_EQ(batch.objective->constraints[0].line, 20);
  EXPECT_EQ(batch.objective->min_share_of_worlds, 0.9);
  const ScenarioBatch minimize = parse(
      "sweep:\n  - {path: seed, values: [1]}\nobjective: {minimize: providers.gmail.time_to_drain_s}\n");
  EXPECT_EQ(minimize.objective->goal, Objective::Goal::Minimize);
  EXPECT_EQ(minimize.objective->figure.type, FigureType::NullableNumber);
}

TEST(ScenarioBatchTest, ObjectiveMinShareOfWorlds) {
  const std::string sweep = "sweep:\n  - {path: seed, values: [1]}\n";
  EXPECT_EQ(parse(sweep + "objective: {minimize: totals.delivered, min_share_of_worlds: 0.75}\n")
                .objective->min_share_of_worlds,
            0.75);
  const ScenarioError above_one =
      error_of(sweep + "objective: {minimize: totals.delivered, min_share_of_worlds: 1.5}\n");
  EXPECT_EQ(above_one.line, 17);
  EXPECT_EQ(above_one.field, "objective.min_share_of_worlds");
  EXPECT_NE(std::string(above_one.what()).find("[0, 1]"), std::string::npos) << above_one.what();
  EXPECT_EQ(error_of(sweep + "objective: {minimize: totals.delivered, min_share_of_world: 1}\n").hint,
            "min_share_of_worlds");
}

TEST(ScenarioBatchTest, BadObjectivesFailAtTheirPosition) {
  const std::string sweep = "sweep:\n  - {path: seed, values: [1]}\n";
  const ScenarioError figure = error_of(sweep + "objective:\n  minimize: providers.gmail.time_to_drian_s\n");
  EXPECT_EQ(figure.line, 18);
  EXPECT_EQ(figure.column, 13);
  EXPECT_EQ(figure.field, "objective.minimize");
  EXPECT_NE(std::string(figure.what()).find("unknown provider figure 'time_to_drian_s'"), std::string::npos)
      << figure.what();
  EXPECT_NE(std::string(error_of(sweep + "objective: {minimize: providers.aol.delivered}\n").what())
                .find("'aol' is not a declared provider"),
            std::string::npos);
  EXPECT_EQ(error_of(sweep + "objective: {minimize: totals.delivered, maximize: totals.delivered}\n").field,
            "objective.maximize");
  EXPECT_EQ(error_of(sweep + "objective: {subject_to: []}\n").field, "objective");
  EXPECT_EQ(error_of(sweep + "objective: {minimize: totals.delivered, subject_to: [totals.x > 1]}\n").field,
            "objective.subject_to[0]");
  const ScenarioError alone = error_of("objective: {minimize: totals.delivered}\n");
  EXPECT_EQ(alone.line, 15);
  EXPECT_NE(std::string(alone.what()).find("is given without sweep"), std::string::npos) << alone.what();
}

TEST(ScenarioBatchTest, LoadScenarioChecksTheBatchKeys) {
  EXPECT_THROW(parse_scenario(scenario_with("strategies:\n  - name: a\n    set: {sed: 2}\n"), "t.yaml"),
               ScenarioError);
  EXPECT_EQ(parse_scenario(scenario_with("strategies:\n  - name: a\n    set: {seed: 2}\n"), "t.yaml").seed,
            1u);
}

}  // namespace
}  // namespace delivsim
