// Which folders an output may replace, the checks made before a run, and the repair of what a killed
// writer left: each kill point of write_outputs_atomically is made by hand (the leftover folders it leaves).
#include "sim/output/output_folder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>

#include "sim/output/output_dir.h"
#include "sim/output/output_path.h"
#include "sim/output/output_path_error.h"
#include "tests/output/folder_files.h"

namespace delivsim {
namespace {

namespace fs = std::filesystem;
using delivsim::testing::names_in;
using delivsim::testing::read_text;
using delivsim::testing::write_text;

/// A process id that cannot run (above Linux's largest pid_max), so its leftovers are stale.
const std::string kDeadPid = "2147483647";
/// The init process: always running (kill answers 0 or EPERM), so its leftovers belong to a live writer.
const std::string kLivePid = "1";

/// The message of the OutputPathError `action` throws; fails the test when it throws none.
template <class Action>
std::string output_path_error(Action action) {
  try {
    action();
  } catch (const OutputPathError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no OutputPathError";
  return "";
}

class OutputFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    base_ =
        fs::temp_directory_path() / ("delivsim-folder-test-" + std::to_string(getpid()) + "-" + test->name());
    fs::remove_all(base_);
    fs::create_directories(base_);
  }
  void TearDown() override {
    fs::permissions(base_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(base_);
  }

  /// A folder as write_outputs_atomically leaves it: the marker and a summary.json saying `content`.
  fs::path delivsim_folder(const std::string& name, const std::string& content) const {
    const fs::path folder = base_ / name;
    fs::create_directories(folder);
    write_text(folder / kOutputMarkerName, kOutputMarkerText);
    write_text(folder / "summary.json", content);
    return folder;
  }

  fs::path base_;
};

TEST_F(OutputFolder, AcceptsAMissingAnEmptyAndAnEarlierOutputFolder) {
  EXPECT_EQ(check_output_folder(base_ / "new", ReplaceMode::Marked), base_ / "new");
  fs::create_directories(base_ / "empty");
  EXPECT_NO_THROW(check_output_folder(base_ / "empty", ReplaceMode::Marked));
  EXPECT_NO_THROW(check_output_folder(delivsim_folder("earlier", "{}"), ReplaceMode::Marked));
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"empty", "earlier"}));
}

TEST_F(OutputFolder, NamesTheFirstForeignEntryAnywhereInside) {
  const fs::path folder = delivsim_folder("out", "{}");
  fs::create_directories(folder / "fast" / "rep-001");
  write_text(folder / "fast" / "rep-001" / "timeseries.csv", "");
  write_text(folder / "fast" / ".report.html.tmp-123", "");  // a killed report's temporary file
  EXPECT_EQ(first_foreign_entry(folder), std::nullopt);
  fs::create_symlink("/etc/passwd", folder / "fast" / "summary.json.link");
  EXPECT_EQ(first_foreign_entry(folder), fs::path("fast/summary.json.link"));
}

TEST_F(OutputFolder, RefusesALinkAFileTheRootAndAnEmptyPath) {
  fs::create_directories(base_ / "real");
  fs::create_directory_symlink(base_ / "real", base_ / "link");
  EXPECT_NE(output_path_error([&] {
              check_output_folder(base_ / "link", ReplaceMode::Force);
            }).find("it is a symbolic link"),
            std::string::npos);
  write_text(base_ / "file", "x");
  EXPECT_NE(output_path_error([&] {
              check_output_folder(base_ / "file", ReplaceMode::Force);
            }).find("it is a file, not a folder"),
            std::string::npos);
  EXPECT_NE(
      output_path_error([&] { check_output_folder("/", ReplaceMode::Force); }).find("cannot be an output"),
      std::string::npos);
  EXPECT_NE(output_path_error([&] { check_output_folder("", ReplaceMode::Force); }).find("an empty path"),
            std::string::npos);
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"real", "link", "file"}));
}

TEST_F(OutputFolder, RefusesNamesTooLongForTheFileSystemOrForTheTemporarySibling) {
  EXPECT_NO_THROW(check_output_folder(base_ / std::string(239, 'a'), ReplaceMode::Marked));
  const std::string message =
      output_path_error([&] { check_output_folder(base_ / std::string(240, 'a'), ReplaceMode::Marked); });
  EXPECT_NE(message.find("is 240 bytes long; at most 239 fit"), std::string::npos) << message;
  EXPECT_NE(output_path_error([&] {
              check_output_folder(base_ / std::string(300, 'b') / "out", ReplaceMode::Marked);
            }).find("is 300 bytes long; the file system allows at most 255"),
            std::string::npos);
  EXPECT_NE(output_path_error([&] {
              check_output_folder(base_ / "out", ReplaceMode::Marked, {"fast", std::string(256, 's')});
            }).find("is 256 bytes long"),
            std::string::npos);
  fs::path deep = base_;
  for (int i = 0; i < 20; ++i) deep /= std::string(200, 'd');
  EXPECT_NE(
      output_path_error([&] { check_output_folder(deep, ReplaceMode::Marked); }).find("path is too long"),
      std::string::npos);
  EXPECT_TRUE(names_in(base_).empty());
}

