// The `uncertainty:` block parses into ScenarioBatch::uncertainty, and each mistake in it fails at its own
// line and column with the field, the problem and (for a misspelt name) the closest right one.
#include <gtest/gtest.h>

#include "tests/scenario_error_of.h"
#include "tests/small_batch_scenario.h"

#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

/// The small scenario with gmail pinning quota_floor_high (17 lines) followed by `lines`, which start on
/// line 18.
std::string scenario_with(const std::string& lines) {
  return testing::small_scenario_with(
      "providers:\n"
      "  gmail:\n"
      "    params: {quota_floor_high: 8000}\n" +
      lines);
}

ScenarioBatch parse(const std::string& lines) {
  return parse_scenario_batch(scenario_with(lines), "t.yaml");
}

/// The ScenarioError parsing `lines` gives (a test failure when there is none).
ScenarioError error_of(const std::string& lines) {
  return testing::batch_error_of(scenario_with(lines));
}

TEST(UncertaintyTest, WithoutTheBlockThereIsNoSpec) {
  EXPECT_FALSE(parse("").uncertainty.has_value());
}

TEST(UncertaintyTest, AnEmptyBlockLeavesEverythingToTheDefaults) {
  const ScenarioBatch batch = parse("uncertainty: {}\n");
  ASSERT_TRUE(batch.uncertainty.has_value());
  EXPECT_FALSE(batch.uncertainty->worlds.has_value());
  EXPECT_FALSE(batch.uncertainty->seed.has_value());
  EXPECT_TRUE(batch.uncertainty->providers.empty());
}

TEST(UncertaintyTest, TheDesignExampleParses) {
  const ScenarioBatch batch = parse(
      "uncertainty:\n"
      "  worlds: 64\n"
      "  seed: 7\n"
      "  providers:\n"
      "    gmail:\n"
      "      vary: assumed\n"
      "      ranges:\n"
      "        quota_floor_medium: {low: 1000, high: 5000}\n"
      "        new_identity_score: {low: 0.4, high: 0.7, scale: linear}\n"
      "        complaint_delay: {low: {kind: lognormal, median: 1h, sigma: 1}, "
      "high: {kind: lognormal, median: 2d, sigma: 1}}\n"
      "        quota_burst: fixed\n"
      "        signal_memory: {low: 6h, high: 4d, scale: log}\n"
      "        baseline_window_days: {low: 2, high: 10}\n");
  ASSERT_TRUE(batch.uncertainty.has_value());
  const UncertaintySpec& spec = *batch.uncertainty;
  EXPECT_EQ(spec.worlds, 64);
  EXPECT_EQ(spec.seed, 7u);
  ASSERT_EQ(spec.providers.size(), 1u);
  const ProviderUncertainty& gmail = spec.providers[0];
  EXPECT_EQ(gmail.provider, "gmail");
  EXPECT_FALSE(gmail.listed_only);
  ASSERT_EQ(gmail.ranges.size(), 6u);

  EXPECT_EQ(gmail.ranges[0].param, "quota_floor_medium");
  EXPECT_FALSE(gmail.ranges[0].fixed);
  EXPECT_EQ(gmail.ranges[0].low, ParamValue(1000.0));
  EXPECT_EQ(gmail.ranges[0].high, ParamValue(5000.0));
  EXPECT_FALSE(gmail.ranges[0].scale.has_value());

  EXPECT_EQ(gmail.ranges[1].low, ParamValue(0.4));
  EXPECT_EQ(gmail.ranges[1].scale, RangeScale::Linear);

  using Kind = DelayDistribution::Kind;
  EXPECT_EQ(gmail.ranges[2].low, ParamValue(DelayDistribution{Kind::Lognormal, std::chrono::hours(1), 1.0}));
  EXPECT_EQ(gmail.ranges[2].high,
            ParamValue(DelayDistribution{Kind::Lognormal, std::chrono::hours(48), 1.0}));

  EXPECT_EQ(gmail.ranges[3].param, "quota_burst");
  EXPECT_TRUE(gmail.ranges[3].fixed);
  EXPECT_FALSE(gmail.ranges[3].scale.has_value());

  EXPECT_EQ(gmail.ranges[4].low, ParamValue(Duration(std::chrono::hours(6))));
  EXPECT_EQ(gmail.ranges[4].high, ParamValue(Duration(std::chrono::hours(96))));
  EXPECT_EQ(gmail.ranges[4].scale, RangeScale::Log);

  EXPECT_EQ(gmail.ranges[5].low, ParamValue(2));
  EXPECT_EQ(gmail.ranges[5].high, ParamValue(10));
}

