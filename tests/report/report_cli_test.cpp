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
