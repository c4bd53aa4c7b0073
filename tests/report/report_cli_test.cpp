#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>

#include "sim/output/output_folder.h"
#include "sim/report/report.h"

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

TEST(ReportCliTest, AnOutInAMissingFolderIsAUsageError) {
  const std::filesystem::path dir = fresh_test_dir();
  write_run_outputs(small_report_scenario().run(), dir / "run", false);
  const CommandResult result = run_delivsim("report " + (dir / "run").string() + " --out " +
                                            (dir / "no" / "such" / "r.html").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find((dir / "no" / "such").string() + " is not an existing folder"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "no"));
}

TEST(ReportCliTest, OutReplacesOnlyARegularFile) {
  const std::filesystem::path dir = fresh_test_dir();
  write_run_outputs(small_report_scenario().run(), dir / "run", false);
  ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0600), 0);
  const CommandResult fifo =
      run_delivsim("report " + (dir / "run").string() + " --out " + (dir / "fifo").string());
  EXPECT_EQ(fifo.exit_code, 2) << fifo.output;
  EXPECT_NE(
      fifo.output.find("refusing to replace " + (dir / "fifo").string() + ": it is a FIFO (named pipe)"),
      std::string::npos)
      << fifo.output;
  EXPECT_TRUE(std::filesystem::is_fifo(dir / "fifo"));
  const CommandResult folder = run_delivsim("report " + (dir / "run").string() + " --out " + dir.string());
  EXPECT_EQ(folder.exit_code, 2) << folder.output;
  EXPECT_NE(folder.output.find("it is a folder"), std::string::npos) << folder.output;
  const CommandResult empty = run_delivsim("report " + (dir / "run").string() + " --out ''");
  EXPECT_EQ(empty.exit_code, 2) << empty.output;
  EXPECT_NE(empty.output.find("--out: expected a file path, got ''"), std::string::npos) << empty.output;
}

TEST(ReportCliTest, TheDefaultReportIsAFileAnOutputFolderMayHold) {
  EXPECT_NE(std::find(kDelivsimOutputNames.begin(), kDelivsimOutputNames.end(), report::kDefaultReportName),
            kDelivsimOutputNames.end());
}

}  // namespace
}  // namespace delivsim::testing
