#include "sim/world/latency_list.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <span>

#include "sim/kernel/nearest_rank.h"
#include "sim/world/populate_pages.h"

namespace delivsim {
namespace {

/// The place (from 0) of the nearest-rank percentile `fraction` among `size` (>= 1) sorted values.
std::size_t percentile_index(std::size_t size, double fraction) {
  return static_cast<std::size_t>(kernel::nearest_rank(fraction, size) - 1);
}

/// Nearest-rank percentile of `values` (ms) in seconds, searched in [from, end) (nth_element: linear, no full
/// sort). Afterwards the returned rank's place holds that value and every later place a value >= it, so a
/// higher percentile can be searched from the place after it.
template <class Values>
std::size_t percentile_rank(Values& values, double fraction, std::size_t from) {
  const std::size_t nth = percentile_index(values.size(), fraction);
  std::nth_element(values.begin() + static_cast<std::ptrdiff_t>(std::min(from, nth)),
                   values.begin() + static_cast<std::ptrdiff_t>(nth), values.end());
  return nth;
}

template <class Ms>
double seconds(Ms ms) {
  return static_cast<double>(ms) / 1000.0;
}

/// The exact mean in seconds of `count` latencies that sum to `sum_ms`: the sum is of whole milliseconds, so
/// exact (a million messages of a year each stay far below 2^63).
double mean_s(std::int64_t sum_ms, std::size_t count) {
  return static_cast<double>(sum_ms) / static_cast<double>(count) / 1000.0;
}

template <class Values>
double mean_s(const Values& latencies_ms) {
  return mean_s(std::accumulate(latencies_ms.begin(), latencies_ms.end(), std::int64_t{0}),
                latencies_ms.size());
}

/// Nearest-rank percentiles and the maximum of `latencies_ms`, each searched above the one before (a
/// shrinking range), the maximum above the last.
template <class Values>
void summarize_ranks(Values& latencies_ms, LatencySummary& s) {
  const std::size_t p50 = percentile_rank(latencies_ms, 0.50, 0);
  const std::size_t p95 = percentile_rank(latencies_ms, 0.95, p50 + 1);
  const std::size_t p99 = percentile_rank(latencies_ms, 0.99, p95 + 1);
  s.p50_s = seconds(latencies_ms[p50]);
  s.p95_s = seconds(latencies_ms[p95]);
  s.p99_s = seconds(latencies_ms[p99]);
  s.max_s =
      seconds(*std::max_element(latencies_ms.begin() + static_cast<std::ptrdiff_t>(p99), latencies_ms.end()));
}

/// Lists of at least this many 4-byte latencies are summarised by counting: below, clearing the counts
/// would cost more than nth_element's searches.
constexpr std::size_t kCountedSummaryMinimum = std::size_t{1} << 12;

/// The same for 4-byte values, found by counting instead of reordering (a radix select): a pass counts the
/// values by their top 11 bits (and sums them and finds the maximum), which names the group holding each
/// percentile's rank and its rank within the group; a second counts the next 11 bits of the values in
/// those groups (one to three: most latencies share their top bits), a third the last 10. Three sequential
/// passes with the counts in cache (48 KB), where nth_element's three searches jumped about: those took
/// 2.7% of an ESP's month (99 million latencies) and 3.5% of whatif-100k's run.
void summarize_counted(const std::vector<std::span<const std::uint32_t>>& chunks, LatencySummary& s) {
  // Level l counts the bits from kLevelBits[l + 1] up to (not including) kLevelBits[l].
  constexpr std::array<int, 4> kLevelBits = {32, 21, 10, 0};
  constexpr std::size_t kMaxDigits = std::size_t{1} << 11;
  using Counts = std::array<std::array<std::uint64_t, kMaxDigits>, 3>;  // per group: values per digit
  Counts counts{};
  std::size_t size = 0;
  std::uint32_t max_ms = 0;
  std::int64_t sum_ms = 0;
  for (const std::span<const std::uint32_t> chunk : chunks) {
    size += chunk.size();
    for (const std::uint32_t ms : chunk) {
      max_ms = std::max(max_ms, ms);
      sum_ms += ms;
      ++counts[0][ms >> kLevelBits[1]];  // the first level has one group: every value's top bits are none
    }
  }
  s.mean_s = mean_s(sum_ms, size);
  std::array<std::uint64_t, 3> rank = {percentile_index(size, 0.50), percentile_index(size, 0.95),
                                       percentile_index(size, 0.99)};
  std::array<std::uint32_t, 3> prefix{};  // each rank's value in the bits counted so far
  for (std::size_t level = 0; level + 1 < kLevelBits.size(); ++level) {
    const int top = kLevelBits[level], shift = kLevelBits[level + 1];
    const std::uint32_t digit_mask = (std::uint32_t{1} << (top - shift)) - 1;
    // The ranks ascend, so ranks in one group are neighbours: one count per distinct group.
    std::array<std::uint32_t, 3> group{};
    std::array<std::size_t, 3> group_of_rank{};
    std::size_t groups = 0;
    for (std::size_t i = 0; i < rank.size(); ++i) {
      if (groups == 0 || group[groups - 1] != prefix[i]) group[groups++] = prefix[i];
      group_of_rank[i] = groups - 1;
    }
    if (level > 0) {
      counts = {};
      for (const std::span<const std::uint32_t> chunk : chunks) {
        for (const std::uint32_t ms : chunk) {
          const std::uint64_t high = std::uint64_t{ms} >> top;
          for (std::size_t g = 0; g < groups; ++g) {
            if (high == group[g]) {
              ++counts[g][(ms >> shift) & digit_mask];
              break;
            }
          }
        }
      }
    }
    for (std::size_t i = 0; i < rank.size(); ++i) {
      const std::array<std::uint64_t, kMaxDigits>& count = counts[group_of_rank[i]];
      std::uint32_t digit = 0;
      while (count[digit] <= rank[i]) rank[i] -= count[digit++];
      prefix[i] = (prefix[i] << (top - shift)) | digit;
    }
  }
  s.p50_s = seconds(prefix[0]);
  s.p95_s = seconds(prefix[1]);
  s.p99_s = seconds(prefix[2]);
  s.max_s = seconds(max_ms);
}

}  // namespace

void LatencyList::make_room() {
  if (tail_ms_.size() == kChunkValues) {
    full_chunks_.push_back(std::move(tail_ms_));
    tail_ms_ = {};
    tail_ms_.reserve(kChunkValues);
  } else {
    const std::size_t room = tail_ms_.capacity();
    tail_ms_.reserve(room == 0 ? kFirstRoomValues : room < kLastDoubledRoomValues ? 2 * room : kChunkValues);
  }
  populate_pages_for_writing(tail_ms_.data(), tail_ms_.capacity() * sizeof(std::uint32_t));
}

LatencySummary LatencyList::summarize() {
  if (wide_ms_.empty()) return summarize_together({this});
  // Moved rather than copied (summarize_together's way), so a long list is not held twice.
  LatencySummary s;
  for (const Chunk& chunk : full_chunks_) wide_ms_.insert(wide_ms_.end(), chunk.begin(), chunk.end());
  wide_ms_.insert(wide_ms_.end(), tail_ms_.begin(), tail_ms_.end());
  full_chunks_ = {};
  tail_ms_ = {};
  s.mean_s = mean_s(wide_ms_);
  summarize_ranks(wide_ms_, s);
  return s;
}

LatencySummary LatencyList::summarize_together(const std::vector<const LatencyList*>& lists) {
  std::int64_t size = 0;
  bool any_wide = false;
  for (const LatencyList* list : lists) {
    size += list->size();
    any_wide = any_wide || !list->wide_ms_.empty();
  }
  LatencySummary s;
  if (size == 0) return s;
  if (!any_wide && size >= static_cast<std::int64_t>(kCountedSummaryMinimum)) {
    std::vector<std::span<const std::uint32_t>> chunks;
    for (const LatencyList* list : lists) {
      chunks.insert(chunks.end(), list->full_chunks_.begin(), list->full_chunks_.end());
      chunks.emplace_back(list->tail_ms_);
    }
    summarize_counted(chunks, s);
    return s;
  }
  std::vector<std::int64_t> all_ms;
  all_ms.reserve(static_cast<std::size_t>(size));
  for (const LatencyList* list : lists) {
    for (const Chunk& chunk : list->full_chunks_) all_ms.insert(all_ms.end(), chunk.begin(), chunk.end());
    all_ms.insert(all_ms.end(), list->tail_ms_.begin(), list->tail_ms_.end());
    all_ms.insert(all_ms.end(), list->wide_ms_.begin(), list->wide_ms_.end());
  }
  s.mean_s = mean_s(all_ms);
  summarize_ranks(all_ms, s);
  return s;
}

}  // namespace delivsim
