// `delivsim init` and `delivsim validate --list-set-paths` as a user runs them: every template writes a file
// that validates and runs, with its schema line pointing at the schema beside the templates; an existing
// file, an unknown template and a missing folder are refused with exit 2 and nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/cli/schema_line.h"
#include "tests/cli_runner.h"
#include "tests/test_id.h"

namespace delivsim {
namespace {

using testing::run_delivsim;

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class InitCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("delivsim_init_" + delivsim::testing::current_test_id());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

struct Template {
  const char* name;
  const char* shipped;  ///< the file under scenarios/
};

// One test walking the templates (tests/cli_runner.h names its capture file after the test, which a
// parameterized test's '/' would break).
TEST_F(InitCli, EveryTemplateWritesAFileThatValidatesAndRuns) {
  const Template templates[] = {{"warmup", "gmail-warmup.yaml"},
                                {"cold-blast", "gmail-cold-blast.yaml"},
                                {"strategies", "gmail-strategies.yaml"},
                                {"sweep", "gmail-sweep.yaml"},
                                {"regression", "regression/warmup.yaml"}};
  const std::filesystem::path source = std::filesystem::path(DELIVSIM_SOURCE_DIR);
  const std::filesystem::path schema =
      std::filesystem::weakly_canonical(source / "docs" / "scenario.schema.json");
  for (const Template& entry : templates) {
    SCOPED_TRACE(entry.name);
    const std::filesystem::path file = dir_ / (std::string(entry.name) + ".yaml");
    const auto written = run_delivsim("init " + file.string() + " --template " + entry.name);
    ASSERT_EQ(written.exit_code, 0) << written.output;
    EXPECT_NE(written.output.find("wrote " + file.string() + " from template " + entry.name),
              std::string::npos)
        << written.output;
    EXPECT_NE(written.output.find("next: delivsim run " + file.string() + " --out runs/" + entry.name),
              std::string::npos)
        << written.output;

    const std::string shipped = read(source / "scenarios" / entry.shipped);
    const std::string copy = read(file);
    if (shipped.starts_with(kSchemaLinePrefix)) {
      EXPECT_EQ(copy.substr(0, copy.find('\n')), std::string(kSchemaLinePrefix) + schema.string());
      EXPECT_EQ(copy.substr(copy.find('\n')), shipped.substr(shipped.find('\n')));
    } else {
      EXPECT_EQ(copy, shipped);
    }

    const auto validated = run_delivsim("validate " + file.string());
    EXPECT_EQ(validated.exit_code, 0) << validated.output;
    const std::filesystem::path out = dir_ / (std::string(entry.name) + "-out");
    const auto ran = run_delivsim("run " + file.string() + " --quiet --replications 1 --out " + out.string());
    EXPECT_EQ(ran.exit_code, 0) << ran.output;
    EXPECT_TRUE(std::filesystem::is_regular_file(out / "summary.json"));
  }
}

TEST_F(InitCli, WritesTheWarmupByDefault) {
  const std::filesystem::path file = dir_ / "first.yaml";
  ASSERT_EQ(run_delivsim("init " + file.string()).exit_code, 0);
  EXPECT_NE(read(file).find("name: gmail-warmup"), std::string::npos);
}

TEST_F(InitCli, NeverReplacesAFile) {
  const std::filesystem::path file = dir_ / "mine.yaml";
  std::ofstream(file) << "my own words\n";
  const auto result = run_delivsim("init " + file.string() + " --template cold-blast");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find(file.string() + " exists; init never replaces a file"), std::string::npos)
      << result.output;
  EXPECT_EQ(read(file), "my own words\n");
}

TEST_F(InitCli, RefusesAnUnknownTemplateWithAHintAndTheNames) {
  const std::filesystem::path file = dir_ / "new.yaml";
  const auto result = run_delivsim("init " + file.string() + " --template warmpu");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("no template \"warmpu\" (did you mean \"warmup\"?); templates: warmup, "
                               "cold-blast, strategies, sweep, regression"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST_F(InitCli, CreatesNoFolder) {
  const std::filesystem::path file = dir_ / "missing" / "new.yaml";
  const auto result = run_delivsim("init " + file.string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("the folder " + (dir_ / "missing").string() + " does not exist"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "missing"));
}

TEST_F(InitCli, NeedsAFile) {
  const auto result = run_delivsim("init --template sweep");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("expected FILE"), std::string::npos) << result.output;
}

TEST_F(InitCli, ListsTheTemplates) {
  const auto result = run_delivsim("init --list");
  EXPECT_EQ(result.exit_code, 0);
  for (const char* name : {"warmup", "cold-blast", "strategies", "sweep", "regression"}) {
    EXPECT_NE(("\n" + result.output).find(std::string("\n") + name + " "), std::string::npos) << name;
  }
  EXPECT_NE(result.output.find("(default)"), std::string::npos);
}

TEST(ListSetPaths, PrintsThePathsSetAccepts) {
  const std::string warmup = std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/gmail-warmup.yaml";
  const auto result = run_delivsim("validate " + warmup + " --list-set-paths");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  for (const char* line :
       {"\nseed\n", "\ntraffic[0].campaign.recipients\n", "\ntraffic[0].domains.\"gmail.com\"\n",
        "\nsender.destinations.gmail.max_smtp_out\n"}) {
    EXPECT_NE(result.output.find(line), std::string::npos) << line;
  }
  EXPECT_EQ(result.output.find(": ok ("), std::string::npos);
  // Every listed leaf path is one --set accepts: set a few to the value they already have.
  const auto set = run_delivsim(
      "validate " + warmup +
      " --set 'traffic[0].domains.\"gmail.com\"=0.97' --set sender.destinations.gmail.max_smtp_out=5");
  EXPECT_EQ(set.exit_code, 0) << set.output;
}

TEST(ListSetPaths, RefusesAnInvalidScenario) {
  const auto result = run_delivsim("validate " + std::string(DELIVSIM_SOURCE_DIR) +
                                   "/scenarios/gmail-warmup.yaml --set seed=-1 --list-set-paths");
  EXPECT_EQ(result.exit_code, 2) << result.output;
}

}  // namespace
}  // namespace delivsim
