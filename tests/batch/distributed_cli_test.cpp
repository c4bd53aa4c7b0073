// Batches spread over processes as a user runs them: --list-runs, --runs and --shard write parts, and
// `delivsim merge` builds outputs byte-identical to the batch on one machine, or names what is wrong.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "tests/batch/compare_fixture.h"
#include "tests/cli_runner.h"

namespace {

namespace fs = std::filesystem;

using delivsim::testing::CommandResult;
using delivsim::testing::read_file;
using delivsim::testing::run_delivsim;
using delivsim::testing::scenario_file;

/// Two strategies, the second with an expectation that fails, so that exit codes carry through a merge.
const std::string kStrategies =
    "strategies:\n"
    "  - {name: blast, set: {sender.destinations.gmail.max_smtp_out: 20}}\n"
    "  - name: gentle\n    set: {sender.destinations.gmail.max_smtp_out: 2}\n"
    "    expect: [\"providers.gmail.delivered > 1000000\"]\n";

/// Every file under `folder` by relative path, with its bytes.
std::map<std::string, std::string> files_of(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), folder).string()] = read_file(entry.path());
  }
  return files;
}

/// The output without its last line ("outputs: DIR/"), which names a different folder.
std::string without_outputs_line(const std::string& output) {
  return output.substr(0, output.rfind("outputs: "));
}

/// Runs `command` FILE `options` whole, as three shards and merged; expects the same files, table and exit.
void expect_shards_merge_to_the_whole(const std::string& command, const fs::path& file,
                                      const std::string& options) {
  const fs::path dir = file.parent_path();
  const std::string head = command + " " + file.string() + " " + options;
  const CommandResult whole = run_delivsim(head + " --threads 2 --out " + (dir / "whole").string());
  std::string parts;
  for (int shard = 0; shard < 3; ++shard) {
    const fs::path part = dir / ("part" + std::to_string(shard));
    const CommandResult r = run_delivsim(head + " --threads 1 --quiet --shard " + std::to_string(shard) +
                                         "/3 --out " + part.string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    parts += " " + part.string();
  }
  const CommandResult merged = run_delivsim("merge" + parts + " --out " + (dir / "merged").string());
  EXPECT_EQ(merged.exit_code, whole.exit_code) << merged.output;
  EXPECT_EQ(without_outputs_line(merged.output), without_outputs_line(whole.output));
  const auto expected = files_of(dir / "whole");
  const auto got = files_of(dir / "merged");
  ASSERT_EQ(got.size(), expected.size());
  for (const auto& [name, bytes] : expected) EXPECT_TRUE(got.count(name) && got.at(name) == bytes) << name;
}

TEST(DistributedCli, ListRunsNamesEveryRunAndRunsNothing) {
  const fs::path file = scenario_file(kStrategies);
  const CommandResult r = run_delivsim("compare " + file.string() + " -r 2 --list-runs");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.substr(0, r.output.find('\n')), "0  blast   replication 1  seed 5");
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 4);
  EXPECT_FALSE(fs::exists(file.parent_path() / "runs"));
  const CommandResult shard = run_delivsim("compare " + file.string() + " -r 2 --list-runs --shard 1/2");
  EXPECT_EQ(shard.output.substr(0, 2), "1 ");
  EXPECT_NE(shard.output.find("\n3  gentle  replication 2"), std::string::npos) << shard.output;
  const CommandResult robust = run_delivsim("compare " + file.string() + " --robust 3 --list-runs --runs 4");
  EXPECT_EQ(robust.output.substr(0, robust.output.find("  seed")), "4  gentle  world 2  replication 1");
}

TEST(DistributedCli, CompareShardsMergeToTheWholeBatch) {
  expect_shards_merge_to_the_whole("compare", scenario_file(kStrategies), "-r 2");
}

