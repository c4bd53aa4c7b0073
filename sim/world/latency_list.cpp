#include "sim/world/latency_list.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace delivsim {
namespace {

/// Nearest-rank percentile of `values` (ms) in seconds, searched in [from, end) (nth_element: linear, no full
/// sort). Afterwards the returned rank's place holds that value and every later place a value >= it, so a
/// higher percentile can be searched from the place after it.
template <class Ms>
std::size_t percentile_rank(std::vector<Ms>& values, double fraction, std::size_t from) {
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size())));
  const std::size_t nth = std::clamp<std::size_t>(rank, 1, values.size()) - 1;
  std::nth_element(values.begin() + static_cast<std::ptrdiff_t>(std::min(from, nth)),
                   values.begin() + static_cast<std::ptrdiff_t>(nth), values.end());
  return nth;
}

template <class Ms>
double seconds(Ms ms) {
  return static_cast<double>(ms) / 1000.0;
}

template <class Ms>
LatencySummary summarize_ms(std::vector<Ms>& latencies_ms) {
  LatencySummary s;
  if (latencies_ms.empty()) return s;
  // Exact: the sum of whole milliseconds (a million messages of a year each stay far below 2^63).
  const std::int64_t sum_ms = std::accumulate(latencies_ms.begin(), latencies_ms.end(), std::int64_t{0});
  s.mean_s = static_cast<double>(sum_ms) / static_cast<double>(latencies_ms.size()) / 1000.0;
  // Each percentile is searched above the one before (a shrinking range), the maximum above the last.
  const std::size_t p50 = percentile_rank(latencies_ms, 0.50, 0);
  const std::size_t p95 = percentile_rank(latencies_ms, 0.95, p50 + 1);
  const std::size_t p99 = percentile_rank(latencies_ms, 0.99, p95 + 1);
  s.p50_s = seconds(latencies_ms[p50]);
  s.p95_s = seconds(latencies_ms[p95]);
  s.p99_s = seconds(latencies_ms[p99]);
  s.max_s =
      seconds(*std::max_element(latencies_ms.begin() + static_cast<std::ptrdiff_t>(p99), latencies_ms.end()));
  return s;
}

}  // namespace

LatencySummary LatencyList::summarize() {
  if (wide_ms_.empty()) return summarize_ms(narrow_ms_);
  wide_ms_.insert(wide_ms_.end(), narrow_ms_.begin(), narrow_ms_.end());
  narrow_ms_ = {};
  return summarize_ms(wide_ms_);
}

}  // namespace delivsim
