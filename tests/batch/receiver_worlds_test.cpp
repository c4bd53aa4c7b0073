// The receiver worlds of robust runs: which parameters vary, the Latin hypercube's strata, named streams,
// pins, the file's own ranges, and a scenario placed in a world.
#include "sim/batch/receiver_worlds.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "models/provider_profile.h"
#include "tests/batch/compare_fixture.h"

namespace delivsim {
namespace {

using testing::small_batch;
using testing::small_batch_text;

/// The index of `label` in `design.varied`, or -1.
int varied_index(const WorldDesign& design, const std::string& label) {
  for (std::size_t d = 0; d < design.varied.size(); ++d) {
    if (design.varied[d].label() == label) return static_cast<int>(d);
  }
  return -1;
}

/// A batch whose gmail provider's uncertainty is `entry`.
ScenarioBatch with_uncertainty(ProviderUncertainty entry, std::optional<std::uint64_t> seed = {}) {
  ScenarioBatch batch = small_batch("");
  entry.provider = "gmail";
  batch.uncertainty = UncertaintySpec{{}, seed, {std::move(entry)}};
  return batch;
}

ParamRangeOverride range(std::string param, ParamValue low, ParamValue high,
                         std::optional<RangeScale> scale = {}) {
  return {std::move(param), false, std::move(low), std::move(high), scale};
}

TEST(ReceiverWorlds, ByDefaultEveryAssumedParameterWithARangeVariesForGmailOnly) {
  const WorldDesign design = design_worlds(small_batch(""), 8);
  std::size_t documented = 0;
  const ProviderProfile& gmail = *find_provider_profile("gmail");
  visit_receiver_params(gmail.params, [&](const ParamInfo& gmail_info, const auto&) {
    const ParamInfo info = gmail.param_info(gmail_info);  // less what does not apply to Gmail
    if (!info.published && !info.low.empty()) ++documented;
  });
  EXPECT_EQ(design.varied.size(), documented)
      << "gmail varies; other (generic) does not, nor do microsoft and yahoo, which get no mail";
  for (const VariedParam& param : design.varied) EXPECT_EQ(param.provider, "gmail");
  EXPECT_EQ(varied_index(design, "gmail.spam_rate_bad"), -1) << "published figures never vary";
  EXPECT_EQ(varied_index(design, "gmail.quota_enabled"), -1) << "switches never vary";
  EXPECT_EQ(design.seed, 5u) << "the scenario's seed by default";
  ASSERT_EQ(design.values.size(), 8u);
  for (const auto& world : design.values) EXPECT_EQ(world.size(), design.varied.size());
}

/// The small batch with its traffic's recipient domains `mix` (flow YAML) and `batch_keys`.
ScenarioBatch small_batch_sending_to(const std::string& mix, const std::string& batch_keys = "") {
  std::string text = small_batch_text(batch_keys);
  const std::string gmail_only = "{gmail.com: 1.0}";
  text.replace(text.find(gmail_only), gmail_only.size(), mix);
  return parse_scenario_batch(text, "small-mixed.yaml");
}

/// A Microsoft provider varies by its own profile's flags and ranges: its complaint thresholds (assumed for
/// Microsoft, published by Google) vary, its 500-connection cap (published by Microsoft) does not.
TEST(ReceiverWorlds, AMicrosoftProviderVariesByItsProfilesFlags) {
  const WorldDesign design = design_worlds(small_batch_sending_to("{gmail.com: 0.5, outlook.com: 0.5}"), 20);
  EXPECT_EQ(varied_index(design, "gmail.spam_rate_bad"), -1);
  EXPECT_EQ(varied_index(design, "microsoft.max_connections_per_sender"), -1);
  EXPECT_EQ(varied_index(design, "gmail.max_connections_per_sender"), -1) << "Gmail publishes no such cap";
  const int spam_rate_bad = varied_index(design, "microsoft.spam_rate_bad");
  const int per_connection = varied_index(design, "microsoft.max_messages_per_connection");
  ASSERT_NE(spam_rate_bad, -1);
  ASSERT_NE(per_connection, -1);
  for (const auto& world : design.values) {  // Microsoft's ranges (models/profiles/microsoft.cpp)
    EXPECT_GE(param_number(world[static_cast<std::size_t>(spam_rate_bad)]), 0.002);
    EXPECT_LE(param_number(world[static_cast<std::size_t>(spam_rate_bad)]), 0.005);
    EXPECT_GE(param_number(world[static_cast<std::size_t>(per_connection)]), 50);
    EXPECT_LE(param_number(world[static_cast<std::size_t>(per_connection)]), 500);
  }
}

/// A default provider no run sends mail to cannot move an outcome: it varies only when `uncertainty:` names
/// it, or when a strategy or sweep point sends it mail.
TEST(ReceiverWorlds, OnlyProvidersTheRunsSendMailToVaryUnlessUncertaintyNamesThem) {
  const auto varies = [](const WorldDesign& design, const std::string& provider) {
    return std::any_of(design.varied.begin(), design.varied.end(),
                       [&](const VariedParam& param) { return param.provider == provider; });
  };
  const WorldDesign gmail_only = design_worlds(small_batch(""), 4);
  EXPECT_TRUE(varies(gmail_only, "gmail"));
  EXPECT_FALSE(varies(gmail_only, "microsoft"));
  EXPECT_FALSE(varies(gmail_only, "yahoo"));
  const WorldDesign named =
      design_worlds(small_batch("uncertainty:\n  providers:\n    yahoo: {vary: assumed}\n"), 4);
  EXPECT_TRUE(varies(named, "yahoo"));
  EXPECT_FALSE(varies(named, "microsoft"));
  const WorldDesign strategy = design_worlds(
      small_batch(
          "strategies:\n  - {name: a}\n  - {name: b, set: {'traffic[0].domains': {yahoo.com: 1.0}}}\n"),
      4);
  EXPECT_TRUE(varies(strategy, "yahoo")) << "strategy b sends its mail to yahoo.com";
  EXPECT_FALSE(varies(strategy, "microsoft"));
}

TEST(ReceiverWorlds, EveryDrawLiesInItsRangeAndTheDocumentedScalesAreAsRuled) {
  const WorldDesign design = design_worlds(small_batch(""), 50);
  for (std::size_t d = 0; d < design.varied.size(); ++d) {
    const VariedParam& param = design.varied[d];
    for (const auto& world : design.values) {
      const double value = param_number(world[d]);
      EXPECT_GE(value, param_number(param.low)) << param.label();
      EXPECT_LE(value, param_number(param.high)) << param.label();
      EXPECT_EQ(world[d].index(), param.low.index()) << param.label() << " keeps its type";
    }
  }
  EXPECT_EQ(design.varied[varied_index(design, "gmail.quota_floor_medium")].scale, RangeScale::Log)
      << "1000 .. 20000: high >= 4 x low";
  EXPECT_EQ(design.varied[varied_index(design, "gmail.weight_ip")].scale, RangeScale::Linear) << "0.2 .. 0.6";
  EXPECT_EQ(design.varied[varied_index(design, "gmail.high_tier_defer_share")].scale, RangeScale::Linear)
      << "0 .. 0.02: a zero end is linear";
}

TEST(ReceiverWorlds, ALinearParameterFallsOnceInEachOfTheNStrata) {
  const int worlds = 20;
  const WorldDesign design = design_worlds(small_batch(""), worlds);
  const int d = varied_index(design, "gmail.weight_ip");  // 0.2 .. 0.6, linear
  ASSERT_GE(d, 0);
  std::set<int> strata;
  for (const auto& world : design.values) {
    strata.insert(static_cast<int>(std::floor((std::get<double>(world[d]) - 0.2) / 0.4 * worlds)));
  }
  EXPECT_EQ(strata.size(), static_cast<std::size_t>(worlds));
  EXPECT_EQ(*strata.begin(), 0);
  EXPECT_EQ(*strata.rbegin(), worlds - 1);
}

TEST(ReceiverWorlds, ALogScaleSpreadsEvenlyInTheLogarithm) {
  const WorldDesign design = design_worlds(small_batch(""), 1000);
  const int d = varied_index(design, "gmail.quota_floor_medium");
  std::vector<double> values;
  for (const auto& world : design.values) values.push_back(std::get<double>(world[d]));
  std::sort(values.begin(), values.end());
  EXPECT_NEAR(values[500], std::sqrt(1000.0 * 20000.0), 0.01 * std::sqrt(1000.0 * 20000.0))
      << "the median of a log-uniform range is the geometric mean of its ends";
}

TEST(ReceiverWorlds, WholeNumbersTakeEveryValueOfTheirRange) {
  const WorldDesign design = design_worlds(small_batch(""), 400);
  const int d = varied_index(design, "gmail.max_connections_per_ip");  // 5 .. 20
  std::set<int> seen;
  for (const auto& world : design.values) seen.insert(std::get<int>(world[d]));
  EXPECT_EQ(seen.size(), 16u);
  EXPECT_EQ(*seen.begin(), 5);
  EXPECT_EQ(*seen.rbegin(), 20);
}

TEST(ReceiverWorlds, SameSeedSameWorldsAndAnotherParameterNeverShiftsADraw) {
  EXPECT_EQ(design_worlds(small_batch(""), 16).values, design_worlds(small_batch(""), 16).values);
  const ScenarioBatch one = with_uncertainty({"", true, {range("weight_ip", 0.2, 0.6)}});
  const ScenarioBatch two =
      with_uncertainty({"", true, {range("weight_ip", 0.2, 0.6), range("hammer_penalty", 0.0, 0.6)}});
  const WorldDesign a = design_worlds(one, 16), b = design_worlds(two, 16);
  ASSERT_EQ(a.varied.size(), 1u);
  ASSERT_EQ(b.varied.size(), 2u);
  for (std::size_t w = 0; w < 16; ++w) {
    EXPECT_EQ(a.values[w][0], b.values[w][varied_index(b, "gmail.weight_ip")]) << "world " << w;
  }
  const WorldDesign reseeded =
      design_worlds(with_uncertainty({"", true, {range("weight_ip", 0.2, 0.6)}}, 99), 16);
  EXPECT_EQ(reseeded.seed, 99u);
  EXPECT_NE(reseeded.values, a.values) << "uncertainty.seed moves the hypercube";
}

TEST(ReceiverWorlds, TheFilesRangesNarrowFixOrListTheVariedParameters) {
  ParamRangeOverride fixed;
  fixed.param = "quota_burst";
  fixed.fixed = true;
  const WorldDesign design = design_worlds(
      with_uncertainty({"", false, {range("quota_floor_medium", 1500.0, 1600.0, RangeScale::Linear), fixed}}),
      10);
  EXPECT_EQ(varied_index(design, "gmail.quota_burst"), -1);
  const int d = varied_index(design, "gmail.quota_floor_medium");
  ASSERT_GE(d, 0);
  EXPECT_EQ(design.varied[d].scale, RangeScale::Linear);
  for (const auto& world : design.values) {
    EXPECT_GE(std::get<double>(world[d]), 1500.0);
    EXPECT_LE(std::get<double>(world[d]), 1600.0);
  }
  EXPECT_GE(varied_index(design, "gmail.weight_ip"), 0) << "vary: assumed keeps the others";
}

TEST(ReceiverWorlds, AParameterTheScenarioWritesIsPinned) {
  ScenarioBatch batch = small_batch("providers:\n  gmail: {params: {quota_floor_medium: 5000}}\n");
  const WorldDesign design = design_worlds(batch, 4);
  EXPECT_EQ(varied_index(design, "gmail.quota_floor_medium"), -1);
  for (std::size_t w = 0; w < 4; ++w) {
    EXPECT_EQ(scenario_in_world(batch.base, design, w).providers[0].params.quota_floor_medium, 5000);
  }
}

TEST(ReceiverWorlds, AScenarioInAWorldTakesTheWorldsValuesUnlessItWritesThem) {
  const ScenarioBatch batch = small_batch(
      "strategies:\n  - {name: plain}\n"
      "  - {name: pinned, set: {providers.gmail.params.weight_ip: 0.5}}\n");
  const WorldDesign design = design_worlds(batch, 4);
  const int d = varied_index(design, "gmail.weight_ip");
  for (std::size_t w = 0; w < 4; ++w) {
    const Scenario plain = scenario_in_world(batch.strategies[0].scenario, design, w);
    const Scenario pinned = scenario_in_world(batch.strategies[1].scenario, design, w);
    EXPECT_EQ(plain.providers[0].params.weight_ip, std::get<double>(design.values[w][d]));
    EXPECT_EQ(pinned.providers[0].params.weight_ip, 0.5) << "a strategy's own set: wins in every world";
    EXPECT_EQ(plain.seed, batch.base.seed) << "the simulation seed is left alone";
  }
}

TEST(ReceiverWorlds, NothingVariedLeavesEveryWorldTheScenario) {
  const ScenarioBatch batch = with_uncertainty({"", true, {}});
  const WorldDesign design = design_worlds(batch, 3);
  EXPECT_TRUE(design.varied.empty());
  EXPECT_EQ(design.values.size(), 3u);
  EXPECT_EQ(scenario_in_world(batch.base, design, 2).providers[0].params.quota_floor_medium,
            batch.base.providers[0].params.quota_floor_medium);
}

TEST(ReceiverWorlds, ParamTextReadsBackToTheSameValue) {
  const std::vector<ParamValue> values = {
      1834.2312345678,
      0.25,
      12,
      Duration(5'400'000),
      Duration(1'234),
      DelayDistribution{DelayDistribution::Kind::Lognormal, Duration(10'800'000), 1.25},
      DelayDistribution{DelayDistribution::Kind::Exponential, Duration(60'000), 0.0}};
  for (const ParamValue& value : values) {
    EXPECT_EQ(param_value_from_text(param_text(value), value, false, "test", "x"), value)
        << param_text(value);
  }
  EXPECT_EQ(param_text(Duration(5'400'000)), "1h30m");
  EXPECT_EQ(param_text(100000.0), "100000") << "no exponent";
  EXPECT_EQ(param_number(Duration(5'400'000)), 5400.0);
}

TEST(ReceiverWorlds, WorldCountsOutsideTheLimitsAreRefused) {
  EXPECT_THROW(design_worlds(small_batch(""), 0), std::invalid_argument);
  EXPECT_THROW(design_worlds(small_batch(""), kMaxWorlds + 1), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim
