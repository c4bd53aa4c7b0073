// Issue 9 §2: `delivsim report` on a hand-edited or damaged run folder answers exit 2 with a message naming
// the file, and reads a very long time series in bounded memory.
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

/// A sandbox holding a real run folder `out/` of small_scenario.
class DamagedRunFolder : public ::testing::Test {
 protected:
  DamagedRunFolder() : box_(test_name()) {
    box_.write("s.yaml", small_scenario());
    const Outcome r = box_.run({"run", "s.yaml", "--out", "out", "-q"});
    EXPECT_EQ(r.exit_code, 0) << describe(r);
  }
  /// `delivsim report out` after `file` in out/ was given `content`.
  Outcome report_with(const std::string& file, const std::string& content) {
    box_.write("out/" + file, content);
    Limits limits;
    limits.wall = std::chrono::seconds(20);
    return box_.run({"report", "out", "--out", "report.html"}, limits);
  }
  Sandbox box_;
};

TEST_F(DamagedRunFolder, DeeplyNestedSummaryIsRefused) {
  const Outcome r = report_with("summary.json", std::string(100'000, '[') + std::string(100'000, ']'));
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.err.find("summary.json"), std::string::npos) << describe(r);
  EXPECT_FALSE(fs::exists(box_.path() / "work/report.html"));
}

TEST_F(DamagedRunFolder, MalformedSummariesAreRefusedNamingTheFile) {
  for (const std::string content :
       {"[1, 2, 3]", "{\"schema_version\": 1", "", "\"text\"", "{\"totals\": 5}", "\xff\xfe{}"}) {
    const Outcome r = report_with("summary.json", content);
    EXPECT_EQ(r.exit_code, 2) << "'" << content << "': " << describe(r);
    EXPECT_NE(r.err.find("summary.json"), std::string::npos) << "'" << content << "': " << describe(r);
  }
}

TEST_F(DamagedRunFolder, MalformedTimeSeriesIsRefusedWithItsLine) {
  std::ifstream in(box_.path() / "work/out/timeseries.csv");
  std::string header;
  std::getline(in, header);
  const std::size_t columns = static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1;
  std::string row = "0";
  for (std::size_t i = 1; i < columns; ++i) row += i == 2 ? ",many" : ",0";
  const Outcome r = report_with("timeseries.csv", header + "\n" + row + "\n");
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.err.find("timeseries.csv:2"), std::string::npos) << describe(r);
  const Outcome ragged = report_with("timeseries.csv", header + "\n0,1\n");
  EXPECT_EQ(ragged.exit_code, 2) << describe(ragged);
  EXPECT_NE(ragged.err.find("timeseries.csv:2"), std::string::npos) << describe(ragged);
}

TEST_F(DamagedRunFolder, TwoMillionRowTimeSeriesIsStreamed) {
  std::ifstream in(box_.path() / "work/out/timeseries.csv");
  std::string header, first_row;
  std::getline(in, header);
  std::getline(in, first_row);
  const std::string rest = first_row.substr(first_row.find(','));
  {
    std::ofstream out(box_.path() / "work/out/timeseries.csv", std::ios::binary);
    out << header << "\n";
    for (long t = 0; t < 2'000'000; ++t) out << t * 60 << rest << "\n";
  }
  // The summary says the run lasted as long as the series.
  Limits limits;
  limits.address_space_bytes = 1ull << 30;
  limits.wall = std::chrono::seconds(120);
  const Outcome r = box_.run({"report", "out", "--out", "report.html"}, limits);
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_TRUE(fs::exists(box_.path() / "work/report.html"));
}

}  // namespace
}  // namespace delivsim::hostile
