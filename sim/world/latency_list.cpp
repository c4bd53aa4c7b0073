#include "sim/world/latency_list.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace delivsim {
namespace {

/// Nearest-rank percentile of `values` (ms) in seconds; reorders them (nth_element: linear, no full sort).
template <class Ms>
double percentile_s(std::vector<Ms>& values, double fraction) {
  const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size())));
  const auto nth =
      values.begin() + static_cast<std::ptrdiff_t>(std::clamp<std::size_t>(rank, 1, values.size()) - 1);
  std::nth_element(values.begin(), nth, values.end());
  return static_cast<double>(*nth) / 1000.0;
}

template <class Ms>
LatencySummary summarize_ms(std::vector<Ms>& latencies_ms) {
  LatencySummary s;
  if (latencies_ms.empty()) return s;
  // Exact: the sum of whole milliseconds (a million messages of a year each stay far below 2^63).
  const std::int64_t sum_ms = std::accumulate(latencies_ms.begin(), latencies_ms.end(), std::int64_t{0});
  s.mean_s = static_cast<double>(sum_ms) / static_cast<double>(latencies_ms.size()) / 1000.0;
  s.max_s = static_cast<double>(*std::max_element(latencies_ms.begin(), latencies_ms.end())) / 1000.0;
  s.p50_s = percentile_s(latencies_ms, 0.50);
  s.p95_s = percentile_s(latencies_ms, 0.95);
  s.p99_s = percentile_s(latencies_ms, 0.99);
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
