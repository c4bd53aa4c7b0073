// delivsim compare --robust as a library: strategies run in receiver worlds on common random numbers,
// independent of the thread count, equal to the plain compare when nothing varies, and a winner that flips at
// a known parameter value winning in the share of worlds on its side.
#include "sim/batch/robust_compare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "sim/batch/compare.h"
#include "sim/batch/replications.h"
#include "sim/output/headline.h"
#include "sim/world/run.h"
#include "tests/batch/compare_fixture.h"

namespace delivsim {
namespace {

using testing::figure_index;
using testing::kTwoStrategies;
using testing::small_batch;

TEST(RobustCompare, TheThreadCountChangesNothing) {
  const ScenarioBatch batch = small_batch(kTwoStrategies);
  const RobustResult one = run_robust_compare(batch, {4, 1, 1});
  const RobustResult two = run_robust_compare(batch, {4, 1, 2});
  ASSERT_EQ(one.strategies.size(), 2u);
  for (std::size_t s = 0; s < one.strategies.size(); ++s) {
    ASSERT_EQ(one.strategies[s].worlds.size(), 4u);
    for (std::size_t w = 0; w < 4; ++w) {
      EXPECT_EQ(one.strategies[s].worlds[w].figures, two.strategies[s].worlds[w].figures);
      EXPECT_EQ(one.strategies[s].worlds[w].runs[0].events_processed,
                two.strategies[s].worlds[w].runs[0].events_processed);
    }
  }
  EXPECT_NE(one.strategies[0].worlds[0].figures, one.strategies[0].worlds[1].figures)
      << "worlds must differ, or this test proves nothing";
}

TEST(RobustCompare, WorldRunsKeepTheirSummaryOnly) {
  const ScenarioBatch batch = small_batch(kTwoStrategies);
  RunOptions with_accounting;
  with_accounting.accounting = true;
  const RunResult plain = run_scenario(batch.strategies[0].scenario, with_accounting);
  ASSERT_FALSE(plain.timeseries.rows.empty() || plain.accounting.empty() || plain.alerts.empty())
      << "a plain run must have what world runs drop, or this test proves nothing";
  const RobustResult result = run_robust_compare(batch, {2, 2, 2});
  const WorldOutcome& world = result.strategies[0].worlds[1];
  ASSERT_EQ(world.runs.size(), 2u);
  for (const RunResult& run : world.runs) {
    EXPECT_TRUE(run.timeseries.rows.empty());
    EXPECT_TRUE(run.accounting.empty());
    EXPECT_TRUE(run.alerts.empty());
    EXPECT_GT(run.totals.injected, 0);
  }
  // World 1, replication 1 of 2 is replication 3 of the seed sequence.
  EXPECT_EQ(world.runs[1].seed, replication_seed(5, 3));
  const std::size_t share = figure_index("delivered_share");
  EXPECT_DOUBLE_EQ(*world.figures[share],
                   (world.runs[0].totals.delivered_share() + world.runs[1].totals.delivered_share()) / 2);
}

TEST(RobustCompare, WithNothingVariedTheWorldsAreThePlainComparesReplications) {
  const ScenarioBatch batch = small_batch(kTwoStrategies);
  const WorldDesign fixed{5, {}, std::vector<std::vector<ParamValue>>(3)};
  const RobustResult robust =
      summarise_robust(batch, fixed, 1, run_over_worlds(batch.strategies, fixed, 1, 2));
  const CompareResult plain = run_compare(batch, {3, 2});
  for (std::size_t s = 0; s < 2; ++s) {
    for (std::size_t f = 0; f < headline_figures().size(); ++f) {
      for (std::size_t w = 0; w < 3; ++w) {
        EXPECT_EQ(robust.strategies[s].worlds[w].figures[f], plain.strategies[s].figures[f].values[w])
            << headline_figures()[f].key << " world " << w;
      }
    }
  }
  for (std::size_t f = 0; f < headline_figures().size(); ++f) {
    const std::optional<FigureDifference>& difference = plain.strategies[1].differences[f];
    ASSERT_EQ(difference.has_value(), robust.strategies[1].figures[f].difference_mean.has_value());
    if (difference) {
      EXPECT_DOUBLE_EQ(*robust.strategies[1].figures[f].difference_mean, difference->mean);
    }
  }
  EXPECT_NE(*robust.strategies[1].figures[figure_index("delivered_share")].difference_mean, 0.0)
      << "the strategies must differ, or this test proves nothing";
}

TEST(RobustCompare, AStrategyIdenticalToTheFirstTiesInEveryWorld) {
  const ScenarioBatch batch = small_batch(
      "strategies:\n  - {name: a, set: {sender.destinations.gmail.max_smtp_out: 20}}\n"
      "  - {name: same, set: {sender.destinations.gmail.max_smtp_out: 20}}\n");
  const RobustResult result = run_robust_compare(batch, {8, 1, 2});
  EXPECT_GT(result.design.varied.size(), 10u);
  for (std::size_t f = 0; f < headline_figures().size(); ++f) {
    const RobustFigure& figure = result.strategies[1].figures[f];
    EXPECT_EQ(figure.versus_first->wins, 0.0) << headline_figures()[f].key;
    EXPECT_EQ(figure.versus_first->ties, 1.0) << headline_figures()[f].key;
    EXPECT_EQ(figure.best_share, 1.0) << headline_figures()[f].key;
  }
  const std::size_t share = figure_index("delivered_share");
  EXPECT_EQ(robust_verdict(result, 1, share), "same ties with a on delivered share in all 8 worlds");
  EXPECT_NE(result.strategies[0].worlds[0].figures[share], result.strategies[0].worlds[1].figures[share])
      << "worlds must differ, or this test proves nothing";
}

// 200 messages over 2 connections to Gmail with nothing random in the way (no faults, no tier deferrals, a
// constant connect time), so the p95 latency is about 95 message times. Only message_time varies, linearly
// from 100 ms to 2 s; the strategy "pinned" holds it at 1 s, so it has the lower latency exactly in the
// worlds above 1 s: (2000 - 1000) / (2000 - 100) = 52.6% of them.
const std::string kFlipScenario =
    "name: flip\nseed: 11\nduration: 1d\n"
    "identities:\n  ips: [{address: 203.0.113.10, age: new}]\n"
    "  domains: [{name: news.example.com, age: new}]\n"
    "pools: {main: [203.0.113.10]}\n"
    "traffic:\n  - name: t\n    pool: main\n    dkim_domain: news.example.com\n"
    "    campaign: {recipients: 200, at: 0h}\n    domains: {gmail.com: 1.0}\n"
    "sender:\n  destinations:\n    gmail: {max_smtp_out: 2}\n"
    "providers:\n  gmail: {params: {transient_fault_share: 0, medium_tier_defer_share: 0, connect_time: "
    "100ms}}\n"
    "strategies:\n  - {name: varying, set: {sender.destinations.gmail.max_smtp_out: 2}}\n"
    "  - {name: pinned, set: {providers.gmail.params.message_time: 1s}}\n";

TEST(RobustCompare, AWinnerThatFlipsAtAKnownValueWinsItsShareOfTheWorlds) {
  ScenarioBatch batch = parse_scenario_batch(kFlipScenario, "flip.yaml");
  const DelayDistribution fast{DelayDistribution::Kind::Constant, std::chrono::milliseconds(100), 0};
  const DelayDistribution slow{DelayDistribution::Kind::Constant, std::chrono::milliseconds(2000), 0};
  batch.uncertainty =
      UncertaintySpec{{}, {}, {{"gmail", true, {{"message_time", false, fast, slow, RangeScale::Linear}}}}};
  const int worlds = 40;
  const RobustResult result = run_robust_compare(batch, {worlds, 1, 2});
  ASSERT_EQ(result.design.varied.size(), 1u);
  const std::size_t latency = figure_index("p95_latency_s");
  const RobustFigure& pinned = result.strategies[1].figures[latency];
  // A Latin hypercube puts one world in each 1/40 of the range: the share above 1 s is within one world of
  // the expected 52.6%.
  const double expected = (2000.0 - 1000.0) / (2000.0 - 100.0);
  EXPECT_NEAR(pinned.versus_first->wins, expected, 1.0 / worlds);
  EXPECT_NEAR(pinned.versus_first->losses, 1 - expected, 1.0 / worlds);
  for (std::size_t w = 0; w < result.design.values.size(); ++w) {
    const double message_time_s = param_number(result.design.values[w][0]);
    const double varying_s = *result.strategies[0].worlds[w].figures[latency];
    const double pinned_s = *result.strategies[1].worlds[w].figures[latency];
    if (message_time_s > 1) {
      EXPECT_LT(pinned_s, varying_s) << "world " << w << " at " << message_time_s << " s";
    } else if (message_time_s < 1) {
      EXPECT_GT(pinned_s, varying_s) << "world " << w << " at " << message_time_s << " s";
    }
  }
  ASSERT_EQ(pinned.sensitivity.size(), 1u);
  EXPECT_NEAR(pinned.sensitivity[0].rank_correlation, -1.0, 1e-12)
      << "the slower the varying strategy's messages, the more the pinned one gains";
}

TEST(RobustCompare, TheDefaultWorldCountIsTheFilesElse32) {
  ScenarioBatch batch = small_batch(kTwoStrategies);
  EXPECT_EQ(default_world_count(batch), 32);
  batch.uncertainty = UncertaintySpec{};
  EXPECT_EQ(default_world_count(batch), 32) << "a block without worlds:";
  batch.uncertainty->worlds = 12;
  EXPECT_EQ(default_world_count(batch), 12);
}

TEST(RobustCompare, WithoutStrategiesItRefuses) {
  EXPECT_THROW(run_robust_compare(small_batch(""), {2, 1, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
