// Expectations over replications: statistic functions (mean, min, max, p5, p50, p95) parse, suit their
// figures, and evaluate on hand-made runs; without a function every replication must pass.
#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <vector>

#include "sim/check/expectation_evaluate.h"
#include "sim/scenario/expectation.h"

namespace delivsim {
namespace {

/// One run whose gmail provider drained after `drain_s` (nullopt: never) and whose IP ended at `tier`.
RunResult run_with(std::optional<double> drain_s, Tier tier = Tier::High) {
  RunResult result;
  ProviderResult gmail;
  gmail.name = "gmail";
  gmail.time_to_drain_s = drain_s;
  gmail.max_queue = drain_s ? static_cast<std::int64_t>(*drain_s) : 0;
  result.providers = {gmail};
  result.identities = {{IdentityKind::Ip, "203.0.113.10", "gmail", tier, 0.9, 0.001, std::nullopt}};
  return result;
}

/// Runs draining after 1, 2, ..., n seconds.
std::vector<RunResult> one_to(int n) {
  std::vector<RunResult> runs;
  for (int i = 1; i <= n; ++i) runs.push_back(run_with(i));
  return runs;
}

ExpectationOutcome check(const std::string& text, const std::vector<RunResult>& runs) {
  return evaluate_expectation(parse_expectation(text), std::span<const RunResult>(runs));
}

TEST(ExpectationStatisticsTest, EachFunctionParses) {
  const std::vector<std::pair<std::string, Statistic>> functions = {
      {"mean", Statistic::Mean}, {"min", Statistic::Min}, {"max", Statistic::Max},
      {"p5", Statistic::P5},     {"p50", Statistic::P50}, {"p95", Statistic::P95}};
  for (const auto& [name, statistic] : functions) {
    const Expectation e = parse_expectation(name + "(providers.gmail.time_to_drain_s) < 86400");
    EXPECT_EQ(e.statistic, statistic) << name;
    EXPECT_EQ(e.figure.scope, FigureScope::Provider) << name;
    EXPECT_EQ(e.figure.field, "time_to_drain_s") << name;
    EXPECT_EQ(e.op, CompareOp::Less) << name;
    EXPECT_EQ(e.value, 86400) << name;
  }
  EXPECT_EQ(parse_expectation("providers.gmail.max_queue < 5").statistic, Statistic::Each);
  const Expectation spaced =
      parse_expectation("p95( providers.gmail.deferrals_by_reply[\"421 4.7.28\"] )  <=  3");
  EXPECT_EQ(spaced.statistic, Statistic::P95);
  EXPECT_EQ(spaced.figure.reply, "421 4.7.28");
  const Expectation parenthesis = parse_expectation("providers.gmail.bounces_by_reply[\"550 (x)\"] > 0");
  EXPECT_EQ(parenthesis.statistic, Statistic::Each);
  EXPECT_EQ(parenthesis.figure.reply, "550 (x)");
}

void expect_malformed(const std::string& text, const std::string& problem_part) {
  try {
    parse_expectation(text);
    ADD_FAILURE() << text << " parsed";
  } catch (const ExpectationSyntaxError& e) {
    EXPECT_NE(e.problem.find(problem_part), std::string::npos) << text << ": " << e.what();
  }
}

TEST(ExpectationStatisticsTest, BadFunctionsSayWhatIsAllowed) {
  try {
    parse_expectation("avg(providers.gmail.max_queue) < 5");
    ADD_FAILURE() << "avg parsed";
  } catch (const ExpectationSyntaxError& e) {
    EXPECT_EQ(e.problem, "unknown function 'avg'");
    EXPECT_EQ(e.expected.rfind("one of mean, min, max, p5, p50, p95", 0), 0u) << e.expected;
    EXPECT_EQ(e.unknown_name, "avg");
    EXPECT_EQ(e.allowed_names, (std::vector<std::string>{"mean", "min", "max", "p5", "p50", "p95"}));
  }
  expect_malformed("p95(providers.gmail.max_queue < 5", "has no closing ')'");
  expect_malformed("p95(providers.gmail.max_queue)x < 5", "has text after ')'");
  expect_malformed("p95(providers.gmail.max_quee) < 5", "unknown provider figure 'max_quee'");
  expect_malformed("p95() < 5", "unknown figure path ''");
  expect_malformed("p50(identities[ip=1.2.3.4].final_tier) >= LOW",
                   "a tier figure has no mean or percentile");
  expect_malformed("mean(identities[ip=1.2.3.4].final_tier) >= LOW",
                   "a tier figure has no mean or percentile");
  expect_malformed("p95(providers.gmail.time_to_drain_s) == null", "a statistic is never null");
  EXPECT_EQ(parse_expectation("min(identities[ip=1.2.3.4].final_tier) >= LOW").statistic, Statistic::Min);
  EXPECT_EQ(parse_expectation("max(identities[ip=1.2.3.4].final_tier) >= LOW").statistic, Statistic::Max);
}

TEST(ExpectationStatisticsTest, StatisticsOfOneToTwenty) {
  const std::vector<RunResult> runs = one_to(20);
  // Linear interpolation at rank q * (n - 1): p95 at 18.05 lies between 19 and 20.
  EXPECT_EQ(check("p95(providers.gmail.time_to_drain_s) < 86400", runs).actual, "19.05");
  EXPECT_TRUE(check("p95(providers.gmail.time_to_drain_s) <= 19.05", runs).passed);
  EXPECT_FALSE(check("p95(providers.gmail.time_to_drain_s) < 19.05", runs).passed);
  EXPECT_EQ(check("p5(providers.gmail.time_to_drain_s) > 0", runs).actual, "1.95");
  EXPECT_EQ(check("p50(providers.gmail.time_to_drain_s) > 0", runs).actual, "10.5");
  EXPECT_EQ(check("mean(providers.gmail.time_to_drain_s) > 0", runs).actual, "10.5");
  EXPECT_TRUE(check("mean(providers.gmail.time_to_drain_s) == 10.5", runs).passed);
  EXPECT_EQ(check("min(providers.gmail.max_queue) > 0", runs).actual, "1");
  EXPECT_EQ(check("max(providers.gmail.max_queue) > 0", runs).actual, "20");
  EXPECT_TRUE(check("max(providers.gmail.max_queue) <= 20", runs).passed);
  EXPECT_FALSE(check("max(providers.gmail.max_queue) < 20", runs).passed);
}

TEST(ExpectationStatisticsTest, NeverDrainedCountsAsInfinity) {
  std::vector<RunResult> runs = one_to(19);
  runs.push_back(run_with(std::nullopt));
  EXPECT_EQ(check("p95(providers.gmail.time_to_drain_s) < 86400", runs).actual, "inf");
  EXPECT_FALSE(check("p95(providers.gmail.time_to_drain_s) < 86400", runs).passed);
  EXPECT_TRUE(check("p95(providers.gmail.time_to_drain_s) > 1e300", runs).passed);
  EXPECT_EQ(check("max(providers.gmail.time_to_drain_s) > 0", runs).actual, "inf");
  EXPECT_EQ(check("mean(providers.gmail.time_to_drain_s) > 0", runs).actual, "inf");
  EXPECT_EQ(check("p50(providers.gmail.time_to_drain_s) > 0", runs).actual, "10.5");
  EXPECT_EQ(check("min(providers.gmail.time_to_drain_s) > 0", runs).actual, "1");
  runs.push_back(run_with(std::nullopt));  // 21 runs, two never drained: p95 at rank 19 is infinite
  EXPECT_EQ(check("p95(providers.gmail.time_to_drain_s) < 86400", runs).actual, "inf");
  // Between two infinite order statistics (rank 1.9 of 3) the percentile is infinite too.
  const std::vector<RunResult> mostly_never = {run_with(5), run_with(std::nullopt), run_with(std::nullopt)};
  EXPECT_EQ(check("p95(providers.gmail.time_to_drain_s) < 86400", mostly_never).actual, "inf");
  EXPECT_EQ(check("p50(providers.gmail.time_to_drain_s) < 86400", mostly_never).actual, "inf");
}

TEST(ExpectationStatisticsTest, AStatisticOfOneRunIsItsValue) {
  const RunResult never = run_with(std::nullopt);
  EXPECT_TRUE(
      evaluate_expectation(parse_expectation("p95(providers.gmail.time_to_drain_s) > 1e300"), never).passed);
  EXPECT_EQ(evaluate_expectation(parse_expectation("mean(providers.gmail.time_to_drain_s) > 0"), run_with(7))
                .actual,
            "7");
}

TEST(ExpectationStatisticsTest, TiersTakeMinAndMax) {
  const std::vector<RunResult> runs = {run_with(1, Tier::High), run_with(2, Tier::Low),
                                       run_with(3, Tier::Medium)};
  EXPECT_EQ(check("min(identities[ip=203.0.113.10].final_tier) >= MEDIUM", runs).actual, "LOW");
  EXPECT_FALSE(check("min(identities[ip=203.0.113.10].final_tier) >= MEDIUM", runs).passed);
  EXPECT_EQ(check("max(identities[ip=203.0.113.10].final_tier) >= MEDIUM", runs).actual, "HIGH");
  EXPECT_TRUE(check("max(identities[ip=203.0.113.10].final_tier) >= MEDIUM", runs).passed);
}

TEST(ExpectationStatisticsTest, WithoutAFunctionEveryReplicationMustPass) {
  const std::vector<RunResult> runs = one_to(20);
  const ExpectationOutcome passing = check("providers.gmail.time_to_drain_s <= 20", runs);
  EXPECT_TRUE(passing.passed);
  EXPECT_EQ(passing.actual, "1 .. 20");
  const ExpectationOutcome failing = check("providers.gmail.time_to_drain_s < 18", runs);
  EXPECT_FALSE(failing.passed);
  EXPECT_EQ(failing.actual, "18 in replication 18");
  std::vector<RunResult> with_null = one_to(2);
  with_null.push_back(run_with(std::nullopt));
  EXPECT_EQ(check("providers.gmail.time_to_drain_s != 5", with_null).actual, "null in replication 3");
  EXPECT_EQ(check("providers.gmail.time_to_drain_s == null", {run_with(std::nullopt), run_with(std::nullopt)})
                .actual,
            "null");
  EXPECT_EQ(check("providers.gmail.time_to_drain_s < 5", {run_with(3)}).actual, "3");
}

TEST(ExpectationStatisticsTest, AMissingFigureFailsNamingTheReplication) {
  std::vector<RunResult> runs = one_to(2);
  runs[1].providers.clear();
  EXPECT_EQ(check("p95(providers.gmail.time_to_drain_s) < 5", runs).actual, "missing in replication 2");
  EXPECT_FALSE(check("p95(providers.gmail.time_to_drain_s) < 5", runs).passed);
  EXPECT_EQ(check("providers.gmail.max_queue >= 0", runs).actual, "missing in replication 2");
}

}  // namespace
}  // namespace delivsim
