// `delivsim run --replications` as a user runs it: the batch folder, and the same bytes for any --threads.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "compare_fixture.h"
#include "tests/cli_runner.h"
#include "tests/test_id.h"

namespace {

namespace fs = std::filesystem;

using delivsim::testing::run_delivsim;

class ReplicationsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("delivsim_replications_cli_" + delivsim::testing::current_test_id());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    scenario_ = dir_ / "small.yaml";
    std::ofstream(scenario_) << delivsim::testing::small_batch_text("");
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// `run <scenario> <args> --out <dir_/out_name>`; fails the test unless it exits 0.
  fs::path run(const std::string& args, const std::string& out_name) {
    const fs::path out = dir_ / out_name;
    const auto result = run_delivsim("run " + scenario_.string() + " " + args + " --out " + out.string());
    EXPECT_EQ(result.exit_code, 0) << result.output;
    output_ = result.output;
    return out;
  }

  fs::path dir_, scenario_;
  std::string output_;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every file under `folder` by relative path, with its content.
std::map<std::string, std::string> folder_contents(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), folder).string()] = read_text(entry.path());
  }
  return files;
}

TEST_F(ReplicationsCli, WritesTheAggregateTheBandsAndEachReplication) {
  const fs::path out = run("--replications 3 --threads 2", "out");
  const std::map<std::string, std::string> files = folder_contents(out);
  std::vector<std::string> names;
  for (const auto& [name, text] : files) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       ".delivsim-output", "rep-001/summary.json", "rep-001/timeseries.csv",
                       "rep-002/summary.json", "rep-002/timeseries.csv", "rep-003/summary.json",
                       "rep-003/timeseries.csv", "summary.json", "timeseries_bands.csv"}));
  EXPECT_NE(files.at("summary.json").find("\"kind\": \"replications\""), std::string::npos);
  EXPECT_EQ(files.at("timeseries_bands.csv").substr(0, 4), "t_s,");
  EXPECT_NE(output_.find("Delivered share"), std::string::npos) << output_;
  EXPECT_NE(output_.find("3 replications"), std::string::npos) << output_;
  // Durations are written as durations ("14d", "1.9m"), so their headings say no unit of seconds.
  EXPECT_NE(output_.find("\nTime to drain "), std::string::npos) << output_;
  EXPECT_EQ(output_.find("(s)"), std::string::npos) << output_;
  EXPECT_NE(output_.find("outputs: " + out.string() + "/"), std::string::npos) << output_;
}

TEST_F(ReplicationsCli, WritesTheSameBytesOnOneThreadAndOnTwo) {
  const fs::path two = run("--replications 3 --threads 2 -q", "two");
  const fs::path one = run("--replications 3 --threads 1 -q", "one");
  EXPECT_EQ(output_, "");
  EXPECT_EQ(folder_contents(one), folder_contents(two));
}

TEST_F(ReplicationsCli, OneReplicationIsExactlyAPlainRun) {
  EXPECT_EQ(folder_contents(run("--replications 1 -q", "one")), folder_contents(run("-q", "plain")));
}

TEST_F(ReplicationsCli, SeedOverridesTheFirstReplicationsSeedAndAccountingIsPerReplication) {
  const fs::path out = run("--replications 2 --seed 99 --accounting -q", "out");
  EXPECT_EQ(read_text(out / "rep-001" / "summary.json"),
            read_text(run("--seed 99 --accounting -q", "plain") / "summary.json"));
  EXPECT_TRUE(fs::exists(out / "rep-001" / "accounting.csv"));
  EXPECT_TRUE(fs::exists(out / "rep-002" / "accounting.csv"));
  EXPECT_NE(read_text(out / "summary.json").find("\"seeds\": [\n    99,"), std::string::npos);
}

TEST_F(ReplicationsCli, TheScenariosReplicationsKeyIsTheDefault) {
  std::ofstream(scenario_, std::ios::app) << "replications: 2\n";
  EXPECT_TRUE(fs::exists(run("-q", "batch") / "rep-002" / "summary.json"));
  EXPECT_FALSE(fs::exists(run("--replications 1 -q", "single") / "rep-001"));
}

TEST_F(ReplicationsCli, RefusesZeroReplicationsAndNegativeThreads) {
  EXPECT_EQ(run_delivsim("run " + scenario_.string() + " --replications 0").exit_code, 2);
  EXPECT_EQ(run_delivsim("run " + scenario_.string() + " --threads -1").exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

}  // namespace