TEST(DistributedCli, RobustCompareShardsMergeToTheWholeBatch) {
  expect_shards_merge_to_the_whole(
      "compare",
      scenario_file(kStrategies + "expect: [\"share_of_worlds(providers.gmail.delivered > 0) >= 0.5\"]\n"),
      "--robust 4");
}

TEST(DistributedCli, SweepShardsMergeToTheWholeBatch) {
  expect_shards_merge_to_the_whole(
      "sweep", scenario_file("sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [2, 20]}\n"),
      "-r 2");
}

TEST(DistributedCli, RunReplicationsWithAccountingMergeToTheWholeBatch) {
  expect_shards_merge_to_the_whole("run", scenario_file(""), "-r 4 --accounting --seed 9");
}

TEST(DistributedCli, MergeNamesMissingRunsAndTheCommandThatRunsThem) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path dir = file.parent_path();
  ASSERT_EQ(run_delivsim("compare " + file.string() + " -r 2 -q --runs 0,2 --out " + (dir / "a").string())
                .exit_code,
            0);
  const CommandResult r = run_delivsim("merge " + (dir / "a").string() + " --out " + (dir / "m").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("2 of 4 runs are in no part: 1,3\nrun them with: delivsim compare " +
                          file.string() + " --replications 2 --runs 1,3 --out PART_DIR"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(dir / "m"));
}

TEST(DistributedCli, MergeAndStatusNameAMissingShard) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path dir = file.parent_path();
  std::string parts;
  for (const char* shard : {"0", "2"}) {
    const fs::path part = dir / shard;
    ASSERT_EQ(
        run_delivsim("compare " + file.string() + " -r 3 -q --shard " + shard + "/3 --out " + part.string())
            .exit_code,
        0);
    parts += " " + part.string();
  }
  const std::string advice = "they are shard 1/3; run it with: delivsim compare " + file.string() +
                             " --replications 3 --shard 1/3 --out PART_DIR";
  const CommandResult merged = run_delivsim("merge" + parts + " --out " + (dir / "m").string());
  EXPECT_EQ(merged.exit_code, 2);
  EXPECT_NE(merged.output.find("2 of 6 runs are in no part: 1,4\n" + advice), std::string::npos)
      << merged.output;
  const CommandResult status = run_delivsim("merge --status" + parts + " " + (dir / "1").string());
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_EQ(status.output,
            "4 of 6 runs done, in 2 finished parts (1 folder without part.json)\n"
            "not in a finished part: 1,4\nif their parts have failed, " +
                advice + "\n");
}

TEST(DistributedCli, MergeRefusesARunHeldTwiceOrAPartOfAnotherBatch) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path dir = file.parent_path();
  const std::string head = "compare " + file.string() + " -r 2 -q ";
  ASSERT_EQ(run_delivsim(head + "--runs 0-2 --out " + (dir / "a").string()).exit_code, 0);
  ASSERT_EQ(run_delivsim(head + "--runs 2-3 --out " + (dir / "b").string()).exit_code, 0);
  ASSERT_EQ(run_delivsim(head + "--set seed=6 --runs 3 --out " + (dir / "c").string()).exit_code, 0);
  const CommandResult twice = run_delivsim("merge " + (dir / "a").string() + " " + (dir / "b").string());
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(
      twice.output.find("run 2 is in two parts: " + (dir / "a").string() + " and " + (dir / "b").string()),
      std::string::npos)
      << twice.output;
  const CommandResult other = run_delivsim("merge " + (dir / "a").string() + " " + (dir / "c").string());
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(
      other.output.find("is a part of another batch than " + (dir / "a").string() + " (its set differs)"),
      std::string::npos)
      << other.output;
  EXPECT_FALSE(fs::exists(dir / "runs"));
}

