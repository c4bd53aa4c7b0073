#include <gtest/gtest.h>

#include "tests/cli_runner.h"
#include "tests/report/report_fixture.h"

namespace delivsim::testing {
namespace {

TEST(ReportCliTest, MissingRunDirExitsTwoNamingWhatWasExpected) {
  const CommandResult result = run_delivsim("report " + (fresh_test_dir() / "absent").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("no such folder"), std::string::npos) << result.output;
}

TEST(ReportCliTest, EmptyRunDirExitsTwo) {
  const CommandResult result = run_delivsim("report " + fresh_test_dir().string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("expected summary.json and timeseries.csv"), std::string::npos)
      << result.output;
}

TEST(ReportCliTest, WritesRunDirReportHtmlByDefaultAndOutWhenGiven) {
  const std::filesystem::path dir = fresh_test_dir();
  write_run_outputs(small_report_scenario().run(), dir / "run", false);
  const CommandResult result = run_delivsim("report " + (dir / "run").string());
  EXPECT_EQ(result.exit_code, 0) << result.output;
  const std::string html = read_file(dir / "run" / "report.html");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(
      run_delivsim("report " + (dir / "run").string() + " --out " + (dir / "copy.html").string()).exit_code,
      0);
  EXPECT_EQ(read_file(dir / "copy.html"), html);  // deterministic
}

/// `delivsim report` on a run folder whose `file` is replaced by `text`.
CommandResult report_damaged(const std::string& file, const std::string& text) {
  const std::filesystem::path dir = fresh_test_dir() / "run";
  write_run_outputs(small_report_scenario().run(), dir, false);
  write_file(dir / file, text);
  return run_delivsim("report " + dir.string());
}

void expect_bad_input_naming(const CommandResult& result, const std::string& message) {
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find(message), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("json.exception"), std::string::npos) << result.output;
}

TEST(ReportCliTest, SummaryNested100000DeepExitsTwoNamingTheFile) {
  expect_bad_input_naming(report_damaged("summary.json", std::string(100000, '[')),
                          "run/summary.json:1:65: arrays and objects nest deeper than 64 levels");
}

// The JSON library parses deep nesting, but printing it (a sweep's seed is printed as written) recursed once
// per level and overflowed the stack.
TEST(ReportCliTest, SweepWithASeedNested100000DeepExitsTwoNamingTheFile) {
  const std::filesystem::path dir = fresh_test_dir() / "sweep";
  write_file(dir / "sweep.json", R"({"scenario": "s", "axes": [{"path": "a", "values": [1]}], "seed": )" +
                                     std::string(100000, '[') + std::string(100000, ']') + "}");
  expect_bad_input_naming(run_delivsim("report " + dir.string()),
                          "sweep/sweep.json:1:130: arrays and objects nest deeper than 64 levels");
}

TEST(ReportCliTest, SummaryThatIsAnArrayExitsTwoNamingTheFile) {
  expect_bad_input_naming(report_damaged("summary.json", "[{\"scenario\": \"x\"}]"),
                          "run/summary.json: expected a JSON object ({...}) at the top, found array");
}

TEST(ReportCliTest, GarbageSummaryExitsTwoWithoutALibraryMessage) {
  expect_bad_input_naming(report_damaged("summary.json", "{\"scenario\": tru"),
                          "run/summary.json: not valid JSON: parse error at line 1, column 17");
}

// The line is the file's: a quoted name over two lines counts as two.
TEST(ReportCliTest, RaggedTimeseriesRowExitsTwoWithFileAndLine) {
  expect_bad_input_naming(report_damaged("timeseries.csv", "t_s,\"p.\nqueue\"\n0,1\n3600\n"),
                          "run/timeseries.csv:4: 1 cells for 2 columns");
}

TEST(ReportCliTest, UnwritableOutExitsOne) {
  const std::filesystem::path dir = fresh_test_dir();
  write_run_outputs(small_report_scenario().run(), dir / "run", false);
  const CommandResult result = run_delivsim("report " + (dir / "run").string() + " --out " +
                                            (dir / "no" / "such" / "r.html").string());
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "no"));
}

}  // namespace
}  // namespace delivsim::testing
