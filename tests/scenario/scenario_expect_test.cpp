// `expect:` in the scenario parser: expectations keep their text and position; malformed ones, or ones
// naming undeclared providers, traffic or identities, are ScenarioErrors at the string.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

std::string scenario_with(const std::string& expect_lines) {
  return "name: t\nduration: 1d\nidentities:\n  ips: [{address: 192.0.2.1}]\n  domains: [{name: "
         "example.com}]\n"
         "pools: {main: [192.0.2.1]}\ntraffic:\n  - name: news\n    pool: main\n    dkim_domain: "
         "example.com\n"
         "    campaign: {recipients: 10}\n    domains: {gmail.com: 1.0}\nexpect:\n" +
         expect_lines;
}
constexpr int kExpectLine = 14;  ///< the line of the first item in scenario_with

TEST(ScenarioExpectTest, KeepsTextAndPosition) {
  const Scenario scenario = parse_scenario(
      scenario_with(
          "  - providers.gmail.max_queue <= 50\n  - 'identities[ip=192.0.2.1].final_tier >= MEDIUM'\n"),
      "t.yaml");
  ASSERT_EQ(scenario.expectations.size(), 2u);
  EXPECT_EQ(scenario.expectations[0].text, "providers.gmail.max_queue <= 50");
  EXPECT_EQ(scenario.expectations[0].line, kExpectLine);
  EXPECT_EQ(scenario.expectations[0].column, 5);
  EXPECT_EQ(scenario.expectations[1].text, "identities[ip=192.0.2.1].final_tier >= MEDIUM");
  EXPECT_EQ(scenario.expectations[1].line, kExpectLine + 1);
  EXPECT_EQ(scenario.expectations[1].figure.scope, FigureScope::Identity);
}

TEST(ScenarioExpectTest, NoExpectMeansNoExpectations) {
  EXPECT_TRUE(parse_scenario(scenario_with("  []\n"), "t.yaml").expectations.empty());
}

void expect_error(const std::string& item, const std::string& message_part) {
  try {
    parse_scenario(scenario_with(item), "t.yaml");
    ADD_FAILURE() << item << " was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line, kExpectLine) << e.what();
    EXPECT_EQ(e.field, "expect[0]") << e.what();
    EXPECT_NE(std::string(e.what()).find(message_part), std::string::npos) << e.what();
  }
}

TEST(ScenarioExpectTest, MalformedExpectationIsAnErrorAtTheString) {
  expect_error("  - providers.gmail.max_queue =< 5\n",
               "t.yaml:14:5: error: expect[0]: unknown operator '=<'");
  expect_error("  -   totals.delivered >= many\n", "t.yaml:14:7:");
  expect_error("  - providers.gmail.max_queu < 5\n", "unknown provider figure 'max_queu'");
  expect_error("  - providers.gmial.max_queue < 5\n", "'gmial' is not a declared provider");
  expect_error("  - traffic.newz.delivered > 0\n", "'newz' is not a declared traffic");
  expect_error("  - identities[ip=192.0.2.9].final_score > 0\n", "'192.0.2.9' is not a declared ip");
  expect_error("  - identities[dkim=example.com,provider=aol].final_score > 0\n", "'aol' is not a declared");
  expect_error("  - {figure: x}\n", "expect[0]");
  expect_error("  - p96(providers.gmail.time_to_drain_s) < 86400\n",
               "unknown function 'p96'; expected one of mean, min, max, p5, p50, p95");
  expect_error("  - maen(providers.gmail.max_queue) < 5\n", "(did you mean 'mean'?)");
  expect_error("  - p96(providers.gmail.time_to_drain_s) < 86400\n", "(did you mean 'p95'?)");
  expect_error("  - mean(identities[ip=192.0.2.1].final_tier) >= LOW\n", "a tier figure has no mean");
}

TEST(ScenarioExpectTest, StatisticFunctionsKeepTheirStatistic) {
  const Scenario scenario =
      parse_scenario(scenario_with("  - p95(providers.gmail.time_to_drain_s) < 86400\n"
                                   "  - min(identities[ip=192.0.2.1].final_tier) >= MEDIUM\n"),
                     "t.yaml");
  ASSERT_EQ(scenario.expectations.size(), 2u);
  EXPECT_EQ(scenario.expectations[0].statistic, Statistic::P95);
  EXPECT_EQ(scenario.expectations[0].text, "p95(providers.gmail.time_to_drain_s) < 86400");
  EXPECT_EQ(scenario.expectations[1].statistic, Statistic::Min);
}

}  // namespace
}  // namespace delivsim
