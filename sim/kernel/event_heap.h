#pragma once
/// @file The simulator's priority queue: a cache-line-aligned 4-ary min-heap of 16-byte (time, order)
/// entries.
#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/kernel/cache_line_allocator.h"

namespace delivsim::kernel {

/// One queued event as the heap sees it; the callback itself lives in the simulator's slot pool.
struct QueuedEvent {
  std::int64_t time_ms = 0;  ///< simulated time the event runs at, ms since the scenario start
  std::uint64_t order = 0;   ///< (sequence << 32) | slot; the sequence breaks ties between equal times

  /// Index of the callback in the simulator's slot pool.
  std::uint32_t slot() const { return static_cast<std::uint32_t>(order); }

  /// Position in scheduling order among the queued entries.
  std::uint32_t sequence() const { return static_cast<std::uint32_t>(order >> 32); }
};

/// True when `a` must run before `b`: earlier time first, then earlier scheduling. Written without
/// short-circuits so the heap's child selection compiles to conditional moves, not mispredicted branches.
inline bool runs_before(const QueuedEvent& a, const QueuedEvent& b) {
  return (a.time_ms < b.time_ms) | ((a.time_ms == b.time_ms) & (a.order < b.order));
}

/// 4-ary min-heap on runs_before that numbers entries in push order, so equal times pop first-in first-out.
/// The four children of a node fill exactly one 64-byte cache line, so a pop with a million entries costs
/// about log4(n) = 10 cache misses against about 20 for a binary heap.
class EventHeap {
 public:
  /// An empty heap whose first push gets sequence number `first_sequence` (tests start near the wrap).
  explicit EventHeap(std::uint32_t first_sequence = 0) : next_sequence_(first_sequence) {
    storage_.resize(kRootIndex);
  }

  /// True when no entry is queued.
  bool empty() const { return size() == 0; }

  /// Number of queued entries.
  std::size_t size() const { return storage_.size() - kRootIndex; }

  /// Entries the storage can hold without reallocating.
  std::size_t capacity() const { return storage_.capacity() - kRootIndex; }

  /// The entry that runs first; the heap must not be empty.
  const QueuedEvent& top() const {
    assert(!empty());
    return storage_[kRootIndex];
  }

  /// Queues `slot` at `time_ms`, after every queued entry with the same time.
  void push(std::int64_t time_ms, std::uint32_t slot) {
    if (next_sequence_ > kMaxSequence) renumber_sequences();
    const QueuedEvent entry{time_ms, (next_sequence_++ << 32) | slot};
    storage_.push_back(entry);
    sift_up(storage_.size() - 1, entry, kRootIndex);
  }

  /// Removes the top entry; the heap must not be empty. `on_likely_next(entry)` is called, as early as
  /// possible, with the entry that will almost surely be the new top (the root's smallest child, unless the
  /// former last entry beats it), so the caller can prefetch what it refers to while the heap is repaired.
  template <class OnLikelyNext>
  void pop(OnLikelyNext on_likely_next) {
    assert(!empty());
    const QueuedEvent last = storage_.back();
    storage_.pop_back();
    if (!empty()) sift_down(kRootIndex, last, on_likely_next);
  }

  /// Removes the top entry; the heap must not be empty.
  void pop() {
    pop([](const QueuedEvent&) {});
  }

  /// Removes every entry for which `is_dropped(entry)` is true (called exactly once per entry), then
  /// restores the heap order in O(n).
  template <class Predicate>
  void erase_if(Predicate is_dropped) {
    storage_.erase(std::remove_if(storage_.begin() + kRootIndex, storage_.end(), is_dropped), storage_.end());
    if (size() < 2) return;
    for (std::size_t parent = parent_of(storage_.size() - 1) + 1; parent-- > kRootIndex;) {
      sift_down(parent, storage_[parent], [](const QueuedEvent&) {});
    }
  }

 private:
  static constexpr std::size_t kArity = 4;
  /// Storage index of the root. With the storage 64-byte aligned, root index 3 puts the children of every
  /// node (indices 4p-8 .. 4p-5 for a node at index p) at the start of a cache line.
  static constexpr std::size_t kRootIndex = 3;
  static constexpr std::uint64_t kMaxSequence = std::numeric_limits<std::uint32_t>::max();

