// summarise_robust and the verdicts on hand-made world outcomes: win, tie and best shares with missing
// values, the spread of the paired difference, the sensitivity ranking and every verdict's wording.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "sim/batch/robust_compare.h"
#include "sim/output/headline.h"
#include "tests/batch/compare_fixture.h"

namespace delivsim {
namespace {

using testing::small_batch;
using Value = std::optional<double>;

std::size_t figure_index(std::string_view key) {
  const auto figures = headline_figures();
  for (std::size_t f = 0; f < figures.size(); ++f) {
    if (figures[f].key == key) return f;
  }
  throw std::out_of_range(std::string(key));
}

const std::size_t kShare = figure_index("delivered_share");

/// A world outcome whose figures are all 0 but the delivered share.
WorldOutcome share_world(Value share) {
  WorldOutcome world{{}, std::vector<Value>(headline_figures().size(), 0.0)};
  world.figures[kShare] = share;
  return world;
}

std::vector<WorldOutcome> share_worlds(const std::vector<Value>& shares) {
  std::vector<WorldOutcome> worlds;
  for (const Value& share : shares) worlds.push_back(share_world(share));
  return worlds;
}

/// A design of `worlds` worlds varying nothing.
WorldDesign unvaried_design(std::size_t worlds) {
  return {7, {}, std::vector<std::vector<ParamValue>>(worlds)};
}

const std::string kThreeStrategies =
    "strategies:\n  - {name: a, set: {sender.destinations.gmail.max_smtp_out: 20}}\n"
    "  - {name: b, set: {sender.destinations.gmail.max_smtp_out: 10}}\n"
    "  - {name: c, set: {sender.destinations.gmail.max_smtp_out: 5}}\n";

TEST(RobustSummary, SharesCountAMissingValueAsTheWorstAndTwoMissingAsATie) {
  const RobustResult result = summarise_robust(
      small_batch(kThreeStrategies), unvaried_design(4), 1,
      {share_worlds({0.5, 0.5, 0.5, std::nullopt}), share_worlds({0.6, 0.5, 0.4, std::nullopt}),
       share_worlds({0.7, std::nullopt, 0.3, 0.1})});
  ASSERT_EQ(result.strategies.size(), 3u);
  const RobustFigure& a = result.strategies[0].figures[kShare];
  const RobustFigure& b = result.strategies[1].figures[kShare];
  const RobustFigure& c = result.strategies[2].figures[kShare];
  EXPECT_FALSE(a.versus_first.has_value());
  EXPECT_FALSE(a.difference_p50.has_value());
  // b: wins world 1, ties 2 and 4 (both missing), loses 3. c: wins 1 and 4 (a missing), loses 2 (c
  // missing) and 3.
  EXPECT_EQ(b.versus_first->wins, 0.25);
  EXPECT_EQ(b.versus_first->ties, 0.5);
  EXPECT_EQ(b.versus_first->losses, 0.25);
  EXPECT_EQ(c.versus_first->wins, 0.5);
  EXPECT_EQ(c.versus_first->ties, 0.0);
  EXPECT_EQ(c.versus_first->losses, 0.5);
  // Best: world 1 c; world 2 a and b; world 3 a; world 4 c.
  EXPECT_EQ(a.best_share, 0.5);
  EXPECT_EQ(b.best_share, 0.25);
  EXPECT_EQ(c.best_share, 0.5);
}

TEST(RobustSummary, TheDifferenceSpreadLeavesOutWorldsWithAMissingValue) {
  const RobustResult result = summarise_robust(
      small_batch(kThreeStrategies), unvaried_design(4), 1,
      {share_worlds({0.5, 0.5, 0.5, std::nullopt}), share_worlds({0.6, 0.5, 0.4, std::nullopt}),
       share_worlds({0.7, std::nullopt, 0.3, 0.1})});
  // b - a over worlds 1-3: {0.1, 0, -0.1}; type 7 p5 at rank 0.1, p95 at rank 1.9.
  const RobustFigure& b = result.strategies[1].figures[kShare];
  EXPECT_NEAR(*b.difference_p5, -0.09, 1e-12);
  EXPECT_NEAR(*b.difference_p50, 0.0, 1e-12);
  EXPECT_NEAR(*b.difference_p95, 0.09, 1e-12);
  EXPECT_NEAR(*b.difference_mean, 0.0, 1e-12);
  // c - a over worlds 1 and 3: {0.2, -0.2}; p5 at rank 0.05.
  const RobustFigure& c = result.strategies[2].figures[kShare];
  EXPECT_NEAR(*c.difference_p5, -0.18, 1e-12);
  EXPECT_NEAR(*c.difference_p95, 0.18, 1e-12);
  EXPECT_NEAR(*c.difference_mean, 0.0, 1e-12);
  EXPECT_TRUE(c.sensitivity.empty()) << "nothing varies";
}

TEST(RobustSummary, SensitivityRanksTheParametersTheDifferenceFollows) {
  // weight_ip rises with b's difference; weight_dkim ranks {4, 1, 3, 2} against {1, 2, 3, 4}: sum d^2 = 14,
  // rho = 1 - 6 * 14 / (4 * 15) = -0.4.
  WorldDesign design{7,
                     {{"gmail", "weight_dkim", 0.2, 0.6, RangeScale::Linear},
                      {"gmail", "weight_ip", 0.2, 0.6, RangeScale::Linear}},
                     {{0.5, 0.3}, {0.2, 0.4}, {0.4, 0.5}, {0.3, 0.6}}};
  const RobustResult result =
      summarise_robust(small_batch(kThreeStrategies), design, 1,
                       {share_worlds({0.5, 0.5, 0.5, 0.5}), share_worlds({0.1, 0.2, 0.3, 0.4}),
                        share_worlds({0.1, 0.2, 0.3, 0.1})});
  const std::vector<Sensitivity>& b = result.strategies[1].figures[kShare].sensitivity;
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].param, 1u);
  EXPECT_NEAR(b[0].rank_correlation, 1.0, 1e-12);
  EXPECT_EQ(b[1].param, 0u);
  EXPECT_NEAR(b[1].rank_correlation, -0.4, 1e-12);
  const std::vector<Sensitivity>& first = result.strategies[0].figures[kShare].sensitivity;
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].param, 0u) << "its own figure is constant: both 0, in parameter order";
  EXPECT_EQ(first[0].rank_correlation, 0.0);
  EXPECT_EQ(first[1].param, 1u);
}

