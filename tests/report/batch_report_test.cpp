#include <gtest/gtest.h>

#include "sim/batch/replication_outputs.h"
#include "sim/batch/replications.h"
#include "sim/report/report.h"
#include "sim/report/report_error.h"
#include "tests/report/report_fixture.h"
#include "tests/report/xml_check.h"

namespace delivsim::report {
namespace {

using testing::fresh_test_dir;
using testing::write_file;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void expect_well_formed_svgs(const std::string& html, std::size_t count) {
  const std::vector<std::string> svgs = testing::svg_elements(html);
  EXPECT_EQ(svgs.size(), count);
  for (const std::string& svg : svgs) EXPECT_EQ(testing::xml_problem(svg), "") << svg.substr(0, 200);
}

TEST(ReplicationReportTest, ShowsMeansWithPercentilesAndBands) {
  const Scenario scenario = parse_scenario(testing::small_report_scenario().text(), "small.yaml");
  const std::vector<RunResult> replications = run_replications(scenario, 3, 1);
  const std::filesystem::path dir = fresh_test_dir() / "reps";
  write_replication_outputs(replications, dir, false);
  const std::string html = report_html(dir);
  EXPECT_TRUE(contains(html, "3 replications (seeds " + std::to_string(replications[0].seed) + ", "));
  EXPECT_TRUE(contains(html, "<div class=\"detail\">p5–p95: ")) << "no p5-p95 under the headline figures";
  for (const char* id :
       {"chart-queue", "chart-attempts", "chart-reputation-p", "chart-spam-rate-p", "chart-quota-p"}) {
    EXPECT_TRUE(contains(html, std::string("id=\"") + id + "\"")) << id;
  }
  EXPECT_TRUE(contains(html, "fill-opacity=\"0.20\"")) << "no p5-p95 band";
  expect_well_formed_svgs(html, 5);
}

TEST(ReplicationReportTest, AggregateWithoutReplicationFoldersIsReportInputError) {
  const std::filesystem::path dir = fresh_test_dir();
  write_file(dir / "summary.json", "{\"kind\": \"replications\", \"replications\": 2}");
  write_file(dir / "timeseries_bands.csv", "t_s\n0\n");
  EXPECT_THROW(report_html(dir), ReportInputError);
}

/// A compare folder by the contract in docs/batch-outputs.md: two strategies (the second's name hostile),
/// each a single-run folder written by write_run_outputs; `fast` is the first strategy's scenario.
std::filesystem::path write_compare_fixture(
    const testing::SmallScenario& fast = testing::small_report_scenario()) {
  const std::filesystem::path dir = fresh_test_dir() / "compare";
  testing::SmallScenario slow = fast;
  slow.destination = "{max_smtp_out: 1, max_msg_rate: 200/h}";
  write_run_outputs(fast.run(), dir / "fast", false);
  write_run_outputs(slow.run(), dir / "slow<&>", false);
  write_file(dir / "compare.json", R"json({
  "schema_version": 1, "kind": "compare", "scenario": "small", "seed": 9, "replications": 2,
  "figures": [{"key": "delivered_share", "label": "Delivered share", "better": "higher"},
              {"key": "time_to_drain_s", "label": "Time to drain (s)", "better": "lower"}],
  "strategies": [
    {"name": "fast", "settings": {}, "figures": {"delivered_share": {"mean": 0.95, "sd": 0.01, "values": [0.94, 0.96]},
                                                 "time_to_drain_s": {"mean": 7200, "sd": 60, "values": [7140, 7260]}},
     "top_replies": {"421 4.7.0": 12.5}, "difference": null, "expectations": []},
    {"name": "slow<&>", "settings": {"sender.destinations.p.max_smtp_out": "1"},
     "figures": {"delivered_share": {"mean": 0.9, "sd": 0.02, "values": [0.88, 0.92]},
                 "time_to_drain_s": {"mean": null, "sd": null, "values": [null, 36000]}},
     "top_replies": {}, "difference": {"delivered_share": {"mean": -0.05, "ci95_low": -0.07, "ci95_high": -0.03}},
     "expectations": [{"text": "totals.delivered_share > 0.95", "passed": false, "actual": "0.9"}]}
  ],
  "best": {"delivered_share": "fast", "time_to_drain_s": "fast"}
})json");
  return dir;
}

TEST(CompareReportTest, SideBySideTableWithDifferencesBestMarksAndOverlays) {
  const std::string html = report_html(write_compare_fixture());
  EXPECT_TRUE(contains(html, "<table id=\"compare-table\">"));
  EXPECT_TRUE(contains(html, "<th>slow&lt;&amp;&gt;</th>"));
  EXPECT_TRUE(contains(html, "<td class=\"num best\">95.0% ± 1.0 pp ★</td>"));
  EXPECT_TRUE(contains(html, "90.0% ± 2.0 pp  (Δ −5.0 pp, 95% CI −7.0 pp to −3.0 pp)"));
  EXPECT_TRUE(contains(html, "<td class=\"num\">not drained</td>"));
  EXPECT_TRUE(contains(html, "sender.destinations.p.max_smtp_out = 1"));
  EXPECT_TRUE(contains(html, "421 4.7.0: 13"));
  EXPECT_TRUE(contains(html, "<td class=\"act\">FAIL</td>"));
  for (const char* id : {"chart-compare-queue", "chart-compare-deferral", "chart-compare-reputation"}) {
    EXPECT_TRUE(contains(html, std::string("id=\"") + id + "\"")) << id;
  }
  expect_well_formed_svgs(html, 3);
}

TEST(CompareReportTest, DeferralOverlayHasTheJudgedProvidersAlertLevels) {
  testing::SmallScenario scenario = testing::small_report_scenario();
  scenario.provider =
      "{profile: gmail, domains: [\"*\"], params: {max_connections_per_ip: 2, alert_unusual_share: 0.02, "
      "alert_act_share: 0.4}}";
  const std::string html = report_html(write_compare_fixture(scenario));
  const std::string deferral = html.substr(html.find("id=\"chart-compare-deferral\""));
  EXPECT_TRUE(contains(deferral, ">unusual above 2%<"));
  EXPECT_TRUE(contains(deferral, ">act above 40%<"));
  EXPECT_FALSE(contains(deferral, ">unusual above 5%<"));
}

TEST(CompareReportTest, MissingStrategyFolderIsReportInputError) {
  const std::filesystem::path dir = write_compare_fixture();
  std::filesystem::remove_all(dir / "fast");
  EXPECT_THROW(report_html(dir), ReportInputError);
}

/// A sweep.json by the contract: two axes of two values, an objective, one infeasible point.
std::string sweep_fixture(bool with_objective) {
  const std::string objective = with_objective
                                    ? R"({"goal": "minimize", "figure": "providers.gmail.time_to_drain_s",
                           "subject_to": ["providers.gmail.deferral_rate <= 0.05"]})"
                                    : "null";
  const std::string best = with_objective
                               ? R"({"point": "point-002", "settings": {"a.max": "2", "b.rate": "100/h"},
      "value": 5000, "reason": "lowest providers.gmail.time_to_drain_s of the 3 of 4 points that met every constraint"})"
                               : "null";
  const auto point = [&](int n, const char* a, const char* b, double share, bool feasible,
                         double objective_value) {
    return std::string("{\"name\": \"point-00") + std::to_string(n) + "\", \"settings\": {\"a.max\": \"" + a +
           "\", \"b.rate\": \"" + b + "\"}, \"figures\": {\"delivered_share\": " + std::to_string(share) +
           ", \"deferral_rate\": 0.01, \"max_queue\": 10, \"time_to_drain_s\": null, \"p95_latency_s\": 60, "
           "\"final_tier\": 3, \"bounced\": 1, \"expired\": 0}, \"feasible\": " +
           (with_objective ? (feasible ? "true" : "false") : "null") +
           ", \"objective\": " + (with_objective ? std::to_string(objective_value) : "null") +
           ", \"failed\": " + (feasible ? "[]" : "[\"providers.gmail.deferral_rate <= 0.05\"]") + "}";
  };
  return R"({"schema_version": 1, "kind": "sweep", "scenario": "small", "seed": 9, "replications": 1,
  "axes": [{"path": "a.max", "values": ["1", "2"]}, {"path": "b.rate", "values": ["100/h", "200/h"]}],
  "objective": )" +
         objective + ", \"best\": " + best + R"(,
  "excluded": ["1 point had providers.gmail.deferral_rate > 0.05"],
  "points": [)" +
         point(1, "1", "100/h", 0.9, true, 9000) + ", " + point(2, "1", "200/h", 0.95, true, 5000) + ", " +
         point(3, "2", "100/h", 0.97, false, 4000) + ", " + point(4, "2", "200/h", 0.96, true, 6000) + "]}";
}

