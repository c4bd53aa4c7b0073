// A single output file (JUnit XML, an HTML report) replaces only a regular file, and nothing else.
#include "sim/output/text_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>

#include "sim/output/output_path_error.h"
#include "tests/output/folder_files.h"

namespace delivsim {
namespace {

namespace fs = std::filesystem;
using delivsim::testing::names_in;
using delivsim::testing::read_text;

class TextFile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    base_ = fs::temp_directory_path() /
            ("delivsim-text-file-test-" + std::to_string(getpid()) + "-" + test->name());
    fs::remove_all(base_);
    fs::create_directories(base_);
  }
  void TearDown() override { fs::remove_all(base_); }

  /// The message of the OutputPathError that writing `path` throws.
  std::string refusal(const fs::path& path) {
    try {
      write_text_file_atomically(path, "new");
    } catch (const OutputPathError& error) {
      return error.what();
    }
    ADD_FAILURE() << "no OutputPathError for " << path;
    return "";
  }

  fs::path base_;
};

TEST_F(TextFile, CreatesANewFileAndReplacesARegularOne) {
  write_text_file_atomically(base_ / "a.xml", "first");
  EXPECT_EQ(read_text(base_ / "a.xml"), "first");
  write_text_file_atomically(base_ / "a.xml", "second");
  EXPECT_EQ(read_text(base_ / "a.xml"), "second");
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"a.xml"}));
}

TEST_F(TextFile, RefusesAFolderAFifoAndALinkAndLeavesThemAsTheyWere) {
  fs::create_directories(base_ / "folder");
  std::ofstream(base_ / "folder" / "inside.txt") << "keep";
  ASSERT_EQ(mkfifo((base_ / "fifo").c_str(), 0600), 0);
  std::ofstream(base_ / "target.txt") << "keep";
  fs::create_symlink(base_ / "target.txt", base_ / "link");
  EXPECT_NE(refusal(base_ / "folder").find("it is a folder; delivsim replaces only a regular file"),
            std::string::npos);
  EXPECT_NE(refusal(base_ / "fifo")
                .find("refusing to replace " + (base_ / "fifo").string() + ": it is a FIFO (named pipe)"),
            std::string::npos);
  EXPECT_NE(refusal(base_ / "link").find("it is a symbolic link"), std::string::npos);
  EXPECT_NE(refusal("/dev/null").find("it is a device"), std::string::npos);
  EXPECT_TRUE(fs::is_fifo(base_ / "fifo"));
  EXPECT_TRUE(fs::is_symlink(base_ / "link"));
  EXPECT_EQ(read_text(base_ / "folder" / "inside.txt"), "keep");
  EXPECT_EQ(read_text(base_ / "target.txt"), "keep");
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"folder", "fifo", "target.txt", "link"}));
}

TEST_F(TextFile, RefusesAMissingParentAFolderPathAndALongName) {
  EXPECT_NE(refusal(base_ / "no" / "such" / "a.xml").find("is not an existing folder"), std::string::npos);
  EXPECT_NE(refusal(base_.string() + "/").find("names a folder; expected a file path"), std::string::npos);
  EXPECT_NE(refusal(base_ / std::string(250, 'x')).find("is 250 bytes long; at most 239 fit"),
            std::string::npos);
  EXPECT_NE(refusal("").find("an empty path"), std::string::npos);
  EXPECT_TRUE(names_in(base_).empty());
}

TEST_F(TextFile, RemovesTheTemporaryFileOfAKilledWriterOnly) {
  std::ofstream(base_ / ".a.xml.tmp-2147483647") << "killed writer";  // no such process
  std::ofstream(base_ / ".a.xml.tmp-1") << "running writer";          // init
  write_text_file_atomically(base_ / "a.xml", "new");
  EXPECT_EQ(names_in(base_), (std::set<std::string>{"a.xml", ".a.xml.tmp-1"}));
}

}  // namespace
}  // namespace delivsim
