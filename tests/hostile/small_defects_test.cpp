// Issue 9 §4: long names, echoed values, seeds, ignored keys, range messages, CSV formulas and `--set` into a
// default provider.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/hostile/hostile_runner.h"
#include "tests/test_id.h"

namespace delivsim::hostile {
namespace {

namespace fs = std::filesystem;

std::string test_name() {
  return delivsim::testing::current_test_id();
}

Limits quick() {
  Limits limits;
  limits.wall = std::chrono::seconds(10);
  return limits;
}

TEST(SmallDefects, ANameTooLongForAFolderIsRefusedBeforeTheRun) {
  Sandbox box(test_name());
  box.write("s.yaml", replaced(long_scenario(), "name: hostile", "name: " + std::string(300, 'n')));
  for (const char* command : {"validate", "run"}) {
    const Outcome r = box.run_file(command, "s.yaml", quick());
    EXPECT_EQ(r.exit_code, 2) << command << ": " << describe(r);
    EXPECT_NE(r.err.find("s.yaml:1:7: error: name"), std::string::npos) << command << ": " << describe(r);
  }
}

TEST(SmallDefects, EchoedValuesAreCut) {
  Sandbox box(test_name());
  box.write("s.yaml",
            replaced(small_scenario(), "name: hostile", "name: '" + std::string(10 << 20, '/') + "'"));
  box.write("t.yaml", replaced(small_scenario(), "pool: main", "pool: " + std::string(10 << 20, 'p')));
  for (const char* file : {"s.yaml", "t.yaml"}) {
    const Outcome r = box.run({"validate", file}, quick());
    EXPECT_EQ(r.exit_code, 2) << file << ": " << describe(r);
    EXPECT_LT(r.err_bytes, 4096u) << file << ": " << describe(r);
  }
  const Outcome r =
      box.run({"validate", "s.yaml", "--set", "duration=" + std::string(100'000, '9')}, quick());
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_LT(r.err_bytes, 4096u) << describe(r);
}

TEST(SmallDefects, OutOfRangeSeedsAreRefused) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  for (const char* seed : {"-1", "18446744073709551616", "1e23", "1.5", "x"}) {
    const Outcome r = box.run({"run", "s.yaml", "-q", "--out", "out", "--seed", seed}, quick());
    EXPECT_EQ(r.exit_code, 2) << "--seed " << seed << ": " << describe(r);
  }
  const Outcome top =
      box.run({"run", "s.yaml", "-q", "--out", "out", "--seed", "18446744073709551615"}, quick());
  EXPECT_EQ(top.exit_code, 0) << describe(top);
  box.write("e.yaml", replaced(small_scenario(), "seed: 7", "seed: 2e5"));
  const Outcome exponent = box.run({"validate", "e.yaml"}, quick());
  EXPECT_EQ(exponent.exit_code, 0) << describe(exponent);
}

TEST(SmallDefects, KeysThatWouldBeIgnoredAreRefused) {
  Sandbox box(test_name());
  box.write("sweep.yaml", small_scenario("hostile", "sweep:\n  - {path: sweep, values: [1, 2]}\n"));
  box.write("strategies.yaml",
            small_scenario("hostile", "strategies:\n  - name: a\n    set: {strategies: []}\n  - name: b\n"));
  const Outcome sweep = box.run({"validate", "sweep.yaml"}, quick());
  EXPECT_EQ(sweep.exit_code, 2) << describe(sweep);
  EXPECT_NE(sweep.err.find("sweep.yaml:16:"), std::string::npos) << describe(sweep);
  const Outcome strategies = box.run({"validate", "strategies.yaml"}, quick());
  EXPECT_EQ(strategies.exit_code, 2) << describe(strategies);
  EXPECT_NE(strategies.err.find("strategies.yaml:17:"), std::string::npos) << describe(strategies);
}

TEST(SmallDefects, RangeMessagesAreWords) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"run", "s.yaml", "--replications", "0"},
                                             {"run", "s.yaml", "--threads", "-1"},
                                             {"compare", "s.yaml", "--replications", "0"}}) {
    const Outcome r = box.run(args, quick());
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_EQ(r.err.find("e+308"), std::string::npos) << describe(r);
    EXPECT_EQ(r.err.find("0.000000"), std::string::npos) << describe(r);
  }
}

/// Every cell of the CSV text `csv` that a spreadsheet would run as a formula: text starting with =, +, -, @,
/// tab or carriage return that is not a number.
std::vector<std::string> formula_cells(const std::string& csv) {
  std::vector<std::string> found;
  std::string cell;
  bool quoted = false;
  const auto finish = [&] {
    const bool risky = !cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos;
    char* end = nullptr;
    const bool number = !cell.empty() && (std::strtod(cell.c_str(), &end), *end == '\0');
    if (risky && !number) found.push_back(cell);
    cell.clear();
  };
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted && c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
      cell += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == ',' || c == '\n')) {
      finish();
    } else {
      cell += c;
    }
  }
  return found;
}

TEST(SmallDefects, NamesThatLookLikeFormulasAreEscapedInEveryCsv) {
  Sandbox box(test_name());
  box.write("s.yaml", replaced(small_scenario(), "- name: mail", "- name: '=HYPERLINK(\"x\")'"));
  ASSERT_EQ(box.run({"run", "s.yaml", "-q", "--out", "out", "--accounting"}).exit_code, 0);
  ASSERT_EQ(box.run({"run", "s.yaml", "-q", "--out", "reps", "-r", "2"}).exit_code, 0);
  int csv_files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(box.path() / "work")) {
    if (entry.path().extension() != ".csv") continue;
    ++csv_files;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::vector<std::string> cells = formula_cells(text);
    EXPECT_TRUE(cells.empty()) << entry.path() << ": " << cells.front();
  }
  EXPECT_GE(csv_files, 3);
  const Outcome report = box.run({"report", "out", "--out", "report.html"});
  EXPECT_EQ(report.exit_code, 0) << describe(report);
}

TEST(SmallDefects, SetIntoADefaultProviderWorks) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  const Outcome r = box.run(
      {"run", "s.yaml", "-q", "--out", "out", "--set", "providers.gmail.params.max_connections_per_ip=5"});
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  const Outcome typo =
      box.run({"validate", "s.yaml", "--set", "providers.gmial.params.max_connections_per_ip=5"}, quick());
  EXPECT_EQ(typo.exit_code, 2) << describe(typo);
}

}  // namespace
}  // namespace delivsim::hostile
