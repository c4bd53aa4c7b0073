// `delivsim import FORMAT FILE... --time-scale K --config-out DIR` as a user runs it: the copies land in DIR
// under their own names while the scenario still goes to stdout unscaled; bad options, a foreign file in DIR,
// two inputs with one name, a malformed input and --strict with a rounded value are exit 2 with nothing
// written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli_runner.h"
#include "tests/test_id.h"

namespace delivsim {
namespace {

using testing::run_delivsim;

const std::string kFixtures = std::string(DELIVSIM_SOURCE_DIR) + "/tests/import/fixtures/";

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A fresh folder per test; DIR is a folder inside it that does not exist yet.
class ImportTimeScaleCli : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("delivsim-import-scale-" + delivsim::testing::current_test_id());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
    out_ = root_ / "scaled";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::string postfix_args() const {
    return "import postfix " + kFixtures + "postfix-timers-main.cf " + kFixtures + "postfix-timers-master.cf";
  }

  std::filesystem::path root_;
  std::filesystem::path out_;
};

TEST_F(ImportTimeScaleCli, WritesEachCopyUnderItsNameAndTheScenarioUnscaled) {
  const auto result = run_delivsim(postfix_args() + " --time-scale 3600 --config-out " + out_.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const std::string main = read(out_ / "postfix-timers-main.cf");
  EXPECT_EQ(main.rfind("# Written by delivsim import --time-scale 3600 from ", 0), 0u);
  EXPECT_NE(main.find("\nqueue_run_delay = 1s\n"), std::string::npos);
  EXPECT_NE(read(out_ / "postfix-timers-master.cf").find("-o maximal_backoff_time=2s"), std::string::npos);
  // The scenario (stdout) keeps the configuration's own times: they are model times.
  EXPECT_NE(result.output.find("queue_run_delay: 5m"), std::string::npos) << result.output;
  EXPECT_NE(
      result.output.find("postfix-timers-main.cf:2:19: warning: queue_run_delay: 300s at time scale 3600"),
      std::string::npos);
  EXPECT_NE(result.output.find("wrote 2 files to " + out_.string()), std::string::npos);
  // Run again: the copies are delivsim's, so they are replaced.
  EXPECT_EQ(run_delivsim(postfix_args() + " --time-scale 60 --config-out " + out_.string()).exit_code, 0);
  EXPECT_EQ(read(out_ / "postfix-timers-main.cf").rfind("# Written by delivsim import --time-scale 60 ", 0),
            0u);
}

TEST_F(ImportTimeScaleCli, RefusesToReplaceAFileDelivsimDidNotWrite) {
  std::filesystem::create_directories(out_);
  std::ofstream(out_ / "postfix-timers-master.cf") << "# the operator's own master.cf\n";
  const auto result = run_delivsim(postfix_args() + " --time-scale 3600 --config-out " + out_.string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("postfix-timers-master.cf exists and was not written by delivsim import"),
            std::string::npos)
      << result.output;
  EXPECT_EQ(read(out_ / "postfix-timers-master.cf"), "# the operator's own master.cf\n");
  EXPECT_FALSE(std::filesystem::exists(out_ / "postfix-timers-main.cf"));  // checked before any is written
}

struct BadCall {
  const char* name;
  std::string args;     ///< after `delivsim import`
  std::string message;  ///< part of what is said
};

// One test walking the table (tests/cli_runner.h names its capture file after the test, which a
// parameterized test's '/' would break).
TEST_F(ImportTimeScaleCli, BadCallsExitTwoAndWriteNothing) {
  const BadCall calls[] = {
      {"NoConfigOut", "pmta FIX/pmta-timers.conf --time-scale 3600",
       "--time-scale K and --config-out DIR go together"},
      {"NoTimeScale", "pmta FIX/pmta-timers.conf --config-out DIR",
       "--time-scale K and --config-out DIR go together"},
      {"Zero", "pmta FIX/pmta-timers.conf --time-scale 0 --config-out DIR",
       "--time-scale: expected a decimal number above 0"},
      {"Negative", "pmta FIX/pmta-timers.conf --time-scale=-5 --config-out DIR", "not a decimal number"},
      {"Word", "pmta FIX/pmta-timers.conf --time-scale fast --config-out DIR", "not a decimal number"},
      {"SameName",
       "postfix FIX/postfix-timers-main.cf FIX/../fixtures/postfix-timers-main.cf "
       "--time-scale 2 --config-out DIR",
       "have the same name, postfix-timers-main.cf"},
      {"Malformed", "kumomta FIX/postfix-timers-main.cf --time-scale 2 --config-out DIR",
       "postfix-timers-main.cf:2:"},
      {"StrictRounding", "kumomta FIX/kumomta-timers.toml --strict --time-scale 0.001 --config-out DIR",
       "kumomta-timers.toml:10:20: error: max_message_rate: 7/d at time scale 0.001"},
  };
  for (const BadCall& call : calls) {
    SCOPED_TRACE(call.name);
    std::string args = call.args;
    for (std::size_t at; (at = args.find("DIR")) != std::string::npos;) args.replace(at, 3, out_.string());
    for (std::size_t at; (at = args.find("FIX/")) != std::string::npos;) args.replace(at, 4, kFixtures);
    const auto result = run_delivsim("import " + args);
    EXPECT_EQ(result.exit_code, 2) << result.output;
    EXPECT_NE(result.output.find(call.message), std::string::npos) << result.output;
    EXPECT_FALSE(std::filesystem::exists(out_));
  }
}

}  // namespace
}  // namespace delivsim
