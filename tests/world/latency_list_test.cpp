// Latency lists: 4-byte storage gives the same exact figures as 8-byte values, latencies past 2^32 ms too.
#include "sim/world/latency_list.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(LatencyList, NearestRankPercentilesMeanAndMaximum) {
  LatencyList list;
  for (int ms = 100; ms >= 1; --ms) list.add(Duration(ms * 1000));  // 1 s .. 100 s, out of order
  EXPECT_EQ(list.size(), 100);
  const LatencySummary s = list.summarize();
  EXPECT_DOUBLE_EQ(s.mean_s, 50.5);
  EXPECT_DOUBLE_EQ(s.p50_s, 50);
  EXPECT_DOUBLE_EQ(s.p95_s, 95);
  EXPECT_DOUBLE_EQ(s.p99_s, 99);
  EXPECT_DOUBLE_EQ(s.max_s, 100);
}

TEST(LatencyList, LatenciesPastFourBillionMillisecondsStayExact) {
  LatencyList list;
  const std::int64_t long_ms = 5'000'000'000;  // 58 days
  list.add(Duration(1000));
  list.add(Duration(long_ms));
  list.add(Duration(3000));
  const LatencySummary s = list.summarize();
  EXPECT_DOUBLE_EQ(s.max_s, 5'000'000.0);
  EXPECT_DOUBLE_EQ(s.p50_s, 3.0);
  EXPECT_DOUBLE_EQ(s.mean_s, static_cast<double>(long_ms + 4000) / 3 / 1000.0);
}

TEST(LatencyList, EmptyGivesZeros) {
  LatencyList list;
  const LatencySummary s = list.summarize();
  EXPECT_EQ(s.max_s, 0);
  EXPECT_EQ(s.p99_s, 0);
}

}  // namespace
}  // namespace delivsim
