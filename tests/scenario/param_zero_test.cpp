// A scenario may write 0 for exactly the parameters where 0 turns the mechanism off (ParamInfo's
// zero_means_none: "0: none", docs/model.md section 6); every other whole number and duration must be > 0.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>

#include "sim/scenario/param_value.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

// The microsoft profile: its max_connections_per_sender (500), max_messages_per_connection (100) and
// greylist_auto_whitelist_after (5) are not 0 by default, so reading 0 changes them.
constexpr const char* kScenario =
    "name: zero\nduration: 1d\nidentities:\n  ips: [{address: 192.0.2.1}]\n  domains: [{name: example.com}]\n"
    "pools: {main: [192.0.2.1]}\nproviders:\n  p: {profile: microsoft, domains: [\"*\"]}\ntraffic:\n"
    "  - name: t\n    pool: main\n    dkim_domain: example.com\n    campaign: {recipients: 10, at: 1h}\n"
    "    domains: {example.net: 1.0}\n";

std::string set_zero(std::string_view name) {
  return "providers.p.params." + std::string(name) + "=0";
}

TEST(ParamZero, TheParametersWhereZeroMeansNoneReadZero) {
  int zero_params = 0;
  const ReceiverParams defaults;
  visit_receiver_params(defaults, [&](const ParamInfo& info, const auto&) {
    if (!info.zero_means_none) return;
    ++zero_params;
    const Scenario scenario = parse_scenario(kScenario, "zero.yaml", {set_zero(info.name)});
    const ParamValue value = *param_value_of(scenario.providers[0].params, info.name);
    EXPECT_EQ(param_number(value), 0.0) << info.name;
  });
  EXPECT_EQ(zero_params, 4);  // the two connection limits, the greylist's auto-whitelist, auth_reject_after
}

TEST(ParamZero, OtherWholeNumbersAndDurationsRejectZero) {
  const ReceiverParams defaults;
  visit_receiver_params(defaults, [&](const ParamInfo& info, const auto& field) {
    using T = std::decay_t<decltype(field)>;
    if (info.zero_means_none || !(std::is_same_v<T, int> || std::is_same_v<T, Duration>)) return;
    EXPECT_THROW(parse_scenario(kScenario, "zero.yaml", {set_zero(info.name)}), ScenarioError) << info.name;
  });
}

}  // namespace
}  // namespace delivsim
