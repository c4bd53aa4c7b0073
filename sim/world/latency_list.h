#pragma once
/// @file The delivery latencies of a group of messages, kept whole for an exact mean, maximum and
/// nearest-rank percentiles at the end of a run.
#include <cstdint>
#include <limits>
#include <vector>

#include "models/huge_pages.h"
#include "models/units.h"
#include "sim/output/run_result.h"

namespace delivsim {

/// Latencies in whole ms, 4 bytes each up to 2^32 - 1 ms (49.7 days, so every latency of a shorter run);
/// a longer one is kept in 8 bytes apart. The 4-byte values are kept in chunks of one huge page (2 MiB,
/// huge_pages.h), so a list of a hundred million grows without copying itself or holding twice its size
/// while it moves, and its fresh memory costs a page fault per 2 MiB.
class LatencyList {
 public:
  void add(Duration latency) {
    const std::int64_t ms = latency.count();
    if (ms >= 0 && ms <= std::numeric_limits<std::uint32_t>::max()) {
      if (tail_ms_.size() == tail_ms_.capacity() || tail_ms_.size() == kChunkValues) make_room();
      tail_ms_.push_back(static_cast<std::uint32_t>(ms));
    } else {
      wide_ms_.push_back(ms);
    }
  }
  std::int64_t size() const {
    return static_cast<std::int64_t>(full_chunks_.size() * kChunkValues + tail_ms_.size() + wide_ms_.size());
  }
  /// Mean, maximum and the 50th, 95th and 99th nearest-rank percentiles in seconds (all 0 when empty).
  /// With a latency past 2^32 ms, moves them all into the 8-byte list first.
  LatencySummary summarize();

  /// summarize() of every latency of `lists` together, as one list holding them all would give it, the lists
  /// left as they are (a run with one traffic source summarises its providers' lists so, instead of keeping
  /// each latency twice). Counts the 4-byte latencies in place; when they are few, or with an 8-byte one
  /// among them, copies them all into one 8-byte list first.
  static LatencySummary summarize_together(const std::vector<const LatencyList*>& lists);

  /// 4-byte latencies per chunk.
  static constexpr std::size_t kChunkValues = kHugePageBytes / sizeof(std::uint32_t);

 private:
  using Chunk = std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>>;
  static constexpr std::size_t kFirstRoomValues = 1024;  ///< the first chunk's room at its first value
  /// The first chunk doubles its room up to this many values (64 KB), then takes a whole chunk: a short
  /// list stays small, and a long one does not copy and fault in a megabyte of ordinary pages on its way.
  static constexpr std::size_t kLastDoubledRoomValues = std::size_t{1} << 14;

  /// Makes room in the full tail: moves a whole chunk to full_chunks_ and starts a new one at full capacity,
  /// or grows the first chunk (twice the room up to kLastDoubledRoomValues, then a whole chunk). Either way
  /// the new room's pages are mapped at once (populate_pages.h), not faulted in one by one.
  void make_room();

  std::vector<Chunk> full_chunks_;  ///< each holds kChunkValues latencies
  Chunk tail_ms_;                   ///< the chunk being filled (grows as a vector)
  std::vector<std::int64_t> wide_ms_;
};

}  // namespace delivsim
