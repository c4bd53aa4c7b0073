// Every malformed fixture in bad/ fails with a ScenarioError at the expected place. The expectations live
// here, not in the fixtures, so a fixture cannot drift away from what it is meant to show.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "sim/scenario/scenario_loader.h"
#include "sim/scenario/value_syntax.h"
#include "tests/scenario_error_of.h"

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
    BadFixture{"suppress_misspelt_key.yaml", 13, 18, "traffic[0].list.suppress.hard_bounce",
               "unknown key 'hard_bounce'; expected one of hard_bounces, complainers, unengaged_after_sends "
               "(did you mean 'hard_bounces'?)"},
    BadFixture{"unknown_params_key.yaml", 16, 14, "providers.gmail.params.max_conections_per_ip",
               "(did you mean 'max_connections_per_ip'?)"},
    BadFixture{"unknown_profile.yaml", 13, 20, "providers.gmail.profile",
               "'gmial' is not one of the choices; expected gmail or microsoft or yahoo or generic (did you "
               "mean 'gmail'?)"},
    BadFixture{
        "legacy_texts_for_generic.yaml", 14, 58, "providers.other.reply_texts",
        "'legacy' is for the gmail or microsoft or yahoo profile only; expected current (a generic provider "
        "has one set of texts)"},
    BadFixture{"aligned_not_bool.yaml", 4, 42, "identities.domains[0].aligned",
               "'yes please' is not true or false"},
    BadFixture{"bad_distribution_kind.yaml", 17, 31, "providers.gmail.params.complaint_delay.kind",
               "'gaussian' is not one of the choices; expected constant or exponential or lognormal"},
    // Types and ranges
    BadFixture{"string_for_int.yaml", 14, 19, "sender.defaults.max_smtp_out", "'five' is not a whole number"},
    BadFixture{"quoted_number.yaml", 11, 28, "traffic[0].campaign.recipients", "in quotes"},
    BadFixture{"huge_recipients.yaml", 11, 28, "traffic[0].campaign.recipients", "'1e30' is too large"},
    BadFixture{"integer_overflow.yaml", 11, 28, "traffic[0].campaign.recipients", "is too large"},
    BadFixture{"negative_seed.yaml", 2, 7, "seed", "'-1' is negative"},
    BadFixture{"seed_fraction.yaml", 2, 7, "seed", "'2.5' is not a whole number"},
    BadFixture{"seed_too_large.yaml", 2, 7, "seed", "'18446744073709551616' is too large"},
    BadFixture{"seed_exponent_too_large.yaml", 2, 7, "seed", "'1e20' is too large"},
    BadFixture{"name_too_long.yaml", 2, 7, "name",
               "is 129 characters long, over 128 (it names the output folder)"},
    BadFixture{"nan_share.yaml", 12, 32, "traffic[0].list.unknown_user_share", "'.nan' is not finite"},
    BadFixture{"zero_connections.yaml", 14, 19, "sender.defaults.max_smtp_out", "'0' is zero"},
    BadFixture{"negative_rate.yaml", 14, 19, "sender.defaults.max_msg_rate", "'-5/h' is negative"},
    BadFixture{"zero_rate.yaml", 11, 20, "traffic[0].stream.rate", "'0/h' is zero"},
    BadFixture{"rate_too_slow.yaml", 14, 19, "sender.defaults.max_msg_rate",
               "'1e-16/s' is too slow: its period (1 / rate) is over 2^62 milliseconds"},
    BadFixture{"stream_rate_too_slow.yaml", 11, 20, "traffic[0].stream.rate", "'1e-13/d' is too slow"},
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
    BadFixture{"suppress_on_campaign.yaml", 13, 17, "traffic[0].list.suppress",
               "is set for a campaign, which mails each recipient once (nothing to suppress); expected "
               "suppress on a stream's list"},
    BadFixture{"suppress_unengaged_too_many.yaml", 13, 61, "traffic[0].list.suppress.unengaged_after_sends",
               "'300' is too large"},
    BadFixture{"suppress_not_bool.yaml", 14, 22, "traffic[0].list.suppress.complainers",
               "'yes please' is not true or false"},
    BadFixture{"shares_not_summing.yaml", 12, 14, "traffic[0].domains", "the shares sum to 0.9, not 1"},
    BadFixture{"stream_until_before_from.yaml", 11, 43, "traffic[0].stream.until", "'1d' is not after from"},
    BadFixture{"campaign_past_the_end.yaml", 12, 48, "traffic[0].campaign.over",
               "ends after the scenario's end"},
    BadFixture{"bad_regex.yaml", 15, 17, "sender.defaults.patterns[0].regex", "'421 (4.7' does not compile"},
    BadFixture{"regex_backreference.yaml", 15, 17, "sender.defaults.patterns[0].regex",
               "does not compile: invalid escape sequence: \\1; expected an RE2 regular expression"},
    BadFixture{"regex_lookahead.yaml", 15, 17, "sender.defaults.patterns[0].regex",
               "does not compile: invalid perl operator: (?="},
    // Names that must be declared, unique or valid
    BadFixture{"unknown_pool.yaml", 9, 11, "traffic[0].pool",
               "'mian' is not a declared pool; expected one of main (did you mean 'main'?)"},
    BadFixture{"unknown_domain.yaml", 10, 18, "traffic[0].dkim_domain", "(did you mean 'example.com'?)"},
    BadFixture{"unknown_destination.yaml", 14, 5, "sender.destinations.gmial",
               "'gmial' is not a declared provider; expected one of gmail, microsoft, yahoo, other (did you "
               "mean 'gmail'?)"},
    BadFixture{"unknown_destination_pool.yaml", 14, 19, "sender.destinations.gmail.pool",
               "'mian' is not a declared pool; expected one of main (did you mean 'main'?)"},
    BadFixture{"pool_in_sender_defaults.yaml", 13, 20, "sender.defaults.pool",
               "routes one provider's mail, so it has no place in sender.defaults"},
    BadFixture{"idle_timeout_too_long.yaml", 13, 28, "sender.defaults.idle_timeout",
               "'2h' is longer than an hour; expected a duration of 0 to 1h"},
    BadFixture{"duplicate_ip.yaml", 3, 41, "identities.ips[1].address", "'192.0.2.1' is declared twice"},
    BadFixture{"invalid_ip.yaml", 3, 19, "identities.ips[0].address", "'192.0.2.300' is not an IP address"},
    BadFixture{"domain_claimed_twice.yaml", 14, 44, "providers.other.domains[1]",
               "'gmail.com' is already hosted by provider 'gmail'"},
    BadFixture{"unrouted_domain.yaml", 12, 15, "traffic[0].domains.yahoo.com",
               "'yahoo.com' is not hosted by any provider"},
    // Batch keys: replications, strategies, sweeps, objectives, statistic functions and uncertainty
    BadFixture{"zero_replications.yaml", 12, 15, "replications", "'0' is zero"},
    BadFixture{"strategy_misspelt_path.yaml", 15, 14, "sender.destinatons",
               "unknown key 'destinatons' (in strategy 'fast'); expected one of mta, defaults, destinations, "
               "cold_ips (did you mean 'destinations'?)"},
    BadFixture{"sweep_bad_value.yaml", 14, 17, "sender.destinations.gmail.max_smtp_out", "'-1' is negative"},
    BadFixture{"objective_unknown_figure.yaml", 15, 13, "objective.minimize",
               "unknown provider figure 'time_to_drian_s'"},
    BadFixture{"unknown_statistic.yaml", 13, 5, "expect[0]",
               "unknown function 'p96'; expected one of mean, min, max, p5, p50, p95"},
    BadFixture{"uncertainty_pinned_param.yaml", 19, 9,
               "uncertainty.providers.gmail.ranges.quota_floor_medium",
               "is pinned at '3000' by providers.gmail.params; remove it there to vary it"}};

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