TEST_F(OutputFolder, RefusesAParentThatIsAFileOrNotWritable) {
  write_text(base_ / "file", "x");
  EXPECT_NE(output_path_error([&] {
              check_output_folder(base_ / "file" / "a" / "out", ReplaceMode::Marked);
            }).find((base_ / "file").string() + " is not a folder"),
            std::string::npos);
  if (geteuid() == 0) GTEST_SKIP() << "root may write in any folder";
  fs::create_directories(base_ / "locked");
  fs::permissions(base_ / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_NE(output_path_error([&] {
              check_output_folder(base_ / "locked" / "new" / "out", ReplaceMode::Marked);
            }).find("the folder " + (base_ / "locked").string() + " is not writable"),
            std::string::npos);
}

// Killed while writing the new folder: the old output is in place, the partial new one is removed.
TEST_F(OutputFolder, RemovesATemporaryFolderOfAKilledWriter) {
  delivsim_folder("out", "old");
  delivsim_folder(".out.tmp-" + kDeadPid, "partial");
  delivsim_folder(".out.tmp-0", "partial, of a delivsim that numbered its leftovers");
  write_text(base_ / (".other.tmp-" + kDeadPid), "another output's");
  check_output_folder(base_ / "out", ReplaceMode::Marked);
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out", ".other.tmp-" + kDeadPid}));
  EXPECT_EQ(read_text(base_ / "out" / "summary.json"), "old");
}

// Killed between the two renames: the old output is only under its hidden name, and comes back.
TEST_F(OutputFolder, RestoresTheEarlierOutputWhenAKillCameBetweenTheRenames) {
  delivsim_folder(".out.old-" + kDeadPid, "old");
  delivsim_folder(".out.tmp-" + kDeadPid, "new, complete");
  check_output_folder(base_ / "out", ReplaceMode::Marked);
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
  EXPECT_EQ(read_text(base_ / "out" / "summary.json"), "old");
  write_outputs_atomically(base_ / "out", {{"summary.json", [](std::ostream& out) { out << "next"; }}});
  EXPECT_EQ(read_text(base_ / "out" / "summary.json"), "next");
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
}

// Killed while removing the old folder (or just before): the new output is in place, the old one goes.
TEST_F(OutputFolder, RemovesTheAsideFolderWhenTheNewOutputIsInPlace) {
  delivsim_folder("out", "new");
  delivsim_folder(".out.old-" + kDeadPid, "old, partly removed");
  check_output_folder(base_ / "out", ReplaceMode::Marked);
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out"}));
  EXPECT_EQ(read_text(base_ / "out" / "summary.json"), "new");
}

TEST_F(OutputFolder, LeavesLeftoversOfARunningWriterAndForeignOnesAlone) {
  delivsim_folder("out", "current");
  delivsim_folder(".out.tmp-" + kLivePid, "being written");
  const fs::path foreign = base_ / (".out.old-" + kDeadPid);
  fs::create_directories(foreign);
  write_text(foreign / "mine.txt", "not delivsim's");
  check_output_folder(base_ / "out", ReplaceMode::Marked);
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"out", ".out.tmp-" + kLivePid, ".out.old-" + kDeadPid}));
  EXPECT_EQ(read_text(foreign / "mine.txt"), "not delivsim's");
}

TEST_F(OutputFolder, NamesSeveralEarlierOutputsInsteadOfGuessing) {
  delivsim_folder(".out.old-" + kDeadPid, "one");
  delivsim_folder(".out.old-2147483646", "two");
  const std::string message =
      output_path_error([&] { check_output_folder(base_ / "out", ReplaceMode::Marked); });
  EXPECT_NE(
      message.find(
          "is missing and 2 earlier outputs of interrupted runs are kept beside it (.out.old-2147483646, "
          ".out.old-2147483647)"),
      std::string::npos)
      << message;
  EXPECT_EQ(names_in(base_), (std::set<std::string>{".out.old-2147483646", ".out.old-2147483647"}));
}

TEST(OutputSiblingName, ReadsTheTargetNameOfASiblingOnly) {
  EXPECT_EQ(sibling_target_name(".report.html.tmp-42", "tmp"), "report.html");
  EXPECT_EQ(sibling_target_name(".a.old-b.old-7", "old"), "a.old-b");
  EXPECT_EQ(sibling_target_name(".out.tmp-", "tmp"), std::nullopt);
  EXPECT_EQ(sibling_target_name(".out.tmp-1x", "tmp"), std::nullopt);
  EXPECT_EQ(sibling_target_name("out.tmp-1", "tmp"), std::nullopt);
  EXPECT_EQ(sibling_target_name(".out.old-1", "tmp"), std::nullopt);
}

}  // namespace
}  // namespace delivsim
