// `delivsim log stats` on hostile accounting logs: a line past the cap, a record of a million fields, a
// quoted field that never ends, and a log of many distinct domains and replies; each ends quickly with exit 2
// and a position (or, for the last, in bounded memory and output), never a crash, a hang or a partial stdout.
#include <gtest/gtest.h>

#include <string>

#include "tests/hostile/hostile_runner.h"
#include "tests/test_id.h"

namespace delivsim::hostile {
namespace {

std::string test_name() {
  return delivsim::testing::current_test_id();
}

Limits quick() {
  Limits limits;
  limits.wall = std::chrono::seconds(20);
  limits.address_space_bytes = 1ull << 30;
  return limits;
}

constexpr const char* kHeader = "type,timeLogged,timeQueued,rcpt,dsnDiag,bounceCat\n";

void expect_refused(const Outcome& r, const std::string& position) {
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_FALSE(r.timed_out) << describe(r);
  EXPECT_EQ(r.out, "") << describe(r);
  EXPECT_NE(r.err.find(position), std::string::npos) << describe(r);
  EXPECT_LT(r.err_bytes, 4096u) << describe(r);
}

TEST(LogStatsHostile, ALineLongerThanTheCapIsAnError) {
  Sandbox box(test_name());
  box.write("log.csv", std::string(kHeader) + "d,0,0,a@b.c,\"" + std::string(4 << 20, 'x') + "\",\n");
  expect_refused(box.run({"log", "stats", "log.csv"}, quick()), "log.csv:2:1048577: error: line longer than");
}

TEST(LogStatsHostile, AMillionFieldsAreAnError) {
  Sandbox box(test_name());
  std::string line(1'000'000, ',');
  box.write("log.csv", std::string(kHeader) + line + "\n");
  expect_refused(box.run({"log", "stats", "log.csv"}, quick()),
                 "log.csv:2:4096: error: more than 4096 fields");
}

TEST(LogStatsHostile, AQuoteThatNeverEndsIsAnError) {
  Sandbox box(test_name());
  std::string lines;
  for (int i = 0; i < 200'000; ++i) lines += "d,0,0,a@b.c,,\n";
  box.write("log.csv", std::string(kHeader) + "d,0,0,a@b.c,\"" + lines);
  expect_refused(box.run({"log", "stats", "log.csv"}, quick()),
                 "error: the record that starts on line 2 is longer");
}

TEST(LogStatsHostile, ManyDomainsAndRepliesStayBounded) {
  Sandbox box(test_name());
  std::string log = kHeader;
  for (int i = 0; i < 20'000; ++i) {
    const std::string n = std::to_string(i);
    log += "t," + std::to_string(1767571200 + i) + ",1767571200,u@d" + n + ".example,smtp;421 4.7." + n +
           " busy,\n";
    log += "d," + std::to_string(1767571200 + i) + ",1767571200,u@d" + n + ".example,smtp;250 ok,\n";
  }
  box.write("log.csv", log);
  const Outcome r = box.run({"log", "stats", "--json", "log.csv"}, quick());
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_LT(r.out.size(), 4u << 20) << describe(r);  // 200 domain rows, 500 reply keys a table at most
  EXPECT_NE(r.out.find("\"(other domains)\""), std::string::npos);
  EXPECT_LT(r.max_rss_kib, 256 * 1024) << describe(r);
}

}  // namespace
}  // namespace delivsim::hostile
