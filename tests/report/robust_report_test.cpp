// The robust compare report from hand-written robust.json files: the page holds every strategy, the
// verdicts, the spread and the tornado charts in the right order, and a malformed file is a
// ReportInputError naming the file and the JSON path (exit 2 from the CLI).
#include <gtest/gtest.h>

#include <functional>

#include "sim/output/chart_palette.h"
#include "sim/report/report.h"
#include "sim/report/report_error.h"
#include "sim/report/tornado_chart.h"
#include "tests/cli_runner.h"
#include "tests/report/report_fixture.h"
#include "tests/report/xml_check.h"

namespace delivsim::report {
namespace {

using Json = nlohmann::ordered_json;
using testing::fresh_test_dir;
using testing::write_file;

/// Three strategies over four worlds and three varied parameters, two figures. warmup beats cold-blast
/// everywhere; identical has cold-blast's values, so its differences are 0 in every world; cold-blast never
/// drains in world 1.
constexpr const char* kRobustJson = R"json({
  "format": "delivsim-robust", "version": 1,
  "scenario": "gmail-strategies", "path": "scenarios/gmail-strategies.yaml",
  "seed": 42, "uncertainty_seed": 7, "worlds": 4, "replications": 1,
  "noise_rank_correlation": 0.5,
  "varied": [
    {"label": "gmail.quota_floor_medium", "provider": "gmail", "param": "quota_floor_medium",
     "low": "1000", "high": "20000", "scale": "log"},
    {"label": "gmail.new_identity_score", "provider": "gmail", "param": "new_identity_score",
     "low": "0.4", "high": "0.7", "scale": "linear"},
    {"label": "gmail.complaint_delay", "provider": "gmail", "param": "complaint_delay",
     "low": "1h", "high": "2d", "scale": "log"}],
  "world_values": [[1200, 0.45, 7200], [3500, 0.52, 30000], [9000, 0.61, 90000], [18000, 0.68, 160000]],
  "figures": [
    {"key": "delivered_share", "label": "Delivered share", "better": "higher"},
    {"key": "time_to_drain_s", "label": "Time to drain (s)", "better": "lower"}],
  "strategies": [
    {"name": "cold-blast", "description": "everything at once",
     "worlds": [[0.40, null], [0.47, 400000], [0.52, 350000], [0.60, 300000]],
     "figures": [
       {"key": "delivered_share", "best_share": 0.0, "versus_first": null, "difference": null, "verdict": null,
        "sensitivity": [{"param": "gmail.quota_floor_medium", "rank_correlation": 1.0},
                        {"param": "gmail.new_identity_score", "rank_correlation": 0.9},
                        {"param": "gmail.complaint_delay", "rank_correlation": 0.2}]},
       {"key": "time_to_drain_s", "best_share": 0.0, "versus_first": null, "difference": null, "verdict": null,
        "sensitivity": []}]},
    {"name": "warmup", "description": "ramp up over two weeks",
     "worlds": [[0.80, 200000], [0.86, 190000], [0.88, 180000], [0.95, 170000]],
     "figures": [
       {"key": "delivered_share", "best_share": 1.0, "versus_first": {"wins": 1.0, "ties": 0.0, "losses": 0.0},
        "difference": {"p5": 0.3515, "p50": 0.375, "p95": 0.3985, "mean": 0.375},
        "verdict": "warmup beats cold-blast on delivered share in 100% of 4 worlds (p5 +35 pp)",
        "sensitivity": [{"param": "gmail.new_identity_score", "rank_correlation": -0.8},
                        {"param": "gmail.quota_floor_medium", "rank_correlation": 0.6},
                        {"param": "gmail.complaint_delay", "rank_correlation": -0.2}]},
       {"key": "time_to_drain_s", "best_share": 1.0, "versus_first": {"wins": 1.0, "ties": 0.0, "losses": 0.0},
        "difference": {"p5": -206000, "p50": -170000, "p95": -134000, "mean": -170000},
        "verdict": "warmup beats cold-blast on time to drain in 100% of 4 worlds (p95 -1d 13h)",
        "sensitivity": [{"param": "gmail.quota_floor_medium", "rank_correlation": -0.9},
                        {"param": "gmail.complaint_delay", "rank_correlation": 0.5},
                        {"param": "gmail.new_identity_score", "rank_correlation": 0.1}]}]},
    {"name": "identical", "description": "cold-blast again",
     "worlds": [[0.40, null], [0.47, 400000], [0.52, 350000], [0.60, 300000]],
     "figures": [
       {"key": "delivered_share", "best_share": 0.0, "versus_first": {"wins": 0.0, "ties": 1.0, "losses": 0.0},
        "difference": {"p5": 0, "p50": 0, "p95": 0, "mean": 0},
        "verdict": "identical ties with cold-blast on delivered share in all 4 worlds",
        "sensitivity": [{"param": "gmail.quota_floor_medium", "rank_correlation": 0},
                        {"param": "gmail.new_identity_score", "rank_correlation": 0},
                        {"param": "gmail.complaint_delay", "rank_correlation": 0}]},
       {"key": "time_to_drain_s", "best_share": 0.0, "versus_first": {"wins": 0.0, "ties": 1.0, "losses": 0.0},
        "difference": {"p5": 0, "p50": 0, "p95": 0, "mean": 0},
        "verdict": "identical ties with cold-blast on time to drain in all 4 worlds",
        "sensitivity": []}]}]
})json";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A folder holding kRobustJson with `edit` applied as its robust.json.
std::filesystem::path robust_folder(const std::function<void(Json&)>& edit = {}) {
  Json robust = Json::parse(kRobustJson);
  if (edit) edit(robust);
  const std::filesystem::path dir = fresh_test_dir() / "robust";
  write_file(dir / "robust.json", robust.dump(2));
  return dir;
}

