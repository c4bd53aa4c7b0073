// Every malformed fixture in bad/ fails with a ScenarioError at the expected place. The expectations live
// here, not in the fixtures, so a fixture cannot drift away from what it is meant to show.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

const std::string kBadDir = std::string(DELIVSIM_SOURCE_DIR) + "/tests/scenario/bad/";

struct BadFixture {
  std::string file;  ///< in tests/scenario/bad/
  int line;
  int column;
  std::string field;
  std::string message_part;  ///< a substring of what()

  friend void PrintTo(const BadFixture& fixture, std::ostream* out) { *out << fixture.file; }
};

std::string test_name(const ::testing::TestParamInfo<BadFixture>& info) {
  std::string name = info.param.file.substr(0, info.param.file.find('.'));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class BadScenarioTest : public ::testing::TestWithParam<BadFixture> {};

TEST_P(BadScenarioTest, FailsWithAPositionedScenarioError) {
  const BadFixture& expected = GetParam();
  const std::string path = kBadDir + expected.file;
  try {
    load_scenario(path);
    FAIL() << expected.file << " was accepted";
  } catch (const ScenarioError& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.file, path);
    EXPECT_EQ(error.line, expected.line) << message;
    EXPECT_EQ(error.column, expected.column) << message;
    EXPECT_EQ(error.field, expected.field) << message;
    EXPECT_NE(message.find(expected.message_part), std::string::npos) << message;
    EXPECT_EQ(message.rfind(path + ":" + std::to_string(expected.line) + ":", 0), 0u) << message;
  } catch (const std::exception& error) {
    FAIL() << "not a ScenarioError: " << error.what();
  }
}