TEST(RobustSummary, SensitivityUsesOnlyTheWorldsWithAValue) {
  WorldDesign design{7, {{"gmail", "weight_ip", 0.2, 0.6, RangeScale::Linear}}, {{0.2}, {0.3}, {0.4}, {0.6}}};
  // Worlds 1-3 rise with weight_ip; world 4 (missing for b) would break the order.
  const RobustResult result =
      summarise_robust(small_batch(kThreeStrategies), design, 1,
                       {share_worlds({0.5, 0.5, 0.5, 0.9}), share_worlds({0.5, 0.6, 0.7, std::nullopt}),
                        share_worlds({0.5, 0.5, 0.5, 0.9})});
  EXPECT_NEAR(result.strategies[1].figures[kShare].sensitivity[0].rank_correlation, 1.0, 1e-12);
}

TEST(RobustSummary, OutcomesThatDoNotMatchTheDesignAreRefused) {
  const ScenarioBatch batch = small_batch(kThreeStrategies);
  const auto two = share_worlds({0.5, 0.5});
  EXPECT_THROW(summarise_robust(batch, unvaried_design(2), 1, {two, two}), std::invalid_argument)
      << "a strategy missing";
  EXPECT_THROW(summarise_robust(batch, unvaried_design(3), 1, {two, two, two}), std::invalid_argument)
      << "a world missing";
}