/// The <svg> element with id `id` in `html`, or "" when there is none.
std::string svg_with_id(const std::string& html, const std::string& id) {
  for (const std::string& svg : testing::svg_elements(html)) {
    if (contains(svg.substr(0, svg.find('>')), "id=\"" + id + "\"")) return svg;
  }
  return "";
}

/// The positions of `parts` in `text`, npos for those missing.
std::vector<std::size_t> positions(const std::string& text, const std::vector<std::string>& parts) {
  std::vector<std::size_t> at;
  for (const std::string& part : parts) at.push_back(text.find(part));
  return at;
}

TEST(RobustReportTest, PageHoldsEveryStrategyTheVerdictsAndTheRunFacts) {
  const std::string html = report_html(robust_folder());
  EXPECT_TRUE(contains(html, "<title>delivsim robust compare report</title>"));
  EXPECT_TRUE(contains(html, "delivsim compare --robust: gmail-strategies"));
  EXPECT_TRUE(contains(html,
                       "4 receiver worlds · 3 assumed parameters varied (Latin hypercube seed 7) · "
                       "simulation seed 42 · 1 replication per world · 3 strategies"));
  for (const char* verdict :
       {"<li>warmup beats cold-blast on delivered share in 100% of 4 worlds (p5 +35 pp)</li>",
        "<li>warmup beats cold-blast on time to drain in 100% of 4 worlds (p95 -1d 13h)</li>",
        "<li>identical ties with cold-blast on delivered share in all 4 worlds</li>",
        "<li>identical ties with cold-blast on time to drain in all 4 worlds</li>"}) {
    EXPECT_TRUE(contains(html, verdict)) << verdict;
  }
  // Per figure a table with a row per strategy: best in, beats, ties, loses, difference p5 / p50 / p95 /
  // mean.
  const std::size_t table = html.find("id=\"robust-table-delivered_share\"");
  ASSERT_NE(table, std::string::npos);
  const std::string rows = html.substr(table, html.find("</table>", table) - table);
  EXPECT_TRUE(contains(rows, "<th>beats cold-blast</th>"));
  EXPECT_TRUE(contains(rows, "<td>cold-blast</td><td class=\"num\">0%</td><td class=\"num\">—</td>")) << rows;
  EXPECT_TRUE(contains(rows,
                       "<td>warmup</td><td class=\"num\">100%</td><td class=\"num\">100%</td><td "
                       "class=\"num\">0%</td><td class=\"num\">0%</td><td class=\"num\">+35.1 pp</td><td "
                       "class=\"num\">+37.5 pp</td><td class=\"num\">+39.9 pp</td>"))
      << rows;
  EXPECT_TRUE(contains(rows,
                       "<td>identical</td><td class=\"num\">0%</td><td class=\"num\">0%</td><td "
                       "class=\"num\">100%</td>"))
      << rows;
  EXPECT_TRUE(contains(html, "id=\"robust-table-time_to_drain_s\""));
  EXPECT_TRUE(
      contains(html, "<td>gmail.complaint_delay</td><td class=\"num\">1h</td><td class=\"num\">2d</td>"));
}