/// Which figures are published is the provider's profile's word: Microsoft publishes no complaint threshold
/// (it may vary) but does publish its 500-connection cap (it may not).
TEST(UncertaintyTest, PublishedFiguresAreThoseOfTheProvidersProfile) {
  const std::string microsoft = "  ms: {profile: microsoft, domains: [outlook.com]}\n";
  const ScenarioBatch batch = parse(microsoft +
                                    "uncertainty:\n"
                                    "  providers:\n"
                                    "    ms:\n"
                                    "      ranges: {spam_rate_bad: {low: 0.002, high: 0.004}}\n");
  ASSERT_TRUE(batch.uncertainty.has_value());
  ASSERT_EQ(batch.uncertainty->providers.size(), 1u);
  EXPECT_EQ(batch.uncertainty->providers[0].ranges.at(0).param, "spam_rate_bad");

  const ScenarioError error = error_of(microsoft +
                                       "uncertainty:\n"
                                       "  providers:\n"
                                       "    ms:\n"
                                       "      ranges: {max_connections_per_sender: {low: 100, high: 900}}\n");
  EXPECT_EQ(error.field, "uncertainty.providers.ms.ranges.max_connections_per_sender") << error.what();
  EXPECT_NE(std::string(error.what()).find("published figures never vary"), std::string::npos);
  // The same range for Gmail, which publishes no connection cap, is allowed.
  EXPECT_NO_THROW(
      parse("uncertainty:\n"
            "  providers:\n"
            "    gmail:\n"
            "      ranges: {max_connections_per_sender: {low: 100, high: 900}}\n"));
}

/// A range reads its ends with the rules of `params:`: 0 only where it means none.
TEST(UncertaintyTest, ARangeMayStartAtZeroOnlyWhereZeroMeansNone) {
  const ScenarioBatch batch = parse(
      "uncertainty:\n"
      "  providers:\n"
      "    gmail:\n"
      "      ranges: {max_connections_per_sender: {low: 0, high: 900}}\n");
  ASSERT_TRUE(batch.uncertainty.has_value());
  EXPECT_EQ(batch.uncertainty->providers[0].ranges.at(0).low, ParamValue(0));

  const ScenarioError error = error_of(
      "uncertainty:\n"
      "  providers:\n"
      "    gmail:\n"
      "      ranges: {max_connections_per_ip: {low: 0, high: 10}}\n");
  EXPECT_EQ(error.field, "uncertainty.providers.gmail.ranges.max_connections_per_ip.low") << error.what();
}

TEST(UncertaintyTest, VaryListed) {
  const ScenarioBatch batch = parse(
      "uncertainty:\n"
      "  providers:\n"
      "    gmail:\n"
      "      vary: listed\n"
      "      ranges: {quota_floor_medium: {low: 1000, high: 1000}}\n");
  ASSERT_TRUE(batch.uncertainty.has_value());
  EXPECT_TRUE(batch.uncertainty->providers.at(0).listed_only);
}

TEST(UncertaintyTest, VariantsDoNotInheritTheBlock) {
  const ScenarioBatch batch = parse(
      "uncertainty: {worlds: 8}\n"
      "strategies:\n"
      "  - name: slow\n"
      "    set: {sender.destinations.gmail.max_smtp_out: 2}\n"
      "sweep:\n"
      "  - path: sender.destinations.gmail.max_smtp_out\n"
      "    values: [1, 2]\n");
  EXPECT_EQ(batch.uncertainty->worlds, 8);
  EXPECT_EQ(batch.strategies.size(), 1u);
  EXPECT_EQ(batch.sweep_points.size(), 2u);
}

