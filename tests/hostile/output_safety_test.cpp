// Issue 9 §1: outputs replace only what delivsim wrote. Each case runs the real binary in a sandbox, checks
// the exit code and message, and proves that no file outside the output path changed.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "tests/hostile/hostile_runner.h"
#include "tests/test_id.h"

namespace delivsim::hostile {
namespace {

namespace fs = std::filesystem;

std::string test_name() {
  return delivsim::testing::current_test_id();
}

/// The sandbox's files after `args` ran, against before: nothing may change outside `allowed`.
void expect_untouched(const Sandbox& box, const std::map<std::string, TreeEntry>& before,
                      const std::vector<std::string>& allowed = {}) {
  const auto changed = changed_outside(before, snapshot(box.path() / "work"), allowed);
  EXPECT_TRUE(changed.empty()) << "changed: " << (changed.empty() ? "" : changed.front());
}

TEST(OutputSafety, OutDotRefusesToEmptyTheWorkingFolder) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  box.write("notes.txt", "mine\n");
  box.write("project/main.c", "int main(){}\n");
  const auto before = snapshot(box.path() / "work");
  const Outcome r = box.run({"run", "s.yaml", "--out", ".", "-q"});
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.err.find("not a delivsim output folder"), std::string::npos) << describe(r);
  expect_untouched(box, before);
}

TEST(OutputSafety, OutFolderHoldingTheScenarioIsRefused) {
  Sandbox box(test_name());
  box.write("scenarios/s.yaml", small_scenario());
  const auto before = snapshot(box.path() / "work");
  for (const char* command : {"run", "compare", "sweep"}) {
    const Outcome r = box.run({command, "scenarios/s.yaml", "--out", "scenarios", "-q"});
    EXPECT_EQ(r.exit_code, 2) << command << ": " << describe(r);
  }
  const Outcome r = box.run({"check", "scenarios/s.yaml", "--out", "scenarios"});
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  expect_untouched(box, before);
}

TEST(OutputSafety, ARunFolderIsReplacedByTheNextRun) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  ASSERT_EQ(box.run({"run", "s.yaml", "--out", "out", "-q"}).exit_code, 0);
  const auto before = snapshot(box.path() / "work");
  const Outcome again = box.run({"run", "s.yaml", "--out", "out", "-q", "--seed", "8"});
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  expect_untouched(box, before, {"out"});
  EXPECT_TRUE(fs::exists(box.path() / "work/out/summary.json"));
}

TEST(OutputSafety, ForeignFilesInARunFolderAreNeverDeleted) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  ASSERT_EQ(box.run({"run", "s.yaml", "--out", "out", "-q"}).exit_code, 0);
  box.write("out/my-analysis.ipynb", "{}\n");
  const auto before = snapshot(box.path() / "work");
  for (const bool force : {false, true}) {
    std::vector<std::string> args{"run", "s.yaml", "--out", "out", "-q"};
    if (force) args.push_back("--force");
    const Outcome r = box.run(args);
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("my-analysis.ipynb"), std::string::npos) << describe(r);
  }
  expect_untouched(box, before);
}

TEST(OutputSafety, JunitOnlyReplacesARegularFile) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario("hostile", "expect:\n  - totals.injected > 0\n"));
  fs::create_directories(box.path() / "work/adir/inside");
  ASSERT_EQ(mkfifo((box.path() / "work/pipe").c_str(), 0644), 0);
  const auto before = snapshot(box.path() / "work");
  for (const char* target : {"adir", "pipe"}) {
    const Outcome r = box.run({"check", "s.yaml", "--junit", target});
    EXPECT_EQ(r.exit_code, 2) << target << ": " << describe(r);
  }
  expect_untouched(box, before);
  const Outcome ok = box.run({"check", "s.yaml", "--junit", "results.xml"});
  EXPECT_EQ(ok.exit_code, 0) << describe(ok);
}

TEST(OutputSafety, ReportOutOnlyReplacesARegularFile) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  ASSERT_EQ(box.run({"run", "s.yaml", "--out", "out", "-q"}).exit_code, 0);
  ASSERT_EQ(mkfifo((box.path() / "work/pipe").c_str(), 0644), 0);
  fs::create_directories(box.path() / "work/adir");
  const auto before = snapshot(box.path() / "work");
  for (const char* target : {"pipe", "adir"}) {
    const Outcome r = box.run({"report", "out", "--out", target});
    EXPECT_EQ(r.exit_code, 2) << target << ": " << describe(r);
  }
  expect_untouched(box, before);
}

TEST(OutputSafety, ABadOutputPathIsAUsageErrorFoundBeforeTheRun) {
  Sandbox box(test_name());
  // If the path were checked only after the run, the wall-clock limit would end it first.
  box.write("s.yaml", long_scenario());
  box.write("afile", "x\n");
  const auto before = snapshot(box.path() / "work");
  Limits quick;
  quick.wall = std::chrono::seconds(10);
  for (const char* out : {"afile", "afile/below", ""}) {
    const Outcome r = box.run({"run", "s.yaml", "--out", out, "-q"}, quick);
    EXPECT_EQ(r.exit_code, 2) << "--out '" << out << "': " << describe(r);
  }
  const std::string long_name(300, 'n');
  const Outcome r = box.run({"run", "s.yaml", "--out", long_name, "-q"}, quick);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  expect_untouched(box, before);
}

TEST(OutputSafety, LeftoversOfAKilledRunAreCleanedAndTheOldRunRestored) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  ASSERT_EQ(box.run({"run", "s.yaml", "--out", "out", "-q"}).exit_code, 0);
  // A kill after the old run was moved aside and before the new one was moved in, plus a half-written temp
  // folder of a process that is gone (above Linux's largest process id).
  fs::rename(box.path() / "work/out", box.path() / "work/.out.old-4194305");
  box.write(".out.tmp-4194305/summary.json", "{\"sche");
  const Outcome r = box.run({"run", "s.yaml", "--out", "out", "-q", "--seed", "9"});
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_TRUE(fs::exists(box.path() / "work/out/summary.json"));
  EXPECT_FALSE(fs::exists(box.path() / "work/.out.tmp-4194305"));
  EXPECT_FALSE(fs::exists(box.path() / "work/.out.old-4194305"));
}

}  // namespace
}  // namespace delivsim::hostile
