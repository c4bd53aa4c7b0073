// `--out` as a careless user gives it: run, compare and sweep never replace a folder delivsim did not write,
// refuse a bad output path before simulating (exit 2), and say in words which option values are allowed.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <sstream>

#include "compare_fixture.h"
#include "sim/output/output_folder.h"
#include "tests/cli_runner.h"
#include "tests/test_id.h"

namespace {

namespace fs = std::filesystem;

using delivsim::testing::CommandResult;
using delivsim::testing::run_delivsim;

const std::string kStrategies =
    "strategies:\n  - {name: fast, set: {sender.destinations.gmail.max_smtp_out: 20}}\n"
    "  - {name: slow, set: {sender.destinations.gmail.max_smtp_out: 2}}\n";
const std::string kSweep = "sweep:\n  - {path: sender.destinations.gmail.max_smtp_out, values: [2, 20]}\n";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every entry under `folder` by relative path, with a regular file's content (empty for anything else).
std::map<std::string, std::string> tree(const fs::path& folder) {
  std::map<std::string, std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    entries[entry.path().lexically_relative(folder).string()] =
        entry.is_regular_file() ? read_text(entry.path()) : "";
  }
  return entries;
}

class OutputSafetyCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("delivsim_output_safety_" + delivsim::testing::current_test_id());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "notes");
    std::ofstream(dir_ / "notes" / "todo.txt") << "keep me";
  }
  void TearDown() override {
    fs::current_path(fs::temp_directory_path());
    fs::remove_all(dir_);
  }

  /// Writes the small scenario with `batch_keys` into the test folder as `name`; returns its path.
  fs::path scenario(const std::string& batch_keys = "", const std::string& name = "scenario.yaml") const {
    std::ofstream(dir_ / name) << delivsim::testing::small_batch_text(batch_keys);
    return dir_ / name;
  }

  /// Expects exit 2 with a message containing `message`, and every entry of the test folder as before.
  void expect_refused(const std::string& args, const std::string& message) {
    const std::map<std::string, std::string> before = tree(dir_);
    const CommandResult result = run_delivsim(args);
    EXPECT_EQ(result.exit_code, 2) << args << "\n" << result.output;
    EXPECT_NE(result.output.find(message), std::string::npos) << args << "\n" << result.output;
    EXPECT_EQ(tree(dir_), before) << args;
  }

  fs::path dir_;
};

TEST_F(OutputSafetyCli, OutDotInAFolderOfOtherFilesIsRefusedAndKeepsEveryFile) {
  scenario();
  fs::current_path(dir_);
  expect_refused("run scenario.yaml --out .",
                 "delivsim: refusing to replace " + dir_.string() +
                     ": it is not a delivsim output folder (no .delivsim-output)");
  expect_refused("run scenario.yaml --out . --force", "it is not a delivsim output folder");
}

TEST_F(OutputSafetyCli, TheFolderHoldingTheScenarioIsNeverAnOutputFolder) {
  const std::string refused = "refusing to replace " + dir_.string() + ": it is not a delivsim output folder";
  expect_refused("run " + scenario().string() + " --out " + dir_.string(), refused);
  expect_refused("run " + scenario().string() + " -r 2 --out " + dir_.string() + " --force", refused);
  expect_refused("compare " + scenario(kStrategies).string() + " --out " + dir_.string(), refused);
  expect_refused("sweep " + scenario(kSweep).string() + " --out " + dir_.string() + " --force", refused);
}

TEST_F(OutputSafetyCli, AnEarlierRunFolderIsReplacedAndMarked) {
  const fs::path out = dir_ / "runs" / "small";
  const std::string plain = scenario().string();
  for (const std::string& command :
       {"run " + plain, "compare " + scenario(kStrategies, "compare.yaml").string(),
        "sweep " + scenario(kSweep, "sweep.yaml").string(), "run " + plain + " -r 2"}) {
    const CommandResult result = run_delivsim(command + " -q --out " + out.string());
    EXPECT_EQ(result.exit_code, 0) << command << "\n" << result.output;
    EXPECT_EQ(read_text(out / delivsim::kOutputMarkerName), delivsim::kOutputMarkerText) << command;
  }
  EXPECT_TRUE(fs::exists(out / "rep-002" / "summary.json"));
  EXPECT_FALSE(fs::exists(out / "sweep.csv")) << "replaced whole";
}