  // Heap index h = storage index - kRootIndex has children kArity*h+1 .. kArity*h+kArity and parent
  // (h-1)/kArity; these are the same relations in storage indices.
  static std::size_t first_child_of(std::size_t index) {
    return kArity * index - ((kArity - 1) * kRootIndex - 1);
  }
  static std::size_t parent_of(std::size_t index) { return (index + (kArity - 1) * kRootIndex - 1) / kArity; }

  /// Places `entry` at `hole` or above it, but not above `ceiling`.
  void sift_up(std::size_t hole, QueuedEvent entry, std::size_t ceiling) {
    while (hole > ceiling) {
      const std::size_t parent = parent_of(hole);
      if (!runs_before(entry, storage_[parent])) break;
      storage_[hole] = storage_[parent];
      hole = parent;
    }
    storage_[hole] = entry;
  }

  /// Places `entry` in the subtree rooted at `hole`. Bottom-up: the hole first sinks to a leaf along the
  /// smallest children, then `entry` climbs back; this saves comparisons because `entry` (usually a former
  /// leaf) tends to belong near the bottom. `on_first_step` sees the child that moved into `hole`.
  template <class OnFirstStep>
  void sift_down(std::size_t hole, QueuedEvent entry, OnFirstStep on_first_step) {
    const std::size_t start = hole;
    if (has_children(hole)) {
      hole = move_smallest_child_up(hole);
      on_first_step(storage_[start]);
      while (has_children(hole)) hole = move_smallest_child_up(hole);
    }
    sift_up(hole, entry, start);
  }

  bool has_children(std::size_t index) const { return first_child_of(index) < storage_.size(); }

  /// Moves the smallest child of `hole` into it; returns where that child was (the new hole).
  std::size_t move_smallest_child_up(std::size_t hole) {
    const std::size_t first = first_child_of(hole);
    prefetch_grandchildren(first);
    const std::size_t smallest =
        first + smallest_child_offset(&storage_[first], std::min(kArity, storage_.size() - first));
    storage_[hole] = storage_[smallest];
    return smallest;
  }

  /// Starts loading the children of the kArity nodes from `first`: kArity consecutive cache lines, one of
  /// which the next level of sift_down will need. Hides most of the memory latency of large heaps.
  void prefetch_grandchildren(std::size_t first) const {
    const std::size_t first_grandchild = first_child_of(first);
    if (first_grandchild >= storage_.size()) return;
    const QueuedEvent* line = storage_.data() + first_grandchild;
    for (std::size_t child = 0; child < kArity; ++child) __builtin_prefetch(line + child * kArity);
  }

  /// Offset of the smallest of the `count` (1..4) entries at `children`. A full set is compared as a
  /// tournament, which has fewer dependent branches than a scan.
  static std::size_t smallest_child_offset(const QueuedEvent* children, std::size_t count) {
    if (count == kArity) {
      const std::size_t left = runs_before(children[1], children[0]) ? 1 : 0;
      const std::size_t right = runs_before(children[3], children[2]) ? 3 : 2;
      return runs_before(children[right], children[left]) ? right : left;
    }
    std::size_t smallest = 0;
    for (std::size_t offset = 1; offset < count; ++offset) {
      if (runs_before(children[offset], children[smallest])) smallest = offset;
    }
    return smallest;
  }

  /// Renumbers the queued entries 0..n-1 in their current order, so 32-bit sequence numbers never wrap.
  /// A sorted array is a valid heap. Runs once per ~4 billion pushes.
  void renumber_sequences() {
    std::sort(storage_.begin() + kRootIndex, storage_.end(), runs_before);
    next_sequence_ = 0;
    for (auto entry = storage_.begin() + kRootIndex; entry != storage_.end(); ++entry) {
      entry->order = (next_sequence_++ << 32) | entry->slot();
    }
  }

  std::vector<QueuedEvent, CacheLineAllocator<QueuedEvent>> storage_;
  std::uint64_t next_sequence_;  ///< sequence number of the next push (<= kMaxSequence + 1)
};

}  // namespace delivsim::kernel
