#include "sim/output/output_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>

#include "sample_run_result.h"
#include "sim/output/output_path_error.h"
#include "sim/output/summary_json.h"
#include "tests/output/folder_files.h"

namespace delivsim {
namespace {

namespace fs = std::filesystem;
using delivsim::testing::names_in;
using delivsim::testing::read_text;
using delivsim::testing::write_text;

OutputFile text_file(const std::string& name, const std::string& text) {
  return {name, [text](std::ostream& out) { out << text; }};
}

OutputFile throwing_file(const std::string& name) {
  return {name, [](std::ostream& out) {
            out << "half a file";
            throw std::runtime_error("writer broke");
          }};
}

/// Each test works in its own fresh folder under the system temp folder.
class OutputDir : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    base_ =
        fs::temp_directory_path() / ("delivsim-output-test-" + std::to_string(getpid()) + "-" + test->name());
    fs::remove_all(base_);
    fs::create_directories(base_);
  }
  void TearDown() override { fs::remove_all(base_); }

  /// An out_dir that an earlier delivsim output left: the marker and a summary.json.
  fs::path existing_out_dir() const {
    const fs::path out = base_ / "out";
    fs::create_directories(out);
    write_text(out / kOutputMarkerName, kOutputMarkerText);
    write_text(out / "summary.json", "previous run");
    return out;
  }

  fs::path base_;
};

TEST_F(OutputDir, WritesEveryFile) {
  write_outputs_atomically(base_ / "out", {text_file("a.txt", "alpha"), text_file("b.csv", "x,y\n")});
  EXPECT_EQ(names_in(base_ / "out"), (std::set<std::string>{kOutputMarkerName, "a.txt", "b.csv"}));
  EXPECT_EQ(read_text(base_ / "out" / kOutputMarkerName), kOutputMarkerText);
  EXPECT_EQ(read_text(base_ / "out" / "a.txt"), "alpha");
  EXPECT_EQ(read_text(base_ / "out" / "b.csv"), "x,y\n");
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
}

TEST_F(OutputDir, CreatesMissingParentFoldersAndAcceptsATrailingSeparator) {
  const fs::path out = base_ / "a" / "b" / "out";
  write_outputs_atomically(out.string() + "/", {text_file("a.txt", "alpha")});
  EXPECT_EQ(read_text(out / "a.txt"), "alpha");
  EXPECT_EQ(names_in(base_ / "a" / "b"), (std::set<std::string>{"out"}));
}

TEST_F(OutputDir, ReplacesAnEarlierOutputWholly) {
  const fs::path out = existing_out_dir();
  write_outputs_atomically(out, {text_file("a.txt", "alpha")});
  EXPECT_EQ(names_in(out), (std::set<std::string>{kOutputMarkerName, "a.txt"}));
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
}

TEST_F(OutputDir, ReplacesAnEmptyFolder) {
  fs::create_directories(base_ / "out");
  write_outputs_atomically(base_ / "out", {text_file("a.txt", "alpha")});
  EXPECT_EQ(names_in(base_ / "out"), (std::set<std::string>{kOutputMarkerName, "a.txt"}));
}

TEST_F(OutputDir, RefusesAFolderDelivsimDidNotWriteAndTouchesNothing) {
  fs::create_directories(base_ / "out" / "notes");
  write_text(base_ / "out" / "scenario.yaml", "name: mine\n");
  write_text(base_ / "out" / "notes" / "todo.txt", "keep me");
  for (const ReplaceMode mode : {ReplaceMode::Marked, ReplaceMode::Force}) {
    try {
      write_outputs_atomically(base_ / "out", {text_file("summary.json", "{}")}, mode);
      FAIL() << "no error";
    } catch (const OutputPathError& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find("refusing to replace " + (base_ / "out").string() +
                             ": it is not a delivsim output folder (no .delivsim-output) and holds "),
                std::string::npos)
          << message;
    }
    EXPECT_EQ(names_in(base_ / "out"), (std::set<std::string>{"scenario.yaml", "notes"}));
    EXPECT_EQ(read_text(base_ / "out" / "notes" / "todo.txt"), "keep me");
    EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
  }
}

TEST_F(OutputDir, RefusesAnEarlierOutputThatAlsoHoldsAForeignFileEvenWithForce) {
  const fs::path out = existing_out_dir();
  fs::create_directories(out / "rep-001");
  write_text(out / "rep-001" / "my-notes.txt", "keep me");
  for (const ReplaceMode mode : {ReplaceMode::Marked, ReplaceMode::Force}) {
    try {
      write_outputs_atomically(out, {text_file("summary.json", "{}")}, mode);
      FAIL() << "no error";
    } catch (const OutputPathError& error) {
      EXPECT_NE(std::string(error.what()).find("it holds rep-001/my-notes.txt, which delivsim did not write"),
                std::string::npos)
          << error.what();
    }
    EXPECT_EQ(read_text(out / "rep-001" / "my-notes.txt"), "keep me");
    EXPECT_EQ(read_text(out / "summary.json"), "previous run");
  }
}