const std::vector<BadFixture> kBadFixtures{
    // The file itself
    BadFixture{"does_not_exist.yaml", 0, 0, "", "no such file"},
    BadFixture{"directory.yaml", 0, 0, "", "is a directory"},
    BadFixture{"binary_garbage.yaml", 1, 1, "", "not valid UTF-8"},
    BadFixture{"nul_byte.yaml", 2, 8, "", "NUL byte"},
    BadFixture{"invalid_utf8.yaml", 2, 17, "", "not valid UTF-8"},
    BadFixture{"empty_file.yaml", 1, 1, "", "the scenario is empty"},
    // YAML structure (yaml-cpp notices the unclosed '{' only at the end of the text)
    BadFixture{"yaml_syntax.yaml", 12, 1, "", "end of map flow not found; expected valid YAML"},
    BadFixture{"duplicate_key.yaml", 13, 1, "seed", "duplicate key 'seed'"},
    BadFixture{"recursive_alias.yaml", 2, 21, "description[0]", "an alias refers to a node that contains it"},
    // 64 levels counting the top-level mapping: the 64th '[' is one too many
    BadFixture{"deep_nesting.yaml", 2, 77, "description", "nesting is too deep"},
    BadFixture{"alias_bomb.yaml", 17, 8, "f", "has too many nodes"},
    BadFixture{"second_document.yaml", 12, 1, "", "the YAML document ends here but text follows"},
    BadFixture{"stray_comma.yaml", 3, 1, "", "end of map not found"},
    BadFixture{"top_level_list.yaml", 2, 1, "", "is a list; expected a mapping"},
    // Unknown keys, with hints
    BadFixture{"misspelt_top_level_key.yaml", 7, 1, "traffik",
               "unknown key 'traffik'; expected one of name, description"},
    BadFixture{"misspelt_nested_key.yaml", 15, 7, "sender.destinations.gmail.max_smtp_outs",
               "(did you mean 'max_smtp_out'?)"},
    BadFixture{"unknown_params_key.yaml", 16, 14, "providers.gmail.params.max_conections_per_ip",
               "(did you mean 'max_connections_per_ip'?)"},
    BadFixture{"unknown_profile.yaml", 13, 20, "providers.gmail.profile",
               "'gmial' is not one of the choices; expected gmail or generic (did you mean 'gmail'?)"},
    BadFixture{"bad_distribution_kind.yaml", 17, 31, "providers.gmail.params.complaint_delay.kind",
               "'gaussian' is not one of the choices; expected constant or exponential or lognormal"},
    // Types and ranges
    BadFixture{"string_for_int.yaml", 14, 19, "sender.defaults.max_smtp_out", "'five' is not a whole number"},
    BadFixture{"quoted_number.yaml", 11, 28, "traffic[0].campaign.recipients", "in quotes"},
    BadFixture{"huge_recipients.yaml", 11, 28, "traffic[0].campaign.recipients", "'1e30' is too large"},
    BadFixture{"integer_overflow.yaml", 11, 28, "traffic[0].campaign.recipients", "is too large"},
    BadFixture{"negative_seed.yaml", 2, 7, "seed", "'-1' is negative"},
    BadFixture{"nan_share.yaml", 12, 32, "traffic[0].list.unknown_user_share", "'.nan' is not finite"},
    BadFixture{"zero_connections.yaml", 14, 19, "sender.defaults.max_smtp_out", "'0' is zero"},
    BadFixture{"negative_rate.yaml", 14, 19, "sender.defaults.max_msg_rate", "'-5/h' is negative"},
    BadFixture{"zero_rate.yaml", 11, 20, "traffic[0].stream.rate", "'0/h' is zero"},
    BadFixture{"duration_overflow.yaml", 2, 11, "duration", "'99999999999999d' is too large"},
    BadFixture{"bad_duration_unit.yaml", 2, 11, "duration", "unknown unit 'days'"},
    BadFixture{"too_long.yaml", 2, 11, "duration", "longer than 400d"},
    BadFixture{"bad_start_date.yaml", 2, 8, "start", "has no day 30 in that month"},
    BadFixture{"exponential_factor_one.yaml", 14, 35, "sender.defaults.retry.exponential.factor",
               "'1' is too small; expected a number > 1"},
    BadFixture{"warmup_every_partial_day.yaml", 14, 40, "sender.defaults.warmup.rule.every",
               "not a whole number of days"},
    // Required and exclusive keys
    BadFixture{"empty_traffic.yaml", 7, 10, "traffic", "empty traffic"},
    BadFixture{"missing_pool.yaml", 8, 5, "traffic[0].pool", "is missing"},
    BadFixture{"campaign_and_stream.yaml", 12, 13, "traffic[0].stream", "given together with campaign"},
    BadFixture{"warm_ip_without_volume.yaml", 3, 9, "identities.ips[0].established_per_day", "is missing"},
    BadFixture{"new_ip_with_volume.yaml", 3, 51, "identities.ips[0].established_per_day",
               "given for a new identity"},
    BadFixture{"pattern_without_action.yaml", 15, 9, "sender.defaults.patterns[0]", "has no action"},
    BadFixture{"hold_for_without_limit.yaml", 15, 51, "sender.defaults.patterns[0].hold_for",
               "without max_smtp_out"},
    // Values checked against each other
    BadFixture{"retry_list_not_increasing.yaml", 14, 29, "sender.defaults.retry.list[2]",
               "retry list not increasing"},
    BadFixture{"shares_not_summing.yaml", 12, 14, "traffic[0].domains", "the shares sum to 0.9, not 1"},
    BadFixture{"stream_until_before_from.yaml", 11, 43, "traffic[0].stream.until", "'1d' is not after from"},
    BadFixture{"campaign_past_the_end.yaml", 12, 48, "traffic[0].campaign.over",
               "ends after the scenario's end"},
    BadFixture{"bad_regex.yaml", 15, 17, "sender.defaults.patterns[0].regex", "'421 (4.7' does not compile"},
    // Names that must be declared, unique or valid
    BadFixture{"unknown_pool.yaml", 9, 11, "traffic[0].pool",
               "'mian' is not a declared pool; expected one of main (did you mean 'main'?)"},
    BadFixture{"unknown_domain.yaml", 10, 18, "traffic[0].dkim_domain", "(did you mean 'example.com'?)"},
    BadFixture{"unknown_destination.yaml", 14, 5, "sender.destinations.gmial",
               "'gmial' is not a declared provider; expected one of gmail, other (did you mean 'gmail'?)"},
    BadFixture{"duplicate_ip.yaml", 3, 41, "identities.ips[1].address", "'192.0.2.1' is declared twice"},
    BadFixture{"invalid_ip.yaml", 3, 19, "identities.ips[0].address", "'192.0.2.300' is not an IP address"},
    BadFixture{"domain_claimed_twice.yaml", 14, 44, "providers.other.domains[1]",
               "'gmail.com' is already hosted by provider 'gmail'"},
    BadFixture{"unrouted_domain.yaml", 12, 15, "traffic[0].domains.yahoo.com",
               "'yahoo.com' is not hosted by any provider"},
    // Batch keys: replications, strategies, sweeps, objectives and statistic functions
    BadFixture{"zero_replications.yaml", 12, 15, "replications", "'0' is zero"},
    BadFixture{"strategy_misspelt_path.yaml", 15, 14, "sender.destinatons",
               "unknown key 'destinatons' (in strategy 'fast'); expected one of defaults, destinations "
               "(did you mean 'destinations'?)"},
    BadFixture{"sweep_bad_value.yaml", 14, 17, "sender.destinations.gmail.max_smtp_out", "'-1' is negative"},
    BadFixture{"objective_unknown_figure.yaml", 15, 13, "objective.minimize",
               "unknown provider figure 'time_to_drian_s'"},
    BadFixture{"unknown_statistic.yaml", 13, 5, "expect[0]",
               "unknown function 'p96'; expected one of mean, min, max, p5, p50, p95"}};

INSTANTIATE_TEST_SUITE_P(Fixtures, BadScenarioTest, ::testing::ValuesIn(kBadFixtures), test_name);

TEST(BadFixturesTest, EveryFileInBadHasExpectations) {
  for (const auto& entry : std::filesystem::directory_iterator(kBadDir)) {
    const std::string name = entry.path().filename().string();
    const auto listed = [&](const BadFixture& fixture) { return fixture.file == name; };
    EXPECT_TRUE(std::any_of(kBadFixtures.begin(), kBadFixtures.end(), listed)) << name << " is never loaded";
  }
}

TEST(ScenarioErrorTest, MessageHasTheDocumentedShape) {
  const ScenarioError error("s.yaml", 3, 7, "traffic[0].pool", "'mian' is not a declared pool", "one of main",
                            "main");
  EXPECT_STREQ(error.what(),
               "s.yaml:3:7: error: traffic[0].pool: 'mian' is not a declared pool; expected one of main "
               "(did you mean 'main'?)");
}

TEST(ScenarioErrorTest, ParseScenarioChecksTheTextToo) {
  EXPECT_THROW(parse_scenario(std::string("seed: 1\0", 8), "inline"), ScenarioError);
}

}  // namespace
}  // namespace delivsim