TEST(UncertaintyTest, ValidatingTheScenarioChecksTheBlock) {
  EXPECT_THROW(parse_scenario(scenario_with("uncertainty: {worlds: 0}\n"), "t.yaml"), ScenarioError);
}

struct BadBlock {
  std::string name;
  std::string lines;  ///< from line 18
  int line;
  int column;
  std::string field;
  std::string message_part;  ///< a substring of what()
  std::string hint;          ///< did-you-mean
};

void PrintTo(const BadBlock& bad, std::ostream* out) {
  *out << bad.name;
}

class BadUncertaintyTest : public ::testing::TestWithParam<BadBlock> {};

TEST_P(BadUncertaintyTest, FailsAtItsPosition) {
  const BadBlock& bad = GetParam();
  const ScenarioError error = error_of(bad.lines);
  const std::string message = error.what();
  EXPECT_EQ(error.line, bad.line) << message;
  EXPECT_EQ(error.column, bad.column) << message;
  EXPECT_EQ(error.field, bad.field) << message;
  EXPECT_NE(message.find(bad.message_part), std::string::npos) << message;
  EXPECT_EQ(error.hint, bad.hint) << message;
}

/// `uncertainty.providers.gmail.ranges` holding `ranges` (on line 21, at column 15).
std::string gmail_ranges(const std::string& ranges) {
  return "uncertainty:\n"
         "  providers:\n"
         "    gmail:\n"
         "      ranges: " +
         ranges + "\n";
}

const std::string kRanges = "uncertainty.providers.gmail.ranges.";

