// `delivsim check` as CI runs it: exit 0 when every expectation passes, 1 when one fails, 2 on bad input;
// the JUnit file is written whole.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "tests/cli_runner.h"

namespace {

namespace fs = std::filesystem;

using delivsim::testing::CommandResult;

CommandResult run_check(const std::string& args) {
  return delivsim::testing::run_delivsim("check " + args);
}

/// A fresh folder holding `scenario.yaml`: pmta-seed-gmail shortened to 6h, with `expect_lines` appended.
fs::path scenario_file(const std::string& name, const std::string& expect_lines) {
  const fs::path dir = fs::temp_directory_path() / ("delivsim_check_cli_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ifstream shipped(std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/pmta-seed-gmail.yaml");
  std::ofstream out(dir / "scenario.yaml");
  out << shipped.rdbuf() << expect_lines;
  return dir / "scenario.yaml";
}

const std::string kPassing = "expect:\n  - providers.gmail.delivered > 0\n  - providers.other.bounced == 0\n";

TEST(CheckCli, AllPassingExitsZero) {
  const CommandResult r = run_check(scenario_file("pass", kPassing).string() + " --set duration=6h");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("PASS"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 passed, 0 failed\n"), std::string::npos) << r.output;
}

TEST(CheckCli, AFailureExitsOneAndTheJunitFileSaysSo) {
  const fs::path file = scenario_file("fail", kPassing + "  - providers.gmail.delivered > 1e9\n");
  const fs::path junit = file.parent_path() / "results.xml";
  const CommandResult r = run_check(file.string() + " --set duration=6h --junit " + junit.string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("FAIL  " + file.string() + ":32:5  providers.gmail.delivered > 1e9  (actual "),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("2 passed, 1 failed\n"), std::string::npos) << r.output;
  std::ifstream in(junit);
  const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(xml.find("<testsuites name=\"delivsim check\" tests=\"3\" failures=\"1\">"), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<failure message=\"expected providers.gmail.delivered &gt; 1e9, actual "),
            std::string::npos)
      << xml;
  for (const auto& entry : fs::directory_iterator(file.parent_path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST(CheckCli, BadInputExitsTwo) {
  const CommandResult malformed =
      run_check(scenario_file("malformed", "expect:\n  - totals.delivered => 5\n").string());
  EXPECT_EQ(malformed.exit_code, 2) << malformed.output;
  EXPECT_NE(malformed.output.find("scenario.yaml:30:5: error: expect[0]: unknown operator '=>'"),
            std::string::npos)
      << malformed.output;
  const CommandResult no_expect =
      run_check(std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/pmta-seed-gmail.yaml");
  EXPECT_EQ(no_expect.exit_code, 2) << no_expect.output;
  EXPECT_NE(no_expect.output.find("expect: is missing"), std::string::npos) << no_expect.output;
  EXPECT_EQ(run_check("/nonexistent/file.yaml").exit_code, 2);
  EXPECT_EQ(run_check("").exit_code, 2);
}

TEST(CheckCli, RunsEachStrategyWithExpectationsOverItsReplications) {
  const std::string strategies =
      "strategies:\n"
      "  - name: unchecked\n"
      "  - name: slow\n"
      "    set: {sender.destinations.gmail.max_smtp_out: 2}\n"
      "    expect:\n"
      "      - max(providers.gmail.delivered) > 0\n"
      "      - providers.gmail.delivered > 1e9\n";
  const fs::path file = scenario_file("strategies", strategies);
  const fs::path junit = file.parent_path() / "results.xml";
  const CommandResult r =
      run_check(file.string() + " --set duration=6h --replications 2 --threads 2 --junit " + junit.string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find(file.string() + " (pmta-seed-gmail) strategy slow, 2 replications\n"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("strategy unchecked"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("PASS  " + file.string() + ":34:9  max(providers.gmail.delivered) > 0"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("FAIL  " + file.string() + ":35:9  providers.gmail.delivered > 1e9  (actual "),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(" in replication 1)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("1 passed, 1 failed\n"), std::string::npos) << r.output;
  std::ifstream in(junit);
  const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(xml.find("<testsuite name=\"" + file.string() + ": slow\" tests=\"2\" failures=\"1\">"),
            std::string::npos)
      << xml;
}

TEST(CheckCli, OutWritesTheBaseAndEachCheckedStrategysRunFolder) {
  const std::string strategies =
      "strategies:\n"
      "  - name: slow\n"
      "    set: {sender.destinations.gmail.max_smtp_out: 2}\n"
      "    expect: [providers.gmail.delivered > 0]\n";
  const fs::path file = scenario_file("out", kPassing + strategies);
  const fs::path out = file.parent_path() / "runs";
  const CommandResult r = run_check(file.string() + " --set duration=6h --out " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(fs::exists(out / "pmta-seed-gmail" / "summary.json")) << r.output;
  EXPECT_TRUE(fs::exists(out / "pmta-seed-gmail" / "timeseries.csv")) << r.output;
  EXPECT_TRUE(fs::exists(out / "pmta-seed-gmail" / "slow" / "summary.json")) << r.output;
}

TEST(CheckCli, WithoutOutNothingIsWritten) {
  const fs::path file = scenario_file("no_out", kPassing);
  const fs::path before = fs::current_path();
  fs::current_path(file.parent_path());
  const CommandResult r = run_check(file.string() + " --set duration=6h");
  fs::current_path(before);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(fs::exists(file.parent_path() / "runs")) << r.output;
}

TEST(CheckCli, AFileWithoutExpectationsAnywhereIsBadInput) {
  const CommandResult r =
      run_check(scenario_file("no_expectations", "strategies:\n  - name: a\n    set: {seed: 2}\n").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("expect: is missing"), std::string::npos) << r.output;
}

/// Two strategies over receiver worlds: `fast` (no rate limit) delivers more than `slow` (100/h) in 6 hours
/// whatever Gmail's assumed parameters are.
const std::string kWorldStrategies =
    "expect:\n"
    "  - share_of_worlds(providers.gmail.delivered > 0) == 1\n"
    "  - wins(fast, slow, totals.delivered_share) == 1\n"
    "strategies:\n"
    "  - name: slow\n"
    "    set: {sender.destinations.gmail.max_msg_rate: 100/h}\n"
    "  - name: fast\n"
    "    set: {sender.destinations.gmail.max_msg_rate: 0, sender.destinations.gmail.max_smtp_out: 20}\n"
    "    expect:\n"
    "      - wins(slow, fast, totals.delivered_share) > 0\n"
    "      - share_of_worlds(totals.delivered > 1000) >= 0.5\n";

TEST(CheckCli, ChecksExpectationsOverWorldsWithAWinThatPassesAndOneThatFails) {
  const fs::path file = scenario_file("worlds", kWorldStrategies);
  const fs::path junit = file.parent_path() / "results.xml";
  const CommandResult r =
      run_check(file.string() + " --set duration=6h --worlds 4 --threads 2 --junit " + junit.string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  const std::string f = file.string();
  EXPECT_NE(r.output.find(f +
                          " (pmta-seed-gmail), over 4 receiver worlds\n"
                          "  PASS  " +
                          f +
                          ":30:5  share_of_worlds(providers.gmail.delivered > 0) == 1  "
                          "(actual passes in 4 of 4 worlds)\n"
                          "  PASS  " +
                          f +
                          ":31:5  wins(fast, slow, totals.delivered_share) == 1  (actual "
                          "wins in 4 of 4 worlds)\n" +
                          f +
                          " (pmta-seed-gmail) strategy fast, over 4 receiver worlds\n"
                          "  FAIL  " +
                          f +
                          ":38:9  wins(slow, fast, totals.delivered_share) > 0  (actual wins "
                          "in 0 of 4 worlds)\n"
                          "  PASS  " +
                          f +
                          ":39:9  share_of_worlds(totals.delivered > 1000) >= 0.5  (actual "
                          "passes in 4 of 4 worlds)\n"
                          "3 passed, 1 failed\n"),
            std::string::npos)
      << r.output;
  std::ifstream in(junit);
  const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(xml.find("<testsuite name=\"" + f + ": fast over 4 worlds\" tests=\"2\" failures=\"1\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(
      xml.find("<failure message=\"expected wins(slow, fast, totals.delivered_share) &gt; 0, actual wins "
               "in 0 of 4 worlds\"/>"),
      std::string::npos)
      << xml;
}

TEST(CheckCli, ExpectationsOverWorldsAreTheSameOnOneThreadAsOnTwo) {
  const fs::path file = scenario_file("worlds_threads", kWorldStrategies);
  const CommandResult one = run_check(file.string() + " --set duration=6h --worlds 3 --threads 1");
  const CommandResult two = run_check(file.string() + " --set duration=6h --worlds 3 --threads 2");
  EXPECT_EQ(one.exit_code, 1) << one.output;
  EXPECT_EQ(one.output, two.output);
}

TEST(CheckCli, AShareOfWorldsOnTheBaseRunsOverTheFilesWorlds) {
  const fs::path file = scenario_file("worlds_base",
                                      "uncertainty: {worlds: 3}\n"
                                      "expect:\n"
                                      "  - share_of_worlds(providers.gmail.delivered > 0) == 1\n"
                                      "  - share_of_worlds(providers.gmail.delivered > 1e9) > 0\n");
  const CommandResult r = run_check(file.string() + " --set duration=6h");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find(file.string() + " (pmta-seed-gmail), over 3 receiver worlds\n"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("(actual passes in 3 of 3 worlds)\n"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("(actual passes in 0 of 3 worlds; fails in world 1 (actual "), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("1 passed, 1 failed\n"), std::string::npos) << r.output;
}

TEST(CheckCli, BadExpectationsOverWorldsAndWorldCountsExitTwo) {
  const fs::path file = scenario_file("worlds_bad", kWorldStrategies);
  const CommandResult zero = run_check(file.string() + " --worlds 0");
  EXPECT_EQ(zero.exit_code, 2) << zero.output;
  EXPECT_NE(zero.output.find("--worlds: expected a whole number from 1 to 10000, got '0'"), std::string::npos)
      << zero.output;
  const CommandResult unknown = run_check(
      scenario_file("worlds_unknown", "expect: ['wins(fast, slwo, totals.bounced) >= 0.5']\n" +
                                          kWorldStrategies.substr(kWorldStrategies.find("strategies:")))
          .string());
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("scenario.yaml:29:10: error: expect[0]: 'slwo' is not a declared strategy; "
                                "expected one of slow, fast (did you mean 'slow'?)"),
            std::string::npos)
      << unknown.output;
}

/// Every entry under `folder` by relative path, with a file's content (empty for anything else).
std::map<std::string, std::string> tree(const fs::path& folder) {
  std::map<std::string, std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    std::string content;
    if (entry.is_regular_file()) {
      std::ifstream in(entry.path());
      content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    entries[fs::relative(entry.path(), folder).string()] = content;
  }
  return entries;
}

/// Expects `check <args>` to exit 2 with `message` and to leave the scenario's folder as it was.
void expect_refused(const fs::path& file, const std::string& args, const std::string& message) {
  const std::map<std::string, std::string> before = tree(file.parent_path());
  const CommandResult r = run_check(file.string() + " --set duration=6h " + args);
  EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
  EXPECT_NE(r.output.find(message), std::string::npos) << args << "\n" << r.output;
  EXPECT_EQ(r.output.find("passed"), std::string::npos) << "nothing ran: " << r.output;
  EXPECT_EQ(tree(file.parent_path()), before) << args;
}

TEST(CheckCli, OutNeverReplacesAFolderDelivsimDidNotWrite) {
  const fs::path file = scenario_file("out_foreign", kPassing);
  const fs::path dir = file.parent_path();
  fs::create_directories(dir / "pmta-seed-gmail");
  fs::copy_file(file, dir / "pmta-seed-gmail" / "scenario.yaml");
  for (const std::string force : {"", " --force"}) {
    expect_refused(file, "--out " + dir.string() + force,
                   "refusing to replace " + (dir / "pmta-seed-gmail").string() +
                       ": it is not a delivsim output folder (no .delivsim-output) and holds scenario.yaml");
  }
  fs::remove_all(dir / "pmta-seed-gmail");
  for (int run = 0; run < 2; ++run) {
    const CommandResult r = run_check(file.string() + " --set duration=6h --out " + dir.string());
    EXPECT_EQ(r.exit_code, 0) << "a re-run replaces its own folder: " << r.output;
  }
  EXPECT_TRUE(fs::exists(dir / "pmta-seed-gmail" / ".delivsim-output"));
}

TEST(CheckCli, JunitReplacesOnlyARegularFile) {
  const fs::path file = scenario_file("junit_target", kPassing);
  const fs::path dir = file.parent_path();
  fs::create_directories(dir / "reports");
  ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0600), 0);
  expect_refused(file, "--junit " + (dir / "reports").string(),
                 "refusing to replace " + (dir / "reports").string() + ": it is a folder");
  expect_refused(file, "--junit " + (dir / "fifo").string(), "it is a FIFO (named pipe)");
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  expect_refused(file, "--junit ''", "--junit: expected a file path, got ''");
  expect_refused(file, "--out ''", "--out: expected a folder path, got ''");
  expect_refused(file, "--junit " + (dir / "no" / "r.xml").string(), "is not an existing folder");
  expect_refused(file, "--replications 0",
                 "--replications: expected a whole number from 1 to 10000, got '0'");
}

}  // namespace
