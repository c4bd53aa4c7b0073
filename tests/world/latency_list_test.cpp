// Latency lists: 4-byte storage gives the same exact figures as 8-byte values, latencies past 2^32 ms too.
#include "sim/world/latency_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

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

// A list longer than one 4-byte chunk with one latency past 2^32 ms: every chunk joins the 8-byte values.
TEST(LatencyList, ChunksJoinTheLongLatencies) {
  LatencyList list;
  const std::int64_t long_ms = 5'000'000'000;
  static_assert(2 * LatencyList::kChunkValues < 1'100'000);  // three chunks
  for (std::int64_t ms = 1; ms <= 1'100'000; ++ms) list.add(Duration(ms));
  list.add(Duration(long_ms));
  EXPECT_EQ(list.size(), 1'100'001);
  const LatencySummary s = list.summarize();
  EXPECT_DOUBLE_EQ(s.p50_s, 550.001);   // rank 550,001 of 1,100,001
  EXPECT_DOUBLE_EQ(s.p99_s, 1089.001);  // rank 1,089,001
  EXPECT_DOUBLE_EQ(s.max_s, 5'000'000.0);
  EXPECT_DOUBLE_EQ(s.mean_s, static_cast<double>(1'100'000LL * 1'100'001 / 2 + long_ms) / 1'100'001 / 1000.0);
}

// The percentiles are searched one above the other (short lists) or counted (from 4,096): they must equal a
// full sort's nearest ranks at every size, with ties, with one value, with the percentiles in one group of
// the count and in different ones, and up to the largest 4-byte latency.
TEST(LatencyList, PercentilesMatchASortedCopyAtEverySize) {
  std::mt19937 engine(7);
  for (std::size_t size :
       {1, 2, 3, 19, 20, 21, 99, 100, 101, 1000, 4095, 4096, 4097, 200000, 200001, 1100001}) {
    // Even sizes: many ties; 1100001 (three chunks): the whole 4-byte range; other odd sizes: up to 100 s.
    const std::int64_t max_ms = size % 2 == 0 ? 5 : size == 1100001 ? 4'294'967'295 : 100000;
    std::uniform_int_distribution<std::int64_t> ms(0, max_ms);
    LatencyList list;
    std::vector<std::int64_t> sorted;
    for (std::size_t i = 0; i < size; ++i) {
      sorted.push_back(ms(engine));
      list.add(Duration(sorted.back()));
    }
    std::sort(sorted.begin(), sorted.end());
    const auto nearest_rank_s = [&](double fraction) {
      const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(size)));
      return static_cast<double>(sorted[std::max<std::size_t>(rank, 1) - 1]) / 1000.0;
    };
    const LatencySummary s = list.summarize();
    EXPECT_DOUBLE_EQ(s.p50_s, nearest_rank_s(0.50)) << size;
    EXPECT_DOUBLE_EQ(s.p95_s, nearest_rank_s(0.95)) << size;
    EXPECT_DOUBLE_EQ(s.p99_s, nearest_rank_s(0.99)) << size;
    EXPECT_DOUBLE_EQ(s.max_s, static_cast<double>(sorted.back()) / 1000.0) << size;
  }
}

void expect_same_summary(const LatencySummary& a, const LatencySummary& b, std::size_t size) {
  EXPECT_EQ(a.mean_s, b.mean_s) << size;
  EXPECT_EQ(a.p50_s, b.p50_s) << size;
  EXPECT_EQ(a.p95_s, b.p95_s) << size;
  EXPECT_EQ(a.p99_s, b.p99_s) << size;
  EXPECT_EQ(a.max_s, b.max_s) << size;
}

// Several lists summarised together give exactly one list's figures for all their latencies: small and
// counted totals, a total over several chunks, an empty list among them, one latency past 2^32 ms; the lists
// themselves keep their latencies (each summarises as before afterwards).
TEST(LatencyList, ListsSummarisedTogetherAsOne) {
  std::mt19937 engine(11);
  std::uniform_int_distribution<std::int64_t> ms(0, 3'000'000);
  for (const std::size_t size : {1, 5, 3000, 5000, 1'100'001}) {
    for (const bool with_long : {false, true}) {
      LatencyList first, second, empty, all;
      for (std::size_t i = 0; i < size; ++i) {
        const Duration latency(ms(engine));
        (i % 3 == 0 ? first : second).add(latency);
        all.add(latency);
      }
      if (with_long) {
        second.add(Duration(5'000'000'000));
        all.add(Duration(5'000'000'000));
      }
      const LatencySummary together = LatencyList::summarize_together({&first, &empty, &second});
      expect_same_summary(together, all.summarize(), size);
      LatencyList first_copy = first;
      expect_same_summary(LatencyList::summarize_together({&first}), first_copy.summarize(), size);
      EXPECT_EQ(first.size() + second.size(), all.size());
    }
  }
  EXPECT_EQ(LatencyList::summarize_together({}).max_s, 0);
}

TEST(LatencyList, EmptyGivesZeros) {
  LatencyList list;
  const LatencySummary s = list.summarize();
  EXPECT_EQ(s.max_s, 0);
  EXPECT_EQ(s.p99_s, 0);
}

}  // namespace
}  // namespace delivsim