INSTANTIATE_TEST_SUITE_P(
    Errors, BadUncertaintyTest,
    ::testing::Values(
        BadBlock{"not_a_mapping", "uncertainty: 64\n", 18, 14, "uncertainty", "is a value", ""},
        BadBlock{"unknown_key", "uncertainty: {worlsd: 64}\n", 18, 15, "uncertainty.worlsd",
                 "unknown key 'worlsd'", "worlds"},
        BadBlock{"zero_worlds", "uncertainty: {worlds: 0}\n", 18, 23, "uncertainty.worlds", "'0' is zero",
                 ""},
        BadBlock{"too_many_worlds", "uncertainty: {worlds: 10001}\n", 18, 23, "uncertainty.worlds",
                 "too large", ""},
        BadBlock{"negative_seed", "uncertainty: {seed: -1}\n", 18, 21, "uncertainty.seed", "-1", ""},
        BadBlock{"undeclared_provider", "uncertainty:\n  providers:\n    gmial: {}\n", 20, 5,
                 "uncertainty.providers.gmial", "'gmial' is not a declared provider", "gmail"},
        BadBlock{"generic_provider", "uncertainty:\n  providers:\n    other: {}\n", 20, 5,
                 "uncertainty.providers.other", "has the generic profile", ""},
        BadBlock{"unknown_provider_key", "uncertainty:\n  providers:\n    gmail: {vray: listed}\n", 20, 13,
                 "uncertainty.providers.gmail.vray", "unknown key 'vray'", "vary"},
        BadBlock{"bad_vary", "uncertainty:\n  providers:\n    gmail: {vary: all}\n", 20, 19,
                 "uncertainty.providers.gmail.vary", "'all' is not one of the choices", ""},
        BadBlock{"listed_without_ranges", "uncertainty:\n  providers:\n    gmail: {vary: listed}\n", 20, 19,
                 "uncertainty.providers.gmail.vary", "ranges gives no parameter a range", ""},
        BadBlock{"listed_with_only_fixed",
                 "uncertainty:\n  providers:\n    gmail: {vary: listed, ranges: {quota_burst: fixed}}\n", 20,
                 19, "uncertainty.providers.gmail.vary", "ranges gives no parameter a range", ""},
        BadBlock{"ranges_not_a_mapping", gmail_ranges("[quota_burst]"), 21, 15,
                 "uncertainty.providers.gmail.ranges", "is a list", ""},
        BadBlock{"unknown_param", gmail_ranges("{quota_flor_medium: fixed}"), 21, 16,
                 kRanges + "quota_flor_medium", "unknown parameter 'quota_flor_medium'",
                 "quota_floor_medium"},
        BadBlock{"published_param", gmail_ranges("{spam_rate_bad: {low: 0.002, high: 0.004}}"), 21, 16,
                 kRanges + "spam_rate_bad",
                 "is published (published: never reach 0.30%); published figures never vary", ""},
        BadBlock{"switch", gmail_ranges("{quota_enabled: fixed}"), 21, 16, kRanges + "quota_enabled",
                 "is an on/off switch; set it in params", ""},
        BadBlock{"pinned_param", gmail_ranges("{quota_floor_high: {low: 5000, high: 9000}}"), 21, 16,
                 kRanges + "quota_floor_high",
                 "is pinned at '8000' by providers.gmail.params; remove it there to vary it", ""},
        BadBlock{"neither_fixed_nor_range", gmail_ranges("{quota_burst: 2h}"), 21, 29,
                 kRanges + "quota_burst", "'2h' is neither fixed nor a range", ""},
        BadBlock{"missing_high", gmail_ranges("{quota_burst: {low: 2h}}"), 21, 29,
                 kRanges + "quota_burst.high", "is missing", ""},
        BadBlock{"unknown_range_key", gmail_ranges("{quota_burst: {low: 2h, hihg: 3h}}"), 21, 39,
                 kRanges + "quota_burst.hihg", "unknown key 'hihg'", "high"},
        BadBlock{"end_of_wrong_type", gmail_ranges("{quota_burst: {low: 2h, high: 3}}"), 21, 45,
                 kRanges + "quota_burst.high", "has no unit", ""},
        BadBlock{"low_above_high", gmail_ranges("{quota_floor_medium: {low: 5000, high: 1000}}"), 21, 54,
                 kRanges + "quota_floor_medium.high", "is below low", ""},
        BadBlock{"duration_low_above_high", gmail_ranges("{quota_burst: {low: 1d, high: 23h}}"), 21, 45,
                 kRanges + "quota_burst.high", "is below low", ""},
        BadBlock{"distribution_kinds_differ",
                 gmail_ranges("{complaint_delay: {low: 1h, high: {kind: exponential, mean: 4h}}}"), 21, 49,
                 kRanges + "complaint_delay.high", "is a distribution of another kind than low", ""},
        BadBlock{"distribution_medians_out_of_order",
                 gmail_ranges("{complaint_delay: {low: {kind: exponential, mean: 4h}, "
                              "high: {kind: exponential, mean: 1h}}}"),
                 21, 76, kRanges + "complaint_delay.high", "is below low", ""},
        BadBlock{"log_scale_through_zero",
                 gmail_ranges("{engagement_bonus_max: {low: 0, high: 0.2, scale: log}}"), 21, 44,
                 kRanges + "engagement_bonus_max.low", "is not > 0, which a log scale needs", ""},
        BadBlock{"tier_ranges_cross", gmail_ranges("{tier_medium_min: {low: 0.3, high: 0.6}}"), 21, 7,
                 "uncertainty.providers.gmail", "lets the tier thresholds cross in some world", ""},
        BadBlock{"bad_scale", gmail_ranges("{quota_burst: {low: 1h, high: 2h, scale: logarithmic}}"), 21, 56,
                 kRanges + "quota_burst.scale", "'logarithmic' is not one of the choices", "log"}),
    [](const ::testing::TestParamInfo<BadBlock>& info) { return info.param.name; });

}  // namespace
}  // namespace delivsim