TEST(SweepReportTest, TableHighlightsBestAndInfeasibleAndExplainsTheChoice) {
  const std::filesystem::path dir = fresh_test_dir();
  write_file(dir / "sweep.json", sweep_fixture(true));
  const std::string html = report_html(dir);
  EXPECT_TRUE(contains(html,
                       "Objective: minimize providers.gmail.time_to_drain_s subject to "
                       "providers.gmail.deferral_rate &lt;= 0.05."));
  EXPECT_TRUE(contains(html, "Best: point-002 (a.max = 2, b.rate = 100/h) with 1h 23m: lowest "));
  EXPECT_TRUE(contains(html, "1 point had providers.gmail.deferral_rate &gt; 0.05"));
  EXPECT_TRUE(contains(html, "<tr class=\"best\"><td>point-002 ★</td>"));
  EXPECT_TRUE(contains(html, "<tr class=\"infeasible\"><td>point-003</td>"));
  EXPECT_TRUE(contains(html, "id=\"chart-sweep\""));
  EXPECT_TRUE(contains(html, "b.rate = 100/h</text>"));  // one line per value of the second axis
  EXPECT_TRUE(contains(html, "b.rate = 200/h</text>"));
  EXPECT_TRUE(contains(html, "infeasible (breaks a constraint)"));
  expect_well_formed_svgs(html, 1);
}

TEST(SweepReportTest, WithoutObjectiveChartsDeliveredShare) {
  const std::filesystem::path dir = fresh_test_dir();
  write_file(dir / "sweep.json", sweep_fixture(false));
  const std::string html = report_html(dir);
  EXPECT_TRUE(contains(html, "No objective"));
  EXPECT_TRUE(contains(html, "Delivered share (0-1)"));
  EXPECT_FALSE(contains(html, "<th>feasible</th>"));
  expect_well_formed_svgs(html, 1);
}

}  // namespace
}  // namespace delivsim::report