TEST(RobustSummary, NoiseLevelOfTheRankCorrelation) {
  EXPECT_NEAR(noise_rank_correlation(64), 1.96 / std::sqrt(63.0), 1e-12);
  EXPECT_NEAR(noise_rank_correlation(64), 0.2469, 1e-4);
  EXPECT_EQ(noise_rank_correlation(1), 1.0);
}

/// One verdict: strategy "s" against "cold-blast" in 64 worlds.
struct VerdictCase {
  std::string figure;
  WinShares shares;
  Value p5, p50, p95;
  std::string name;
  std::string expected;
};

class RobustVerdict : public ::testing::TestWithParam<VerdictCase> {};

TEST_P(RobustVerdict, ReadsAsDesigned) {
  const VerdictCase& c = GetParam();
  RobustResult result;
  result.design = unvaried_design(64);
  result.strategies.resize(2);
  result.strategies[0].name = "cold-blast";
  result.strategies[1].name = c.name;
  result.strategies[0].figures.resize(headline_figures().size());
  result.strategies[1].figures.resize(headline_figures().size());
  RobustFigure& figure = result.strategies[1].figures[figure_index(c.figure)];
  figure.versus_first = c.shares;
  figure.difference_p5 = c.p5;
  figure.difference_p50 = c.p50;
  figure.difference_p95 = c.p95;
  EXPECT_EQ(robust_verdict(result, 1, figure_index(c.figure)), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    EveryBranch, RobustVerdict,
    ::testing::Values(
        VerdictCase{"delivered_share",
                    {1, 0, 0},
                    0.38,
                    0.4,
                    0.45,
                    "warmup",
                    "warmup beats cold-blast on delivered share in 100% of 64 worlds (p5 +38.0 pp)"},
        VerdictCase{"deferral_rate",
                    {0.75, 0, 0.25},
                    -0.2,
                    -0.1,
                    0.01,
                    "gentle",
                    "gentle beats cold-blast on deferral rate in 75% of 64 worlds (p95 +1.0 pp)"},
        VerdictCase{
            "delivered_share",
            {0, 0, 1},
            -0.5,
            -0.45,
            -0.4,
            "seed-000-block",
            "seed-000-block loses to cold-blast on delivered share in 100% of 64 worlds (p95 -40.0 pp)"},
        VerdictCase{"time_to_drain_s",
                    {0.25, 0.125, 0.625},
                    -3600,
                    7200,
                    36000,
                    "slow",
                    "slow loses to cold-blast on time to drain in 63% of 64 worlds (p5 -1.0h)"},
        VerdictCase{"delivered_share",
                    {0, 1, 0},
                    0,
                    0,
                    0,
                    "identical",
                    "identical ties with cold-blast on delivered share in all 64 worlds"},
        VerdictCase{
            "delivered_share",
            {0.4, 0.2, 0.4},
            -0.03,
            -0.012,
            0.02,
            "pattern-rules",
            "pattern-rules beats cold-blast on delivered share in 40%, ties in 20%, loses in 40% of 64 "
            "worlds (p50 -1.2 pp)"},
        VerdictCase{"time_to_drain_s",
                    {1, 0, 0},
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    "drains",
                    "drains beats cold-blast on time to drain in 100% of 64 worlds"}),
    [](const ::testing::TestParamInfo<VerdictCase>& info) {
      std::string name = info.param.name;
      std::erase(name, '-');
      return name;
    });

TEST(RobustVerdictRefusals, TheFirstStrategyHasNoVerdict) {
  RobustResult result;
  result.design = unvaried_design(4);
  result.strategies.resize(2);
  for (RobustStrategy& strategy : result.strategies) strategy.figures.resize(headline_figures().size());
  EXPECT_THROW(robust_verdict(result, 0, 0), std::invalid_argument);
  EXPECT_THROW(robust_verdict(result, 2, 0), std::invalid_argument);
  EXPECT_THROW(robust_verdict(result, 1, headline_figures().size()), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
