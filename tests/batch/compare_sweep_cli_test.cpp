// `delivsim compare` and `delivsim sweep` as a user runs them: exit codes, what they print and the files
// written.
#include <gtest/gtest.h>

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
    "  - name: gentle\n    set: {sender.destinations.gmail.max_smtp_out: 2}\n"
    "    expect: [\"providers.gmail.delivered > 0\"]\n";

TEST(CompareCli, WritesCompareFilesAndEachStrategysFolder) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path out = file.parent_path() / "out";
  const CommandResult r =
      run_delivsim("compare " + file.string() + " --replications 2 --threads 2 --out " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Compare small-gmail  seed 5  2 strategies x 2 replications"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("1 passed, 0 failed"), std::string::npos) << r.output;
  for (const char* name : {"compare.json", "compare.csv", "blast/summary.json", "gentle/summary.json",
                           "gentle/timeseries_bands.csv", "gentle/rep-002/summary.json"}) {
    EXPECT_TRUE(fs::exists(out / name)) << name;
  }
  EXPECT_NE(read_file(out / "compare.json").find("\"kind\": \"compare\""), std::string::npos);
}

TEST(CompareCli, OneReplicationGivesPlainRunFolders) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path out = file.parent_path() / "out";
  const CommandResult r = run_delivsim("compare " + file.string() + " -r 1 --quiet --out " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "") << "--quiet";
  EXPECT_TRUE(fs::exists(out / "blast" / "timeseries.csv"));
  EXPECT_FALSE(fs::exists(out / "blast" / "rep-001"));
}

TEST(CompareCli, AFailedStrategyExpectationExitsOne) {
  const fs::path file = scenario_file(kStrategies +
                                      "  - name: hopeless\n    set: {seed: 5}\n"
                                      "    expect: [\"providers.gmail.delivered > 1e9\"]\n");
  const CommandResult r =
      run_delivsim("compare " + file.string() + " -r 1 --out " + (file.parent_path() / "out").string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("FAIL  " + file.string()), std::string::npos) << r.output;
  EXPECT_TRUE(fs::exists(file.parent_path() / "out" / "compare.json")) << "the outputs are written anyway";
}

TEST(CompareCli, BadInputExitsTwo) {
  const CommandResult no_strategies = run_delivsim("compare " + scenario_file("").string());
  EXPECT_EQ(no_strategies.exit_code, 2) << no_strategies.output;
  EXPECT_NE(no_strategies.output.find("strategies: is missing"), std::string::npos) << no_strategies.output;
  const CommandResult zero =
      run_delivsim("compare " + scenario_file(kStrategies).string() + " --replications 0");
  EXPECT_EQ(zero.exit_code, 2) << zero.output;
  EXPECT_EQ(run_delivsim("compare /nonexistent/file.yaml").exit_code, 2);
  const CommandResult bad_set = run_delivsim("compare " + scenario_file(kStrategies).string() +
                                             " --set sender.destinations.gmail.max_smtp_out=x");
  EXPECT_EQ(bad_set.exit_code, 2) << bad_set.output;
}

// The new IP's 3,000 messages meet Gmail's quota; each 421 defers only its message (docs/model.md 4.3), so
// every point retries its backlog and defers over half its attempts; 20 connections stay under 60%.
const std::string kSweep =
    "sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [1, 2, 20]}\n"
    "objective:\n  minimize: providers.gmail.time_to_drain_s\n"
    "  subject_to: [\"providers.gmail.deferral_rate <= 0.6\"]\n";

TEST(SweepCli, WritesARowPerPointAndNamesTheBest) {
  const fs::path file = scenario_file(kSweep);
  const fs::path out = file.parent_path() / "out";
  const CommandResult r = run_delivsim("sweep " + file.string() + " --threads 2 --out " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("best: point-"), std::string::npos) << r.output;
  const std::string csv = read_file(out / "sweep.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4) << csv;
  EXPECT_NE(csv.find(",feasible,objective\n"), std::string::npos) << csv;
  EXPECT_NE(read_file(out / "sweep.json").find("\"kind\": \"sweep\""), std::string::npos);
}

TEST(SweepCli, NoFeasiblePointStillExitsZero) {
  const fs::path file = scenario_file(
      "sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [10, 20]}\n"
      "objective: {minimize: providers.gmail.time_to_drain_s, subject_to: [\"totals.delivered > 1e9\"]}\n");
  const CommandResult r =
      run_delivsim("sweep " + file.string() + " --out " + (file.parent_path() / "out").string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(
      r.output.find("best: none; 0 of 2 points met every constraint\n  2 points had totals.delivered <= 1e9"),
      std::string::npos)
      << r.output;
}

TEST(SweepCli, BadInputExitsTwo) {
  const CommandResult no_sweep = run_delivsim("sweep " + scenario_file(kStrategies).string());
  EXPECT_EQ(no_sweep.exit_code, 2) << no_sweep.output;
  EXPECT_NE(no_sweep.output.find("sweep: is missing"), std::string::npos) << no_sweep.output;
  EXPECT_EQ(run_delivsim("sweep " + scenario_file(kSweep).string() + " --threads -1").exit_code, 2);
}

}  // namespace