TEST(RobustReportTest, TableWritesSharesNearTheEndsAsTheVerdictsDo) {
  // 0% and 100% mean none and all: a share a hair from either end keeps one decimal, never rounded to it.
  const std::string html = report_html(robust_folder([](Json& robust) {
    Json& versus = robust["strategies"][1]["figures"][0]["versus_first"];
    versus = {{"wins", 0.9996}, {"ties", 0.0004}, {"losses", 0.0}};
  }));
  const std::size_t table = html.find("id=\"robust-table-delivered_share\"");
  ASSERT_NE(table, std::string::npos);
  const std::string rows = html.substr(table, html.find("</table>", table) - table);
  EXPECT_TRUE(contains(rows,
                       "<td>warmup</td><td class=\"num\">100%</td><td class=\"num\">99.9%</td><td "
                       "class=\"num\">0.1%</td><td class=\"num\">0%</td>"))
      << rows;
}

TEST(RobustReportTest, ChartsAreWellFormedAndOnlyDifferencesThatVaryGetATornado) {
  const std::string html = report_html(robust_folder());
  // Per figure a spread chart; a tornado for warmup's two figures, none for identical (its difference is 0
  // in every world) nor for cold-blast (the first strategy, not alone).
  const std::vector<std::string> svgs = testing::svg_elements(html);
  EXPECT_EQ(svgs.size(), 4u);
  for (const std::string& svg : svgs) EXPECT_EQ(testing::xml_problem(svg), "") << svg.substr(0, 200);
  for (const char* id : {"chart-spread-delivered_share", "chart-spread-time_to_drain_s",
                         "chart-tornado-1-delivered_share", "chart-tornado-1-time_to_drain_s"}) {
    EXPECT_NE(svg_with_id(html, id), "") << id;
  }
  const std::string spread = svg_with_id(html, "chart-spread-delivered_share");
  EXPECT_TRUE(contains(spread, "Difference from cold-blast (pp)"));
  EXPECT_TRUE(contains(spread, ">warmup</text>") && contains(spread, ">identical</text>"));
  EXPECT_TRUE(
      contains(svg_with_id(html, "chart-spread-time_to_drain_s"), "Difference from cold-blast (days)"));
}

TEST(RobustReportTest, SpreadOfDifferencesThatAreAllZeroIsCentredOnZero) {
  const std::string html = report_html(robust_folder([](Json& robust) { robust["strategies"].erase(1); }));
  const std::string spread = svg_with_id(html, "chart-spread-delivered_share");
  EXPECT_TRUE(contains(spread, ">-1</text>") && contains(spread, ">1</text>")) << spread;
}

