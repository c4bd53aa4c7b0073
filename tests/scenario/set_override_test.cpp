// `--set path=VALUE` overrides: applied before validation, so they are checked like the file's own keys.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const std::string kGoodDir = std::string(DELIVSIM_SOURCE_DIR) + "/tests/scenario/good/";

Scenario load_minimal(const std::vector<std::string>& overrides) {
  return load_scenario(kGoodDir + "minimal.yaml", overrides);
}

TEST(SetOverrideTest, ReplacesAScalar) {
  EXPECT_EQ(load_minimal({"seed=7"}).seed, 7u);
  EXPECT_EQ(load_minimal({"traffic[0].campaign.recipients=5000"}).traffic[0].campaign->recipients, 5000);
}

TEST(SetOverrideTest, LaterOverridesWin) {
  EXPECT_EQ(load_minimal({"seed=7", "seed=9"}).seed, 9u);
}

TEST(SetOverrideTest, CreatesMissingKeys) {
  const Scenario scenario = load_minimal({"sender.destinations.gmail.max_smtp_out=3"});
  ASSERT_EQ(scenario.destinations.size(), 1u);
  EXPECT_EQ(scenario.policy_for("gmail").max_smtp_out, 3);
  EXPECT_EQ(scenario.policy_for("other").max_smtp_out, 20);
}

TEST(SetOverrideTest, ReplacesAProviderParameter) {
  const Scenario scenario =
      load_scenario(kGoodDir + "full.yaml", {"providers.gmail.params.max_connections_per_ip=7"});
  EXPECT_EQ(scenario.providers[0].params.max_connections_per_ip, 7);
  EXPECT_FALSE(scenario.providers[0].params.quota_enabled);  // the file's other params stay
}

// The README's `--set providers.gmail.params.X=...` failed on a file without `providers:` ("profile is
// missing"): the override now adjusts the default provider, and the other default stays.
TEST(SetOverrideTest, AdjustsADefaultProviderOfAFileWithoutProviders) {
  const Scenario scenario = load_minimal({"providers.gmail.params.max_connections_per_ip=5"});
  const Scenario defaults = load_minimal({});
  ASSERT_EQ(scenario.providers.size(), defaults.providers.size());
  EXPECT_EQ(scenario.providers[0].name, "gmail");
  EXPECT_EQ(scenario.providers[0].params.max_connections_per_ip, 5);
  EXPECT_EQ(scenario.providers[0].domains, defaults.providers[0].domains);
  EXPECT_EQ(scenario.providers[0].profile->name, "gmail");
  for (std::size_t i = 1; i < defaults.providers.size(); ++i) {
    EXPECT_EQ(scenario.providers[i].name, defaults.providers[i].name);
    EXPECT_EQ(scenario.providers[i].domains, defaults.providers[i].domains);
    EXPECT_EQ(scenario.providers[i].params.max_connections_per_ip,
              defaults.providers[i].params.max_connections_per_ip);
  }
}

TEST(SetOverrideTest, AdjustingALaterDefaultProviderKeepsTheDefaultsOrder) {
  const Scenario scenario = load_minimal({"providers.other.domains=[example.org]"});
  ASSERT_EQ(scenario.providers.size(), 4u);
  EXPECT_EQ(scenario.providers[0].name, "gmail");
  EXPECT_EQ(scenario.providers[1].name, "microsoft");
  EXPECT_EQ(scenario.providers[2].name, "yahoo");
  EXPECT_EQ(scenario.providers[3].name, "other");
  EXPECT_EQ(scenario.providers[3].domains, std::vector<std::string>{"example.org"});
}

TEST(SetOverrideTest, TakesFlowListsAndMappings) {
  const Scenario scenario =
      load_minimal({"sender.defaults.retry.list=[15m,1h]", "sender.defaults.backoff={retry_after: 2h}"});
  EXPECT_EQ(scenario.sender_defaults.retry.offsets, (std::vector<Duration>{minutes(15), hours(1)}));
  EXPECT_EQ(scenario.sender_defaults.backoff.retry_after, hours(2));
}