TEST(DistributedCli, MergeRefusesAChangedScenarioOrADamagedRecord) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path dir = file.parent_path();
  const fs::path part = dir / "part";
  ASSERT_EQ(
      run_delivsim("compare " + file.string() + " -r 1 -q --shard 0/1 --out " + part.string()).exit_code, 0);
  std::ofstream(part / "run-000001" / "record.cbor", std::ios::trunc) << "junk";
  const CommandResult damaged = run_delivsim("merge " + part.string() + " --out " + (dir / "m").string());
  EXPECT_EQ(damaged.exit_code, 2);
  EXPECT_NE(damaged.output.find((part / "run-000001" / "record.cbor").string() + ": "), std::string::npos)
      << damaged.output;
  // Byte strings nested 200,000 deep: refused, not a stack overflow (a finding of run_record_fuzzer).
  std::ofstream(part / "run-000001" / "record.cbor", std::ios::trunc) << std::string(200000, '\x5f');
  const CommandResult nested = run_delivsim("merge " + part.string() + " --out " + (dir / "m").string());
  EXPECT_EQ(nested.exit_code, 2);
  EXPECT_NE(nested.output.find("not a run record: an indefinite length at byte 0"), std::string::npos)
      << nested.output;
  std::ofstream(file, std::ios::app) << "# edited\n";
  const CommandResult changed = run_delivsim("merge " + part.string() + " --out " + (dir / "m").string());
  EXPECT_EQ(changed.exit_code, 2);
  EXPECT_NE(changed.output.find(file.string() + " has changed since the parts were run"), std::string::npos)
      << changed.output;
  EXPECT_FALSE(fs::exists(dir / "m"));
}

TEST(DistributedCli, RefusesABadRunListOrShardWithExitCode2) {
  const fs::path file = scenario_file(kStrategies);
  const std::string head = "compare " + file.string() + " -r 2 ";
  const CommandResult past = run_delivsim(head + "--runs 4");
  EXPECT_EQ(past.exit_code, 2);
  EXPECT_NE(past.output.find("--runs: run 4 is past the last run of this batch (4 runs, numbered 0 to 3)"),
            std::string::npos)
      << past.output;
  const CommandResult shard = run_delivsim(head + "--shard 2/2");
  EXPECT_EQ(shard.exit_code, 2);
  EXPECT_NE(shard.output.find("--shard: shard 2 of 2: shards are counted from 0 to 1"), std::string::npos)
      << shard.output;
  EXPECT_EQ(run_delivsim(head + "--runs 1 --shard 0/2").exit_code, 2);
  const CommandResult huge = run_delivsim("compare " + file.string() + " --robust 10000 -r 1000 --list-runs");
  EXPECT_EQ(huge.exit_code, 2);
  EXPECT_NE(huge.output.find("replications: makes a batch of 20000000 runs"), std::string::npos)
      << huge.output;
  EXPECT_FALSE(fs::exists(file.parent_path() / "runs"));
}

TEST(DistributedCli, APartGoesToItsDefaultFolderBesideTheBatchs) {
  const fs::path file = scenario_file(kStrategies);
  const fs::path dir = file.parent_path();
  const std::string in_dir = "cd " + dir.string() + " && " + DELIVSIM_BIN + " compare scenario.yaml -r 2 -q ";
  ASSERT_EQ(std::system((in_dir + "--shard 1/2").c_str()), 0);
  ASSERT_EQ(std::system((in_dir + "--runs 0,2").c_str()), 0);
  EXPECT_TRUE(fs::exists(dir / "runs/small-gmail.parts/shard-1-of-2/part.json"));
  EXPECT_TRUE(fs::exists(dir / "runs/small-gmail.parts/runs-0,2/part.json"));
  const int merged = std::system(
      ("cd " + dir.string() + " && " + DELIVSIM_BIN + " merge -q runs/small-gmail.parts/*").c_str());
  EXPECT_EQ(WEXITSTATUS(merged), 1) << "gentle's expectation fails, as on one machine";
  EXPECT_TRUE(fs::exists(dir / "runs/small-gmail/compare.json")) << "merge writes where the command would";
}

}  // namespace