TEST(RobustReportTest, TornadoListsTheParametersByAbsoluteRankCorrelation) {
  const std::string tornado = svg_with_id(report_html(robust_folder()), "chart-tornado-1-time_to_drain_s");
  const std::vector<std::size_t> at = positions(
      tornado, {">gmail.quota_floor_medium<", ">gmail.complaint_delay<", ">gmail.new_identity_score<"});
  ASSERT_NE(at[2], std::string::npos) << tornado;
  EXPECT_LT(at[0], at[1]);
  EXPECT_LT(at[1], at[2]);
  EXPECT_TRUE(contains(tornado, "noise: |rho| &lt; 0.50"));
}

TEST(RobustReportTest, TornadoKeepsTheTenLargestInOrder) {
  std::vector<RobustSensitivity> sensitivity;
  for (int i = 0; i < 12; ++i) {
    // |rho| rises with i; odd ones negative.
    sensitivity.push_back(
        {"param-" + std::string(1, static_cast<char>('a' + i)), (i % 2 ? -1 : 1) * (i + 1) / 12.0});
  }
  const std::string svg = tornado_chart_svg("t", "title", "rho", sensitivity, 0.25);
  std::vector<std::string> labels;
  for (int i = 11; i >= 0; --i)
    labels.push_back(">param-" + std::string(1, static_cast<char>('a' + i)) + "<");
  const std::vector<std::size_t> at = positions(svg, labels);
  for (std::size_t k = 0; k < kTornadoBars; ++k) {
    ASSERT_NE(at[k], std::string::npos) << labels[k];
    if (k > 0) {
      EXPECT_LT(at[k - 1], at[k]) << labels[k];
    }
  }
  EXPECT_EQ(at[10], std::string::npos);
  EXPECT_EQ(at[11], std::string::npos);
  EXPECT_EQ(testing::xml_problem(svg), "");
}

TEST(RobustReportTest, TornadoCutsLabelsTooLongForTheMargin) {
  const std::string label = "gmail." + std::string(60, 'x');
  const std::string svg = tornado_chart_svg("t", "title", "rho", {{label, 0.5}}, 0.25);
  EXPECT_TRUE(contains(svg, ">gmail." + std::string(37, 'x') + "\u2026<")) << svg;
  EXPECT_FALSE(contains(svg, label));
}

/// The first <path> element of `svg` filled with `color`, or "".
std::string path_filled(const std::string& svg, RgbColor color) {
  const std::size_t at = svg.find("fill=\"" + css_hex(color) + "\"");
  if (at == std::string::npos) return "";
  const std::size_t start = svg.rfind("<path", at);
  return start == std::string::npos ? "" : svg.substr(start, svg.find("/>", at) - start);
}

TEST(RobustReportTest, TornadoDrawsNegativeBarsLeftOfZeroAndPositiveOnesRight) {
  // The plot spans x = 72 (rho -1) to 640 (rho +1) pixels; 0 is at 356.
  const std::string svg = tornado_chart_svg("t", "title", "rho", {{"falls", -1}, {"rises", 1}}, 0.25);
  const std::string left = path_filled(svg, series_rgb(1));
  EXPECT_TRUE(left.starts_with("<path d=\"M356.0 ") && contains(left, " L72.0 ")) << left;
  const std::string right = path_filled(svg, series_rgb(0));
  EXPECT_TRUE(right.starts_with("<path d=\"M356.0 ") && contains(right, " L640.0 ")) << right;
}

TEST(RobustReportTest, ALoneStrategyGetsATornadoOfItsOwnFigure) {
  const std::string html = report_html(robust_folder([](Json& robust) {
    robust["strategies"].erase(1);
    robust["strategies"].erase(1);
  }));
  EXPECT_TRUE(contains(html, "One strategy: nothing to compare it with."));
  EXPECT_NE(svg_with_id(html, "chart-tornado-0-delivered_share"), "");
  EXPECT_EQ(svg_with_id(html, "chart-spread-delivered_share"), "");
}

