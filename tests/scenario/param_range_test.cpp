// Every assumed provider parameter has a plausible range whose ends a scenario can write.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>

#include "models/provider_profile.h"
#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

constexpr const char* kGmailScenario =
    "name: ranges\nduration: 1d\nidentities:\n  ips: [{address: 192.0.2.1}]\n  domains: [{name: "
    "example.com}]\n"
    "pools: {main: [192.0.2.1]}\ntraffic:\n  - name: t\n    pool: main\n    dkim_domain: example.com\n"
    "    campaign: {recipients: 10, at: 1h}\n    domains: {gmail.com: 1.0}\n";

TEST(ParamRangeTest, EveryAssumptionButSwitchesHasARangeAndPublishedFiguresHaveNone) {
  ReceiverParams params;
  visit_receiver_params(params, [&](const ParamInfo& info, const auto& field) {
    const bool is_switch = std::is_same_v<std::decay_t<decltype(field)>, bool>;
    if (info.published || is_switch) {
      EXPECT_TRUE(info.low.empty() && info.high.empty()) << info.name;
    } else {
      EXPECT_FALSE(info.low.empty() || info.high.empty()) << info.name << " has no plausible range";
    }
  });
}

TEST(ParamRangeTest, EachRangeEndIsAValueTheScenarioAccepts) {
  ReceiverParams params;
  visit_receiver_params(params, [&](const ParamInfo& info, const auto&) {
    for (std::string_view end : {info.low, info.high}) {
      if (end.empty()) continue;
      const std::string set = "providers.gmail.params." + std::string(info.name) + "=" + std::string(end);
      EXPECT_NO_THROW(parse_scenario(kGmailScenario, "ranges.yaml", {set})) << set;
    }
  });
}

TEST(ParamRangeTest, EachProfilesRangeEndIsAValueTheScenarioAccepts) {
  // A profile's param_flags amend ParamInfo's ranges (models/provider_profile.h): their ends must parse too.
  for (const ProviderProfile& profile : provider_profiles()) {
    const std::string scenario =
        "name: ranges\nduration: 1d\nidentities:\n  ips: [{address: 192.0.2.1}]\n  domains: [{name: "
        "example.com}]\npools: {main: [192.0.2.1]}\nproviders:\n  p: {profile: " +
        profile.name +
        ", domains: [example.net]}\ntraffic:\n  - name: t\n    pool: main\n    dkim_domain: example.com\n"
        "    campaign: {recipients: 10, at: 1h}\n    domains: {example.net: 1.0}\n";
    for (const ParamFlag& flag : profile.param_flags) {
      for (std::string_view end : {flag.low, flag.high}) {
        if (end.empty()) continue;
        const std::string set = "providers.p.params." + std::string(flag.name) + "=" + std::string(end);
        EXPECT_NO_THROW(parse_scenario(scenario, "ranges.yaml", {set})) << profile.name << " " << set;
      }
    }
  }
}

TEST(ParamRangeTest, DocsModelShowsEachRangeInTheParameterTable) {
  std::ifstream in(std::string(DELIVSIM_SOURCE_DIR) + "/docs/model.md");
  ASSERT_TRUE(in) << "docs/model.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  ReceiverParams params;
  visit_receiver_params(params, [&](const ParamInfo& info, const auto&) {
    const std::string range =
        info.low.empty() ? "—" : "`" + std::string(info.low) + "` – `" + std::string(info.high) + "`";
    const std::string row = "| `" + std::string(info.name) + "` |";
    const std::size_t at = text.str().find(row, text.str().find("## 6. Receiver parameters"));
    ASSERT_NE(at, std::string::npos) << info.name << " has no row in docs/model.md section 6";
    const std::string line = text.str().substr(at, text.str().find('\n', at) - at);
    EXPECT_NE(line.find(" | " + range + " | "), std::string::npos)
        << info.name << ": expected range " << range;
  });
}

}  // namespace
}  // namespace delivsim
