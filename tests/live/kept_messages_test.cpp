// `delivsim serve --keep DIR`: the folder is checked before it is made, accepted messages become numbered
// files, refused and abandoned ones leave nothing, and no existing file is replaced.
#include "sim/live/kept_messages.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace delivsim {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("delivsim-kept-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  return dir;
}

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

void send(MessageSink& sink, const std::string& line, bool accepted) {
  sink.begin("a@x.example", {"b@gmail.com", "c@gmail.com"});
  sink.line(line);
  sink.line("");
  sink.end(accepted);
}

TEST(KeptMessages, AnAcceptedMessageIsAFileWithItsEnvelopeAndContent) {
  const fs::path dir = fresh_dir("accepted");
  KeptMessages kept(dir / "made");
  EXPECT_FALSE(fs::exists(dir)) << "checking the path makes nothing";
  kept.make_folder();
  const auto sink = kept.sink();
  send(*sink, "Subject: one", true);
  EXPECT_EQ(kept.kept(), 1u);
  EXPECT_EQ(names_in(dir / "made"), std::set<std::string>{"00000001.eml"});
  EXPECT_EQ(contents(dir / "made" / "00000001.eml"),
            "Return-Path: <a@x.example>\r\nX-Delivsim-Recipient: <b@gmail.com>\r\n"
            "X-Delivsim-Recipient: <c@gmail.com>\r\nSubject: one\r\n\r\n");
  fs::remove_all(dir);
}

TEST(KeptMessages, RefusedAndAbandonedMessagesLeaveNothing) {
  const fs::path dir = fresh_dir("refused");
  KeptMessages kept(dir);
  kept.make_folder();
  {
    const auto sink = kept.sink();
    send(*sink, "Subject: refused", false);
    sink->begin("a@x.example", {"b@gmail.com"});
    sink->line("the connection closes before the final dot");
  }
  EXPECT_EQ(kept.kept(), 0u);
  EXPECT_TRUE(names_in(dir).empty());
  fs::remove_all(dir);
}

TEST(KeptMessages, NumberingSkipsFilesItDidNotWrite) {
  const fs::path dir = fresh_dir("skip");
  fs::create_directories(dir);
  std::ofstream(dir / "00000001.eml") << "someone else's";
  KeptMessages kept(dir);
  const auto first = kept.sink();
  const auto second = kept.sink();
  send(*first, "Subject: a", true);
  send(*second, "Subject: b", true);
  EXPECT_EQ(contents(dir / "00000001.eml"), "someone else's");
  EXPECT_NE(contents(dir / "00000002.eml").find("Subject: a"), std::string::npos);
  EXPECT_NE(contents(dir / "00000003.eml").find("Subject: b"), std::string::npos);
  EXPECT_EQ(names_in(dir).size(), 3u);
  fs::remove_all(dir);
}

TEST(KeptMessages, AFileWhereTheFolderShouldBeIsAnError) {
  const fs::path dir = fresh_dir("file");
  fs::create_directories(dir);
  std::ofstream(dir / "taken") << "x";
  EXPECT_THROW(KeptMessages(dir / "taken"), std::runtime_error);
  EXPECT_THROW(KeptMessages(dir / "taken" / "below"), std::runtime_error);
  EXPECT_EQ(names_in(dir), std::set<std::string>{"taken"});
  fs::remove_all(dir);
}

}  // namespace
}  // namespace delivsim
