// The delivsim command line as a user runs it: exit codes, outputs written completely or not at all.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/cli_runner.h"

namespace {

namespace fs = std::filesystem;

using delivsim::testing::CommandResult;

CommandResult run_cli(const std::string& args) {
  return delivsim::testing::run_delivsim(args);
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("delivsim_cli_test_" + name);
  fs::remove_all(dir);
  return dir;
}

const std::string kScenarios = std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/";

TEST(Cli, RunWritesSummaryTimeseriesAndAccounting) {
  const fs::path out = fresh_dir("run");
  const CommandResult r = run_cli(
      "run " + kScenarios + "pmta-seed-gmail.yaml --set duration=6h --accounting --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("gmail"), std::string::npos);
  for (const char* file : {"summary.json", "timeseries.csv", "accounting.csv"}) {
    EXPECT_TRUE(fs::exists(out / file)) << file;
  }
}

TEST(Cli, ValidateAcceptsEveryShippedScenario) {
  for (const auto& entry : fs::directory_iterator(kScenarios)) {
    if (entry.path().extension() != ".yaml") continue;
    const CommandResult r = run_cli("validate " + entry.path().string());
    EXPECT_EQ(r.exit_code, 0) << entry.path() << "\n" << r.output;
  }
}

TEST(Cli, BadInputExitsTwoWithFileLineColumnAndWritesNothing) {
  const fs::path dir = fresh_dir("bad");
  fs::create_directories(dir);
  const fs::path file = dir / "typo.yaml";
  std::ofstream(file) << "name: typo\nduraton: 2d\n";
  const fs::path out = dir / "out";
  const CommandResult r = run_cli("run " + file.string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("typo.yaml:2:1"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("duration"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
}

TEST(Cli, MissingFileAndBadUsageExitTwo) {
  EXPECT_EQ(run_cli("run /nonexistent/file.yaml").exit_code, 2);
  EXPECT_EQ(run_cli("run").exit_code, 2);
  EXPECT_EQ(run_cli("frobnicate").exit_code, 2);
  EXPECT_EQ(
      run_cli("run " + kScenarios + "pmta-seed-gmail.yaml --set sender.destinations.gmail.max_smtp_outt=3")
          .exit_code,
      2);
}

TEST(Cli, SameSeedSameBytesDifferentSeedDifferentBytes) {
  auto summary = [](const fs::path& dir) {
    std::ifstream in(dir / "summary.json");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const fs::path a = fresh_dir("seed_a"), b = fresh_dir("seed_b"), c = fresh_dir("seed_c");
  const std::string base = "run " + kScenarios + "whatif-100k.yaml -q --set duration=2d --out ";
  ASSERT_EQ(run_cli(base + a.string()).exit_code, 0);
  ASSERT_EQ(run_cli(base + b.string()).exit_code, 0);
  ASSERT_EQ(run_cli(base + c.string() + " --seed 5").exit_code, 0);
  EXPECT_EQ(summary(a), summary(b));
  EXPECT_NE(summary(a), summary(c));
}

}  // namespace