TEST(RobustReportTest, NothingVariedMeansNoTornado) {
  const std::string html = report_html(robust_folder([](Json& robust) {
    robust["varied"] = Json::array();
    for (Json& world : robust["world_values"]) world = Json::array();
    for (Json& strategy : robust["strategies"]) {
      for (Json& figure : strategy["figures"]) figure["sensitivity"] = Json::array();
    }
  }));
  EXPECT_TRUE(contains(html, "0 assumed parameters varied"));
  EXPECT_TRUE(contains(html, "Nothing was varied"));
  EXPECT_EQ(html.find("chart-tornado"), std::string::npos);
  EXPECT_NE(svg_with_id(html, "chart-spread-delivered_share"), "");
}

struct BadRobustCase {
  std::string name;
  std::function<void(Json&)> edit;
  std::string message;  ///< expected after "<dir>/robust.json: not a robust.json: "
};

class BadRobustJson : public ::testing::TestWithParam<BadRobustCase> {};

TEST_P(BadRobustJson, IsAReportInputErrorNamingTheFileAndThePath) {
  const std::filesystem::path dir = robust_folder(GetParam().edit);
  try {
    report_html(dir);
    FAIL() << "the bad robust.json was reported";
  } catch (const ReportInputError& e) {
    EXPECT_EQ(std::string(e.what()).find((dir / "robust.json").string() +
                                         ": not a robust.json: " + GetParam().message),
              0u)
        << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadRobustJson,
    ::testing::Values(
        BadRobustCase{"Version2", [](Json& r) { r["version"] = 2; },
                      "version: expected 1, found 2 (written by another delivsim version; run it again)"},
        BadRobustCase{"OtherFormat", [](Json& r) { r["format"] = "delivsim-compare"; },
                      "format: expected \"delivsim-robust\", found \"delivsim-compare\""},
        BadRobustCase{"MissingKey", [](Json& r) { r["strategies"][1]["figures"][0].erase("best_share"); },
                      "strategies[1].figures[0].best_share: missing"},
        BadRobustCase{"MissingTopKey", [](Json& r) { r.erase("noise_rank_correlation"); },
                      "noise_rank_correlation: missing"},
        BadRobustCase{"WrongType",
                      [](Json& r) { r["strategies"][1]["figures"][0]["versus_first"]["wins"] = "all"; },
                      "strategies[1].figures[0].versus_first.wins: expected a number, found string"},
        BadRobustCase{"WorldsAString", [](Json& r) { r["worlds"] = "4"; }, "worlds: expected a whole number"},
        BadRobustCase{"NegativeSeed", [](Json& r) { r["seed"] = -1; },
                      "seed: expected a whole number from 0 to 2^64 - 1, found number"},
        BadRobustCase{"NoWorld", [](Json& r) { r["worlds"] = 0; }, "worlds: expected at least 1, found 0"},
        BadRobustCase{"FewerWorldValues", [](Json& r) { r["worlds"] = 5; },
                      "world_values: expected 5 items (one per world), found 4"},
        BadRobustCase{"WorldValueRowShort",
                      [](Json& r) {
                        r["world_values"][3] = Json::array({1, 2});
                      },
                      "world_values[3]: expected 3 items (one per varied parameter), found 2"},
        BadRobustCase{"WorldValueAString", [](Json& r) { r["world_values"][1][2] = "2h"; },
                      "world_values[1][2]: expected a number, found string"},
        BadRobustCase{"StrategyWorldShort",
                      [](Json& r) { r["strategies"][0]["worlds"][2] = Json::array({0.5}); },
                      "strategies[0].worlds[2]: expected 2 items (one per figure), found 1"},
        BadRobustCase{
            "StrategyWorldValueABool", [](Json& r) { r["strategies"][2]["worlds"][0][1] = true; },
            "strategies[2].worlds[0][1]: expected a number from -1e+15 to 1e+15 or null, found boolean"},
        BadRobustCase{"FigureKeyOutOfOrder",
                      [](Json& r) { r["strategies"][2]["figures"][1]["key"] = "delivered_share"; },
                      "strategies[2].figures[1].key: expected 'time_to_drain_s'"},
        BadRobustCase{"ShareAboveOne", [](Json& r) { r["strategies"][1]["figures"][0]["best_share"] = 1.5; },
                      "strategies[1].figures[0].best_share: expected a number from 0 to 1, found 1.5"},
        BadRobustCase{
            "UnknownSensitivityParam",
            [](Json& r) { r["strategies"][1]["figures"][0]["sensitivity"][0]["param"] = "gmail.x"; },
            "strategies[1].figures[0].sensitivity[0].param: 'gmail.x' is not the label of a varied "
            "parameter"},
        BadRobustCase{
            "SensitivityParamTwice",
            [](Json& r) {
              r["strategies"][1]["figures"][0]["sensitivity"][2]["param"] = "gmail.quota_floor_medium";
            },
            "strategies[1].figures[0].sensitivity[2].param: 'gmail.quota_floor_medium' is listed twice"},
        BadRobustCase{
            "RhoAboveOne",
            [](Json& r) { r["strategies"][1]["figures"][1]["sensitivity"][0]["rank_correlation"] = 2; },
            "strategies[1].figures[1].sensitivity[0].rank_correlation: expected a number from -1 to 1"},
        BadRobustCase{
            "WorldValueHuge", [](Json& r) { r["strategies"][1]["worlds"][3][0] = 1e300; },
            "strategies[1].worlds[3][0]: expected a number from -1e+15 to 1e+15 or null, found 1e+300"},
        BadRobustCase{"DifferenceHuge",
                      [](Json& r) { r["strategies"][1]["figures"][0]["difference"]["p5"] = -1e308; },
                      "strategies[1].figures[0].difference.p5: expected a number from -1e+15 to 1e+15, found "
                      "-1e+308"},
        BadRobustCase{"DifferenceNotAnObject",
                      [](Json& r) { r["strategies"][1]["figures"][0]["difference"] = 0.3; },
                      "strategies[1].figures[0].difference: expected an object holding 'p5', found number"},
        BadRobustCase{"VerdictANumber", [](Json& r) { r["strategies"][1]["figures"][0]["verdict"] = 1; },
                      "strategies[1].figures[0].verdict: expected a string, found number"},
        BadRobustCase{"BetterSideways", [](Json& r) { r["figures"][1]["better"] = "sideways"; },
                      "figures[1].better: expected \"higher\" or \"lower\", found \"sideways\""},
        BadRobustCase{"VariedANumber", [](Json& r) { r["varied"][0] = 3; },
                      "varied[0]: expected an object holding 'label', found number"},
        BadRobustCase{"NoStrategies", [](Json& r) { r["strategies"] = Json::array(); },
                      "strategies: empty (expected at least one strategy)"}),
    [](const ::testing::TestParamInfo<BadRobustCase>& info) { return info.param.name; });

TEST(RobustReportCliTest, WritesTheReportAndExitsTwoOnAVersion2File) {
  const std::filesystem::path dir = robust_folder();
  const testing::CommandResult good = testing::run_delivsim("report " + dir.string());
  EXPECT_EQ(good.exit_code, 0) << good.output;
  EXPECT_TRUE(
      contains(testing::read_file(dir / "report.html"), "delivsim compare --robust: gmail-strategies"));
  const std::filesystem::path bad = robust_folder([](Json& robust) { robust["version"] = 2; });
  const testing::CommandResult result = testing::run_delivsim("report " + bad.string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_TRUE(
      contains(result.output, (bad / "robust.json").string() + ": not a robust.json: version: expected 1"))
      << result.output;
}

}  // namespace
}  // namespace delivsim::report
