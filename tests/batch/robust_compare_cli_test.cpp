// `delivsim compare FILE --robust [N]` as a user runs it: exit codes, what it prints, the files written and
// their independence of the thread count.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/batch/compare_fixture.h"
#include "tests/cli_runner.h"

namespace {

namespace fs = std::filesystem;

using delivsim::testing::CommandResult;
using delivsim::testing::read_file;
using delivsim::testing::run_delivsim;
using delivsim::testing::scenario_file;

const std::string kStrategies =
    "strategies:\n"
    "  - {name: blast, set: {sender.destinations.gmail.max_smtp_out: 20}}\n"
    "  - {name: gentle, set: {sender.destinations.gmail.max_smtp_out: 2}}\n";

TEST(RobustCompareCli, ChecksTheExpectationsOverWorldsAndExitsOneWhenOneFails) {
  const fs::path file =
      scenario_file(kStrategies + "  - {name: blast2, set: {sender.destinations.gmail.max_smtp_out: 20}}\n" +
                    "expect:\n"
                    "  - share_of_worlds(totals.injected == 3000) == 1\n"
                    "  - wins(gentle, blast, totals.bounced) >= 0\n"
                    "  - wins(blast, blast2, totals.delivered_share) > 0\n");
  const fs::path out = file.parent_path() / "out";
  const CommandResult r = run_delivsim("compare " + file.string() + " --robust 3 --out " + out.string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("\nExpectations over worlds\n"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("PASS  " + file.string() + ":"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("share_of_worlds(totals.injected == 3000) == 1  (actual passes in 3 of 3 worlds)"),
            std::string::npos)
      << r.output << "the base runs in every world for its share_of_worlds";
  EXPECT_NE(r.output.find("FAIL  " + file.string() + ":"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("wins(blast, blast2, totals.delivered_share) > 0  (actual wins in 0 of 3 worlds)"),
            std::string::npos)
      << r.output << "an identical strategy never wins";
  EXPECT_NE(r.output.find("2 passed, 1 failed\n"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::exists(out / "robust.json")) << "the comparison is written also when an expectation fails";
}

TEST(RobustCompareCli, PrintsTheComparisonAndWritesRobustFilesOnly) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path out = file.parent_path() / "out";
  const CommandResult r = run_delivsim("compare " + file.string() + " --robust 4 -j 2 --out " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Robust comparison: 2 strategies x 4 receiver worlds ("), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("varied, Latin hypercube seed 5), 1 replication per world\n"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("\nVerdicts\n  gentle "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\nWhat the differences hinge on (Spearman's rho;"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("outputs: " + out.string() + "/\n"), std::string::npos) << r.output;
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(out))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{".delivsim-output", "robust.csv", "robust.json"}));
  const std::string csv = read_file(out / "robust.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * 4) << "a row per strategy and world";
}

TEST(RobustCompareCli, OutputsAreByteIdenticalWhateverTheThreadCount) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path one = file.parent_path() / "one";
  const fs::path two = file.parent_path() / "two";
  ASSERT_EQ(
      run_delivsim("compare " + file.string() + " --robust 6 -r 2 -q -j 1 --out " + one.string()).exit_code,
      0);
  ASSERT_EQ(
      run_delivsim("compare " + file.string() + " --robust 6 -r 2 -q -j 2 --out " + two.string()).exit_code,
      0);
  const std::string json = read_file(one / "robust.json");
  EXPECT_NE(json.find("\"replications\": 2,"), std::string::npos);
  EXPECT_EQ(json, read_file(two / "robust.json"));
  EXPECT_EQ(read_file(one / "robust.csv"), read_file(two / "robust.csv"));
}

TEST(RobustCompareCli, WithoutANumberItDraws32WorldsIntoScenarioRobust) {
  const fs::path dir = scenario_file(kStrategies).parent_path();
  // The default folder is relative to the working directory: run in the test's own folder.
  const std::string command = "cd " + dir.string() + " && " + std::string(DELIVSIM_BIN) +
                              " compare scenario.yaml -j 2 --robust > robust.txt 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << read_file(dir / "robust.txt");
  EXPECT_NE(read_file(dir / "robust.txt").find("2 strategies x 32 receiver worlds"), std::string::npos)
      << read_file(dir / "robust.txt");
  EXPECT_TRUE(fs::exists(dir / "runs" / "small-gmail-robust" / "robust.json"));
}

TEST(RobustCompareCli, BadInputExitsTwoAndWritesNothing) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path out = file.parent_path() / "out";
  for (const std::string worlds : {"0", "10001", "x"}) {
    const CommandResult r =
        run_delivsim("compare " + file.string() + " --robust " + worlds + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 2) << worlds << ": " << r.output;
    EXPECT_NE(r.output.find("--robust"), std::string::npos) << r.output;
  }
  const CommandResult no_strategies =
      run_delivsim("compare " + scenario_file("").string() + " --robust 2 --out " + out.string());
  EXPECT_EQ(no_strategies.exit_code, 2) << no_strategies.output;
  EXPECT_NE(no_strategies.output.find("strategies: is missing"), std::string::npos) << no_strategies.output;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