TEST_F(OutputSafetyCli, ForceReplacesAnOlderDelivsimOutputButNotOneWithOtherFiles) {
  const fs::path out = dir_ / "old-run";
  fs::create_directories(out);
  std::ofstream(out / "summary.json") << "{}";
  std::ofstream(out / "timeseries.csv") << "t_s\n";
  expect_refused("run " + scenario().string() + " --out " + out.string(),
                 "holds only files delivsim writes, so --force replaces it");
  const CommandResult forced =
      run_delivsim("run " + scenario().string() + " -q --force --out " + out.string());
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_TRUE(fs::exists(out / delivsim::kOutputMarkerName));
  std::ofstream(out / "my-analysis.txt") << "keep me";
  expect_refused("run " + scenario().string() + " --force --out " + out.string(),
                 "it holds my-analysis.txt, which delivsim did not write");
}

TEST_F(OutputSafetyCli, BadOutputPathsAreRefusedBeforeTheRun) {
  const std::string file = scenario(kStrategies).string();
  expect_refused("run " + file + " --out ''", "--out: expected a folder path, got ''");
  expect_refused("compare " + file + " --out ''", "--out: expected a folder path, got ''");
  expect_refused("run " + file + " --out " + (dir_ / "notes" / "todo.txt" / "out").string(),
                 (dir_ / "notes" / "todo.txt").string() + " is not a folder");
  expect_refused("compare " + file + " --out " + (dir_ / std::string(250, 'o')).string(), "bytes long");
  ASSERT_EQ(mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  expect_refused("sweep " + scenario(kSweep).string() + " --out " + (dir_ / "fifo").string(),
                 "it is a file, not a folder");
  EXPECT_TRUE(fs::is_fifo(dir_ / "fifo"));
}

TEST_F(OutputSafetyCli, ALongScenarioNameIsRefusedBeforeTheRun) {
  const std::string text = delivsim::testing::small_batch_text("");
  std::ofstream(dir_ / "long.yaml") << "name: " << std::string(300, 'n') << text.substr(text.find('\n'));
  fs::current_path(dir_);
  const CommandResult result = run_delivsim("run long.yaml");
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("long"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("Delivered"), std::string::npos) << "nothing ran: " << result.output;
  EXPECT_FALSE(fs::exists(dir_ / "runs"));
}

TEST_F(OutputSafetyCli, SeedsOutsideZeroToTwoToTheSixtyFourAreRefused) {
  const std::string file = scenario().string();
  for (const std::string seed : {"-1", "18446744073709551616", "1e23", "1.5", "abc", "0x10", ""}) {
    expect_refused("run " + file + " --seed '" + seed + "'",
                   "--seed: expected a whole number from 0 to 18446744073709551615, got '" + seed + "'");
  }
  for (const auto& [given, seed] : std::map<std::string, std::string>{
           {"0", "0"}, {"18446744073709551615", "18446744073709551615"}, {"2e5", "200000"}}) {
    const fs::path out = dir_ / ("seed-" + seed);
    const CommandResult result =
        run_delivsim("run " + file + " -q --seed " + given + " --out " + out.string());
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(read_text(out / "summary.json").find("\"seed\": " + seed + ","), std::string::npos) << given;
  }
}

TEST_F(OutputSafetyCli, RangeMessagesSayWhatIsAllowedInWords) {
  const std::string file = scenario(kStrategies).string();
  expect_refused("run " + file + " --replications 0",
                 "--replications: expected a whole number from 1 to 10000, got '0'");
  expect_refused("run " + file + " --threads -1",
                 "--threads: expected a whole number of at least 0, got '-1'");
  expect_refused("compare " + file + " -r 1.5",
                 "--replications: expected a whole number from 1 to 10000, got '1.5'");
  expect_refused("sweep " + scenario(kSweep).string() + " -j 99999999999",
                 "--threads: expected a whole number of at least 0, got '99999999999' (at most 2147483647)");
}

}  // namespace