TEST_F(OutputDir, ForceReplacesAnUnmarkedFolderOfDelivsimFilesOnly) {
  const fs::path out = base_ / "out";
  fs::create_directories(out / "rep-001");
  write_text(out / "summary.json", "older delivsim");
  write_text(out / "rep-001" / "timeseries.csv", "t_s\n");
  try {
    write_outputs_atomically(out, {text_file("summary.json", "{}")});
    FAIL() << "no error";
  } catch (const OutputPathError& error) {
    EXPECT_NE(std::string(error.what()).find("holds only files delivsim writes, so --force replaces it"),
              std::string::npos)
        << error.what();
  }
  EXPECT_EQ(read_text(out / "summary.json"), "older delivsim");
  write_outputs_atomically(out, {text_file("summary.json", "{}")}, ReplaceMode::Force);
  EXPECT_EQ(names_in(out), (std::set<std::string>{kOutputMarkerName, "summary.json"}));
}

TEST_F(OutputDir, KeepsThePreviousFolderWhenAWriterThrows) {
  const fs::path out = existing_out_dir();
  try {
    write_outputs_atomically(out, {text_file("a.txt", "alpha"), throwing_file("b.csv")});
    FAIL() << "no error";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(out.string()), std::string::npos) << message;
    EXPECT_NE(message.find("b.csv: writer broke"), std::string::npos) << message;
  }
  EXPECT_EQ(names_in(out), (std::set<std::string>{kOutputMarkerName, "summary.json"}));
  EXPECT_EQ(read_text(out / "summary.json"), "previous run");
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
}

TEST_F(OutputDir, LeavesNothingWhenAWriterThrowsAndThereWasNoFolder) {
  EXPECT_THROW(write_outputs_atomically(base_ / "out", {throwing_file("a.txt")}), std::runtime_error);
  EXPECT_TRUE(names_in(base_).empty());
}

TEST_F(OutputDir, RefusesToReplaceAFile) {
  write_text(base_ / "out", "not a folder");
  EXPECT_THROW(write_outputs_atomically(base_ / "out", {text_file("a.txt", "alpha")}), OutputPathError);
  EXPECT_EQ(read_text(base_ / "out"), "not a folder");
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
}

TEST_F(OutputDir, WritesNamesWithSubfoldersIntoThem) {
  write_outputs_atomically(base_ / "out", {text_file("summary.json", "{}"), text_file("rep-001/a.txt", "one"),
                                           text_file("rep-002/deeper/b.txt", "two")});
  EXPECT_EQ(names_in(base_ / "out"),
            (std::set<std::string>{kOutputMarkerName, "summary.json", "rep-001", "rep-002"}));
  EXPECT_EQ(read_text(base_ / "out" / "rep-001" / "a.txt"), "one");
  EXPECT_EQ(read_text(base_ / "out" / "rep-002" / "deeper" / "b.txt"), "two");
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
}

TEST_F(OutputDir, RefusesNamesOutsideTheFolderAndKeepsThePreviousOne) {
  const fs::path out = existing_out_dir();
  for (const std::string name :
       {"../escape.txt", "a/../../escape.txt", "/tmp/absolute.txt", "", "rep-001/"}) {
    EXPECT_THROW(write_outputs_atomically(out, {text_file("a.txt", "alpha"), text_file(name, "x")}),
                 std::runtime_error)
        << name;
    EXPECT_EQ(names_in(out), (std::set<std::string>{kOutputMarkerName, "summary.json"})) << name;
    EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"})) << name;
  }
}

TEST_F(OutputDir, ListsARunsFilesUnderAPrefix) {
  const RunResult result = sample_run_result();
  std::vector<std::string> names;
  for (const OutputFile& file : run_output_files(result, true, "rep-002/")) names.push_back(file.name);
  EXPECT_EQ(names, (std::vector<std::string>{"rep-002/summary.json", "rep-002/timeseries.csv",
                                             "rep-002/accounting.csv"}));
}

TEST_F(OutputDir, WritesARunsFilesWithAccountingOnlyWhenAsked) {
  const RunResult result = sample_run_result();
  write_run_outputs(result, base_ / "out", false);
  EXPECT_EQ(names_in(base_ / "out"),
            (std::set<std::string>{kOutputMarkerName, "summary.json", "timeseries.csv"}));
  EXPECT_EQ(read_text(base_ / "out" / "summary.json"), summary_json(result));
  write_run_outputs(result, base_ / "out", true);
  EXPECT_EQ(names_in(base_ / "out"),
            (std::set<std::string>{kOutputMarkerName, "summary.json", "timeseries.csv", "accounting.csv"}));
  EXPECT_EQ(read_text(base_ / "out" / "timeseries.csv").substr(0, 4), "t_s,");
  EXPECT_EQ(read_text(base_ / "out" / "accounting.csv").substr(0, 5), "type,");
}

TEST_F(OutputDir, KeepsThePreviousRunWhenAccountingCannotBeWritten) {
  RunResult result = sample_run_result();
  write_run_outputs(result, base_ / "out", false);
  const std::string previous_summary = read_text(base_ / "out" / "summary.json");
  result.scenario = "second-run";
  result.start_date = "not a date";
  EXPECT_THROW(write_run_outputs(result, base_ / "out", true), std::runtime_error);
  EXPECT_EQ(read_text(base_ / "out" / "summary.json"), previous_summary);
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
}

}  // namespace
}  // namespace delivsim
