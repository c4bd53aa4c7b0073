// Every assumed provider parameter has a plausible range whose ends a scenario can write.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>

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

}  // namespace
}  // namespace delivsim
