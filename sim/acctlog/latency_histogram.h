#pragma once
/// @file Delivery latencies in bounded memory: a fixed log-linear histogram of milliseconds, exact below
/// 1,024 ms and within 1/1,024 of the value above (percentiles); count, mean and maximum exact.
#include <cstdint>
#include <vector>

namespace delivsim::acctlog {

/// Mean, nearest-rank percentiles and maximum, in seconds (all 0 without values).
struct LatencyFigures {
  std::int64_t count = 0;
  double mean_s = 0, p50_s = 0, p95_s = 0, p99_s = 0, max_s = 0;
};

/// Counts latencies (milliseconds, >= 0) in 28,160 buckets: one per millisecond below 1,024 ms, then 512 per
/// power of two, so a bucket's width is at most 1/512 of its lower end. A percentile is the nearest-rank
/// value's bucket middle (the exact value below 1,024 ms, otherwise within 1/1,024 of it), never above
/// the maximum. Memory: 220 KiB once the first value is added, whatever the count.
class LatencyHistogram {
 public:
  /// Adds one latency; negative values are the caller's to refuse.
  void add(std::int64_t latency_ms);
  std::int64_t count() const { return count_; }
  LatencyFigures figures() const;

 private:
  /// The value (ms) standing for the `rank`-th smallest latency (1-based).
  std::int64_t value_at_rank(std::int64_t rank) const;

  std::vector<std::int64_t> buckets_;  ///< empty until the first value
  std::int64_t count_ = 0;
  __int128 sum_ms_ = 0;  ///< exact even for hostile logs (values up to 2^63 ms each)
  std::int64_t max_ms_ = 0;
};

}  // namespace delivsim::acctlog