TEST(ScenarioErrorTest, QuotedValuesAreCutToAReadableLength) {
  EXPECT_EQ(quote_value("short"), "'short'");
  EXPECT_EQ(quote_value(std::string(80, 'a')), "'" + std::string(80, 'a') + "'");
  EXPECT_EQ(quote_value(std::string(81, 'a')), "'" + std::string(80, 'a') + "...' (81 bytes)");
  // A cut never splits a UTF-8 character: "é" is two bytes, the 80th byte would be the first of one.
  EXPECT_EQ(quote_value(std::string(79, 'a') + "\u00e9\u00e9"),
            "'" + std::string(79, 'a') + "...' (83 bytes)");
  EXPECT_EQ(shorten("abc", 3), "abc");
  EXPECT_EQ(shorten("abcd", 3), "abc... (4 bytes)");
}

/// The text of a minimal scenario whose `name:` is `name`.
std::string scenario_named(const std::string& name) {
  return "name: " + name +
         "\nidentities:\n  ips: [{address: 192.0.2.1}]\n  domains: [{name: example.com}]\npools:\n  main: "
         "[192.0.2.1]\ntraffic:\n  - {name: mail, pool: main, dkim_domain: example.com, campaign: "
         "{recipients: "
         "1}}\n";
}

// A 10 MiB name gave 20 MiB of stderr (the name in the problem, again in the expected text's echo).
TEST(ScenarioErrorTest, AHugeValueIsEchoedCut) {
  const ScenarioError error = testing::scenario_error_of(scenario_named(std::string(10 << 20, 'x') + "/"));
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.column, 7);
  EXPECT_LT(std::string(error.what()).size(), 400u) << error.what();
  EXPECT_NE(std::string(error.what()).find("xxx...' (10485761 bytes) is not a plain name"), std::string::npos)
      << error.what();
}

