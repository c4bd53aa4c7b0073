#include "sim/acctlog/latency_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace delivsim::acctlog {
namespace {

/// Nearest-rank percentile of exact values, as the recorder computes it.
double exact_percentile_s(std::vector<std::int64_t> values, double fraction) {
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size())));
  return static_cast<double>(values[std::clamp<std::size_t>(rank, 1, values.size()) - 1]) / 1000.0;
}

TEST(LatencyHistogram, EmptyGivesZeros) {
  const LatencyFigures f = LatencyHistogram{}.figures();
  EXPECT_EQ(f.count, 0);
  EXPECT_EQ(f.p99_s, 0);
}

TEST(LatencyHistogram, ExactBelow1024MsAndAlwaysInMeanAndMax) {
  LatencyHistogram h;
  for (std::int64_t ms : {5, 1, 3, 1023, 2}) h.add(ms);
  const LatencyFigures f = h.figures();
  EXPECT_EQ(f.count, 5);
  EXPECT_DOUBLE_EQ(f.mean_s, 1034.0 / 5 / 1000);
  EXPECT_DOUBLE_EQ(f.p50_s, 0.003);
  EXPECT_DOUBLE_EQ(f.p95_s, 1.023);
  EXPECT_DOUBLE_EQ(f.max_s, 1.023);
}

TEST(LatencyHistogram, PercentilesWithinOnePartIn1024) {
  std::vector<std::int64_t> values;
  std::int64_t v = 7;
  for (int i = 0; i < 5000; ++i) {
    v = (v * 1103515245 + 12345) % 2147483648;
    values.push_back(v % 200'000'000);  // up to about 2.3 days
  }
  LatencyHistogram h;
  for (std::int64_t ms : values) h.add(ms);
  const LatencyFigures f = h.figures();
  for (const auto& [got, fraction] : {std::pair{f.p50_s, 0.50}, {f.p95_s, 0.95}, {f.p99_s, 0.99}}) {
    const double exact = exact_percentile_s(values, fraction);
    EXPECT_NEAR(got, exact, exact / 1024) << fraction;
  }
  EXPECT_DOUBLE_EQ(f.max_s, static_cast<double>(*std::max_element(values.begin(), values.end())) / 1000);
}

TEST(LatencyHistogram, HugeValuesStayExactInMeanAndMax) {
  LatencyHistogram h;
  const std::int64_t huge = std::int64_t{1} << 62;
  for (int i = 0; i < 8; ++i) h.add(huge);  // the sum passes 2^63
  const LatencyFigures f = h.figures();
  EXPECT_DOUBLE_EQ(f.mean_s, static_cast<double>(huge) / 1000);
  EXPECT_DOUBLE_EQ(f.max_s, static_cast<double>(huge) / 1000);
  EXPECT_DOUBLE_EQ(f.p50_s, static_cast<double>(huge) / 1000);
}

}  // namespace
}  // namespace delivsim::acctlog
