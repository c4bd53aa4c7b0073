// Reading timeseries.csv and timeseries_bands.csv: escaped names read back, and a long file is read row by
// row into a bounded number of kept rows with its peaks.
#include "sim/report/run_series.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "tests/report/report_fixture.h"

namespace delivsim::report {
namespace {

/// Writes a timeseries.csv of `rows` hourly rows: p.queue counts 0..9 with one spike of 1e6 at row
/// `spike`, id.score 0.5 with one dip to 0.01 at row `dip`.
std::filesystem::path long_timeseries(const std::filesystem::path& dir, int rows, int spike, int dip) {
  const std::filesystem::path path = dir / "timeseries.csv";
  std::ofstream out(path, std::ios::binary);
  out << "t_s,p.queue,id.score\n";
  for (int row = 0; row < rows; ++row) {
    out << row * 3600 << ',' << (row == spike ? 1000000 : row % 10) << ',' << (row == dip ? "0.01" : "0.5")
        << '\n';
  }
  return path;
}

TEST(RunSeries, FilesOfUpTo8192RowsAreReadExactly) {
  const RunSeries series = read_timeseries_csv(long_timeseries(testing::fresh_test_dir(), 8192, 5, 6));
  ASSERT_EQ(series.t_s.size(), 8192u);
  EXPECT_EQ(series.t_s[8191], 8191 * 3600.0);
  EXPECT_EQ(series.find("p.queue")->values[5], 1e6);
  EXPECT_EQ(series.find("p.queue")->values[7], 7);
  EXPECT_EQ(series.find("id.score")->values[6], 0.01);
}

// 300,000 rows (about 5 MB) stand for the millions a damaged or hand-made file may hold: what is kept does
// not grow with the rows, and the single-row peak and dip survive.
TEST(RunSeries, LongFilesKeepABoundedNumberOfRowsWithTheirExtremes) {
  const RunSeries series =
      read_timeseries_csv(long_timeseries(testing::fresh_test_dir(), 300000, 254321, 98765));
  EXPECT_LE(series.t_s.size(), 2u * 8192);
  EXPECT_GE(series.t_s.size(), 2u * 4096);
  EXPECT_EQ(series.interval_s, 3600);
  EXPECT_EQ(series.t_s.front(), 0);
  EXPECT_LE(series.t_s.back(), 299999 * 3600.0);
  const std::vector<double>& queue = series.find("p.queue")->values;
  const std::vector<double>& score = series.find("id.score")->values;
  ASSERT_EQ(queue.size(), series.t_s.size());
  EXPECT_EQ(*std::max_element(queue.begin(), queue.end()), 1e6);
  EXPECT_EQ(*std::min_element(score.begin(), score.end()), 0.01);
}

TEST(RunSeries, EscapedNamesReadBackAsWritten) {
  const std::filesystem::path path = testing::fresh_test_dir() / "timeseries.csv";
  testing::write_file(path, "t_s,'=cmd.queue,\"'-a,b.queue\",''q.queue\n0,1,2,3\n");
  const RunSeries series = read_timeseries_csv(path);
  EXPECT_EQ(series.names, (std::vector<std::string>{"=cmd.queue", "-a,b.queue", "'q.queue"}));
  EXPECT_EQ(series.find("-a,b.queue")->values, std::vector<double>{2});
}

TEST(RunSeries, BandsOfEscapedNamesReadBack) {
  const std::filesystem::path path = testing::fresh_test_dir() / "timeseries_bands.csv";
  testing::write_file(path, "t_s,'@p.queue_mean,'@p.queue_p5,'@p.queue_p95\n0,2,1,3\n");
  const RunSeries series = read_timeseries_bands_csv(path);
  EXPECT_EQ(series.names, std::vector<std::string>{"@p.queue"});
  EXPECT_EQ(series.find("@p.queue")->p95, std::vector<double>{3});
}

}  // namespace
}  // namespace delivsim::report