// A huge key becomes part of the dotted field path, and of the list of declared names in a message.
TEST(ScenarioErrorTest, EveryPartOfAMessageIsBounded) {
  const ScenarioError error("s.yaml", 1, 1, std::string(1 << 20, 'f'), std::string(1 << 20, 'p'),
                            std::string(1 << 20, 'e'), std::string(1 << 20, 'h'));
  EXPECT_LT(std::string(error.what()).size(), 4 * kMessagePartMaxBytes + 200);
  EXPECT_EQ(error.field, std::string(kMessagePartMaxBytes, 'f') + "... (1048576 bytes)");
}

TEST(ScenarioErrorTest, ANameThatFitsTheLimitNamesTheScenario) {
  const std::string name(kMaxPlainNameLength, 'n');
  EXPECT_EQ(parse_scenario(scenario_named(name), "t.yaml").name, name);
}

// A message keeps its segment in one byte: a 256th segment used to wrap to the first, silently.
TEST(ScenarioErrorTest, ASegmentPastTheLimitIsRefusedAtItsPosition) {
  std::string segments;
  for (std::size_t i = 0; i <= kMaxSegments; ++i)
    segments += "        - {name: s" + std::to_string(i) + ", share: 0.001}\n";
  const ScenarioError error = testing::scenario_error_of(
      "name: t\nidentities:\n  ips: [{address: 192.0.2.1}]\n  domains: [{name: example.com}]\npools:\n  "
      "main: "
      "[192.0.2.1]\ntraffic:\n  - name: mail\n    pool: main\n    dkim_domain: example.com\n    campaign: "
      "{recipients: 1}\n    list:\n      segments:\n" +
      segments);
  EXPECT_EQ(error.line, 14 + static_cast<int>(kMaxSegments));
  EXPECT_EQ(error.field, "traffic[0].list.segments[255]");
  EXPECT_NE(std::string(error.what()).find("is one segment too many; expected at most 255 segments"),
            std::string::npos)
      << error.what();
}

// A 32 KB pattern of 16,000 nested groups crashed validate and run (std::regex recursion, SIGSEGV).
TEST(ScenarioErrorTest, AHugeNestedRegexIsRefusedAtItsPosition) {
  const std::string pattern = std::string(16'000, '(') + "a" + std::string(16'000, ')');
  const ScenarioError error = testing::scenario_error_of(
      scenario_named("t") + "sender:\n  defaults:\n    patterns:\n      - {regex: '" + pattern +
      "', backoff: true}\n");
  EXPECT_EQ(error.line, 12);
  EXPECT_EQ(error.column, 17);
  EXPECT_EQ(error.field, "sender.defaults.patterns[0].regex");
  EXPECT_NE(
      std::string(error.what()).find("...' (32001 bytes) is 32001 bytes long, over the limit of 4096 bytes"),
      std::string::npos)
      << error.what();
}

/// A seed as written, and the value it must give.
struct SeedCase {
  std::string text;
  std::uint64_t seed;
};

class WholeNumberSeedTest : public ::testing::TestWithParam<SeedCase> {};

// docs/scenario-format.md lists 2e5 as a whole number, but `seed: 2e5` was refused.
TEST_P(WholeNumberSeedTest, ExponentFormIsReadExactly) {
  EXPECT_EQ(parse_scenario("seed: " + GetParam().text + "\n" + scenario_named("t"), "t.yaml").seed,
            GetParam().seed);
}

INSTANTIATE_TEST_SUITE_P(Seeds, WholeNumberSeedTest,
                         ::testing::Values(SeedCase{"2e5", 200'000}, SeedCase{"2E+5", 200'000},
                                           SeedCase{"1.5e3", 1'500}, SeedCase{"0.0", 0},
                                           SeedCase{"18446744073709551615", 18446744073709551615u},
                                           // 2^64 - 1 exactly: a double would have rounded it to 2^64
                                           SeedCase{"1.8446744073709551615e19", 18446744073709551615u}));

TEST(ScenarioErrorTest, ParseScenarioChecksTheTextToo) {
  EXPECT_THROW(parse_scenario(std::string("seed: 1\0", 8), "inline"), ScenarioError);
}

}  // namespace
}  // namespace delivsim
