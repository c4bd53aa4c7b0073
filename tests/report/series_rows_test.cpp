// Keeping a long time series in bounded memory: every row while they fit, else buckets of each column's
// lowest and highest value.
#include "sim/report/series_rows.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace delivsim::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(SeriesRows, KeepsEveryRowWhileTheyFit) {
  SeriesRows rows(2, 4);
  for (int row = 0; row < 4; ++row) rows.add(row * 10.0, std::vector<double>{double(row), -double(row)});
  const SeriesRows::Kept kept = rows.kept();
  EXPECT_EQ(kept.t_s, (std::vector<double>{0, 10, 20, 30}));
  EXPECT_EQ(kept.columns[0], (std::vector<double>{0, 1, 2, 3}));
  EXPECT_EQ(kept.columns[1], (std::vector<double>{0, -1, -2, -3}));
}

TEST(SeriesRows, MergesNeighboursIntoLowAndHighPerBucket) {
  SeriesRows rows(1, 4);
  // Four buckets of one row, merged into two of two for the fifth row, merged again for the ninth:
  // (5 1 7 2) (0 9 4 4) (6).
  for (const double value : {5.0, 1.0, 7.0, 2.0, 0.0, 9.0, 4.0, 4.0, 6.0})
    rows.add(0, std::vector<double>{value});
  const SeriesRows::Kept kept = rows.kept();
  EXPECT_EQ(kept.columns[0], (std::vector<double>{1, 7, 0, 9, 6, 6}));
  EXPECT_EQ(kept.t_s.size(), 6u);
}

TEST(SeriesRows, BucketTimeIsItsFirstRowsAndMissingValuesDoNotHideOthers) {
  SeriesRows rows(1, 2);
  rows.add(0, std::vector<double>{kNaN});
  rows.add(1, std::vector<double>{3});
  rows.add(2, std::vector<double>{kNaN});
  rows.add(3, std::vector<double>{kNaN});
  const SeriesRows::Kept kept = rows.kept();
  EXPECT_EQ(kept.t_s, (std::vector<double>{0, 0, 2, 2}));
  EXPECT_EQ(kept.columns[0][0], 3);
  EXPECT_EQ(kept.columns[0][1], 3);
  EXPECT_TRUE(std::isnan(kept.columns[0][2]));
  EXPECT_TRUE(std::isnan(kept.columns[0][3]));
}

TEST(SeriesRows, AMillionRowsKeepAtMostTwoRowsPerBucketAndTheExtremes) {
  SeriesRows rows(1, 64);
  for (int row = 0; row < 1000000; ++row) {
    const double value = row == 765432 ? 1e6 : row == 123456 ? -1e6 : row % 7;
    rows.add(row, std::vector<double>{value});
  }
  const SeriesRows::Kept kept = rows.kept();
  EXPECT_LE(kept.t_s.size(), 2u * 64);
  EXPECT_EQ(*std::max_element(kept.columns[0].begin(), kept.columns[0].end()), 1e6);
  EXPECT_EQ(*std::min_element(kept.columns[0].begin(), kept.columns[0].end()), -1e6);
  EXPECT_EQ(kept.t_s.front(), 0);
  EXPECT_TRUE(std::is_sorted(kept.t_s.begin(), kept.t_s.end()));
}

}  // namespace
}  // namespace delivsim::report