TEST(SetOverrideTest, QuotedKeysMayContainDots) {
  const Scenario scenario = load_minimal({"traffic[0].domains.\"googlemail.com\"=1"});
  EXPECT_EQ(scenario.traffic[0].domain_mix,
            (std::vector<std::pair<std::string, double>>{{"googlemail.com", 1.0}}));
}

struct OverrideErrorCase {
  std::string label;
  std::vector<std::string> overrides;
  int line;
  int column;
  std::string field;
  std::string message_part;
  std::string hint;

  friend void PrintTo(const OverrideErrorCase& error_case, std::ostream* out) { *out << error_case.label; }
};

class SetOverrideErrorTest : public ::testing::TestWithParam<OverrideErrorCase> {};

TEST_P(SetOverrideErrorTest, FailsAtTheOverride) {
  const OverrideErrorCase& expected = GetParam();
  try {
    load_minimal(expected.overrides);
    FAIL() << "no error";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.file, "--set") << error.what();
    EXPECT_EQ(error.line, expected.line) << error.what();
    EXPECT_EQ(error.column, expected.column) << error.what();
    EXPECT_EQ(error.field, expected.field) << error.what();
    EXPECT_NE(std::string(error.what()).find(expected.message_part), std::string::npos) << error.what();
    EXPECT_EQ(error.hint, expected.hint) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SetOverrideErrorTest,
    ::testing::Values(
        OverrideErrorCase{"UnknownNestedKey",
                          {"sender.destinations.gmail.max_smtp_outs=3"},
                          1,
                          27,
                          "sender.destinations.gmail.max_smtp_outs",
                          "unknown key 'max_smtp_outs'",
                          "max_smtp_out"},
        OverrideErrorCase{
            "UnknownTopLevelKey", {"seed=2", "sedd=3"}, 2, 1, "sedd", "unknown key 'sedd'", "seed"},
        OverrideErrorCase{"UnknownParam",
                          {"providers.gmail.profile=gmail", "providers.gmail.domains=[gmail.com]",
                           "providers.gmail.params.max_connection_per_ip=5"},
                          3,
                          24,
                          "providers.gmail.params.max_connection_per_ip",
                          "unknown key",
                          "max_connections_per_ip"},
        OverrideErrorCase{
            "MisspeltDefaultProvider",
            {"providers.gmial.params.max_connections_per_ip=5"},
            1,
            11,
            "providers.gmial",
            "'gmial' has no profile and is not a default provider (gmail, microsoft, yahoo, other)",
            "gmail"},
        OverrideErrorCase{"DefaultProviderDomainTakenByANewOne",
                          {"providers.all.profile=generic", "providers.all.domains=['*']",
                           "providers.other.params.max_connections_per_ip=5"},
                          3,
                          11,
                          "providers.other.domains",
                          "'*' is already hosted by provider 'all'",
                          ""},
        OverrideErrorCase{"BadValue", {"seed=abc"}, 1, 6, "seed", "'abc' is not a whole number", ""},
        OverrideErrorCase{"BadListItem",
                          {"sender.defaults.retry.list=[1h, 15m]"},
                          1,
                          33,
                          "sender.defaults.retry.list[1]",
                          "retry list not increasing",
                          ""},
        OverrideErrorCase{"EmptyValue", {"seed="}, 1, 6, "seed", "has no value", ""},
        OverrideErrorCase{"NoEquals", {"seed"}, 1, 1, "", "has no '='", ""},
        OverrideErrorCase{"EmptyKey", {"sender..defaults=1"}, 1, 8, "sender", "empty", ""},
        OverrideErrorCase{"IndexPastTheEnd", {"traffic[3].name=x"}, 1, 8, "traffic", "has no item [3]", ""},
        OverrideErrorCase{"IndexOnAMap", {"pools[0]=x"}, 1, 6, "pools", "not a list", ""},
        OverrideErrorCase{
            "KeyBelowAScalar", {"seed=3", "seed.value=1"}, 2, 6, "seed", "has no key 'value'", ""},
        OverrideErrorCase{"YamlSyntax", {"seed=[1,"}, 1, 6, "", "valid YAML", ""}),
    [](const ::testing::TestParamInfo<OverrideErrorCase>& info) { return info.param.label; });

}  // namespace
}  // namespace delivsim
