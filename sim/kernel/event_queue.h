#pragma once
/// @file The simulator's priority queue: a radix heap on (time, sequence) keys.
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace delivsim::kernel {

/// One queued event as the queue sees it; the callback itself lives in the simulator's slot pool.
struct QueuedEvent {
  std::int64_t time_ms = 0;  ///< simulated time the event runs at, ms since the scenario start (>= 0)
  std::uint64_t order = 0;   ///< (sequence << 32) | slot; the sequence breaks ties between equal times

  /// Index of the callback in the simulator's slot pool.
  std::uint32_t slot() const { return static_cast<std::uint32_t>(order); }

  /// Position in scheduling order among the queued entries.
  std::uint32_t sequence() const { return static_cast<std::uint32_t>(order >> 32); }
};

/// True when `a` must run before `b`: earlier time first, then earlier scheduling.
inline bool runs_before(const QueuedEvent& a, const QueuedEvent& b) {
  return a.time_ms < b.time_ms || (a.time_ms == b.time_ms && a.order < b.order);
}

/// Min-priority queue of events on (time, sequence number), numbering entries in push order so equal times
/// pop first-in first-out.
///
/// It is a radix heap (Ahuja, Mehlhorn, Orlin, Tarjan 1990), which relies on the queue being monotone, as
/// an event queue is: nothing is pushed before the last popped entry. Each entry sits in the bucket named by
/// the highest bit in which its 96-bit key (time, sequence) differs from the `origin` key, the smallest
/// key in the queue (or the last one popped). Pushing is an append; popping takes the origin's bucket or,
/// when it is empty, redistributes the lowest non-empty bucket around its minimum. Every entry only ever
/// moves to lower buckets, so work is amortised O(key bits) per entry, mostly sequential memory access:
/// several times faster than a binary heap once a million entries do not fit in cache.
///
/// top() makes the minimum the origin; a push between it and the key popped before it (e.g. an event
/// scheduled after run_until stopped short of the next event) undoes that redistribution first.
///
/// In front of the buckets waits one entry: the one pushed while the front was free, or the earliest since.
/// In a sparse simulation most events are scheduled and run before anything earlier is scheduled, so they
/// pass through the front and never touch the buckets. The front is the top only when it provably runs
/// before every bucketed entry; otherwise it joins the buckets first, so entries pop in exactly the same
/// order as without it.
class EventQueue {
 public:
  /// An empty queue whose first push gets sequence number `first_sequence` (>= 1; tests start near the
  /// wrap, after which entries are renumbered).
  explicit EventQueue(std::uint32_t first_sequence = 1) : next_sequence_(first_sequence) {
    assert(first_sequence >= 1);
  }

  /// True when no entry is queued.
  bool empty() const { return size_ == 0; }

  /// Number of queued entries.
  std::size_t size() const { return size_; }

  /// Entries the buckets can hold without reallocating (memory diagnostics).
  std::size_t capacity() const;

  /// The entry that runs first; the queue must not be empty. Not const: it may redistribute entries.
  const QueuedEvent& top() {
    assert(!empty());
    top_known_ = true;
    if (has_front_) {
      if (front_runs_first()) return front_;
      bucket_front();
    }
    if (buckets_[0].empty()) redistribute_lowest_bucket();
    return buckets_[0].back();
  }

  /// Queues `slot` at `time_ms`, after every queued entry with the same time. `time_ms` must be >= 0 and
  /// not before the last popped entry.
  void push(std::int64_t time_ms, std::uint32_t slot) {
    assert(time_ms >= 0);
    if (next_sequence_ > kMaxSequence) renumber_sequences();
    QueuedEvent entry{time_ms, (next_sequence_++ << 32) | slot};
    ++size_;
    top_known_ = false;
    if (!has_front_) {
      front_ = entry;
      has_front_ = true;
      return;
    }
    if (runs_before(entry, front_)) std::swap(entry, front_);  // the front keeps the earlier one
    bucket(entry);
  }

  /// Removes the top entry; the queue must not be empty. Afterwards `on_candidate(entry)` is called for
  /// the front and for each entry of a small lowest bucket, one of which will be the next top, so the
  /// caller can prefetch what they refer to before asking for it.
  template <class OnCandidate>
  void pop(OnCandidate on_candidate) {
    if (!top_known_) top();  // the front if it runs first, else the minimum sits in bucket 0
    top_known_ = false;
    --size_;
    if (has_front_) {
      has_front_ = false;
    } else {
      buckets_[0].pop_back();  // the minimum is unique: bucket 0 is now empty
      mark_empty(0);
      redistributed_from_ = 0;  // the origin is now a popped key: nothing to undo
    }
    if (has_front_) on_candidate(front_);
    if (buckets_empty()) return;
    const std::vector<QueuedEvent>& lowest = buckets_[lowest_nonempty_bucket()];
    if (lowest.size() <= kMaxCandidates) {
      for (const QueuedEvent& entry : lowest) on_candidate(entry);
    }
  }

  /// Removes the top entry; the queue must not be empty.
  void pop() {
    pop([](const QueuedEvent&) {});
  }

  /// Removes every entry for which `is_dropped(entry)` is true (called exactly once per entry).
  template <class Predicate>
  void erase_if(Predicate is_dropped) {
    top_known_ = false;
    if (has_front_ && is_dropped(front_)) {
      has_front_ = false;
      --size_;
    }
    for (std::size_t bucket = 0; bucket < kBucketCount; ++bucket) {
      size_ -= std::erase_if(buckets_[bucket], is_dropped);
      if (buckets_[bucket].empty()) mark_empty(bucket);
    }
  }

 private:
  static constexpr std::size_t kSequenceBits = 32;
  /// Bucket 0 holds the origin itself; 1..32 differ first in a sequence bit; 33..96 in a time bit.
  static constexpr std::size_t kBucketCount = 1 + kSequenceBits + 64;
  static constexpr std::uint64_t kMaxSequence = std::numeric_limits<std::uint32_t>::max();
  /// A lowest bucket of up to this many entries is scanned: pop() reports them as next-top candidates, and
  /// the front is compared with each.
  static constexpr std::size_t kMaxCandidates = 4;

  QueuedEvent origin() const { return QueuedEvent{origin_time_ms_, std::uint64_t{origin_sequence_} << 32}; }

  void set_origin(const QueuedEvent& entry) {
    origin_time_ms_ = entry.time_ms;
    origin_sequence_ = entry.sequence();
    redistributed_from_ = 0;
  }

  /// Index of the bucket `entry` belongs to, relative to the origin (entry >= origin).
  std::size_t bucket_of(const QueuedEvent& entry) const {
    const auto time_bits =
        static_cast<std::uint64_t>(entry.time_ms) ^ static_cast<std::uint64_t>(origin_time_ms_);
    if (time_bits != 0) return kSequenceBits + static_cast<std::size_t>(std::bit_width(time_bits));
    return static_cast<std::size_t>(std::bit_width(entry.sequence() ^ origin_sequence_));
  }

  /// Whether the front runs before every bucketed entry: compared exactly with the lowest non-empty bucket's
  /// entries when they are few (bucket 0 holds one), else with the earliest time that bucket can hold.
  bool front_runs_first() const {
    if (buckets_empty()) return true;
    const std::vector<QueuedEvent>& lowest = buckets_[lowest_nonempty_bucket()];
    if (lowest.size() <= kMaxCandidates) {
      return std::all_of(lowest.begin(), lowest.end(),
                         [this](const QueuedEvent& entry) { return runs_before(front_, entry); });
    }
    return front_.time_ms < lowest_bucket_time_bound();
  }

  /// A lower bound of the times in the lowest non-empty bucket (which is not bucket 0): its entries share
  /// the origin's key above the bucket's bit and have that bit set (they are not before the origin).
  std::int64_t lowest_bucket_time_bound() const {
    const std::size_t bucket = lowest_nonempty_bucket();
    if (bucket <= kSequenceBits) return origin_time_ms_;  // the origin's time, a later sequence number
    const std::size_t bit = bucket - kSequenceBits - 1;
    const auto origin = static_cast<std::uint64_t>(origin_time_ms_);
    const std::uint64_t shared_high_bits = bit == 63 ? 0 : (origin >> (bit + 1)) << (bit + 1);
    return static_cast<std::int64_t>(shared_high_bits | (std::uint64_t{1} << bit));
  }

  void bucket_front() {
    has_front_ = false;
    bucket(front_);
  }

  /// Puts `entry` (already counted in size_) in its bucket relative to the origin: with the buckets empty,
  /// relative to the lowest key; before a peeked minimum, after undoing that redistribution.
  void bucket(const QueuedEvent& entry) {
    if (buckets_empty()) {
      set_origin(QueuedEvent{});
    } else if (runs_before(entry, origin())) {
      undo_redistribution();
    }
    assert(!runs_before(entry, origin()));
    put(entry);
  }

  bool buckets_empty() const { return (nonempty_[0] | nonempty_[1]) == 0; }

  void put(const QueuedEvent& entry) {
    const std::size_t bucket = bucket_of(entry);
    buckets_[bucket].push_back(entry);
    nonempty_[bucket / 64] |= std::uint64_t{1} << (bucket % 64);
  }

  void mark_empty(std::size_t bucket) { nonempty_[bucket / 64] &= ~(std::uint64_t{1} << (bucket % 64)); }

  std::size_t lowest_nonempty_bucket() const {
    return nonempty_[0] != 0 ? static_cast<std::size_t>(std::countr_zero(nonempty_[0]))
                             : 64 + static_cast<std::size_t>(std::countr_zero(nonempty_[1]));
  }

  void redistribute_lowest_bucket();
  void undo_redistribution();
  void renumber_sequences();

  QueuedEvent front_;
  bool has_front_ = false;
  /// top() has run since the last change: the front, if any, is the top, else bucket 0 holds it.
  bool top_known_ = false;
  std::array<std::vector<QueuedEvent>, kBucketCount> buckets_;
  std::array<std::uint64_t, 2> nonempty_{};  ///< bit b set when bucket b holds entries
  std::size_t size_ = 0;                     ///< entries queued: the front's and the buckets'
  std::uint64_t next_sequence_;              ///< sequence number of the next push (<= kMaxSequence + 1)

  std::int64_t origin_time_ms_ = 0;
  std::uint32_t origin_sequence_ = 0;
  /// When top() redistributed a bucket and nothing was popped since: that bucket and the origin before,
  /// so undo_redistribution() can restore them. 0 when there is nothing to undo.
  std::size_t redistributed_from_ = 0;
  std::int64_t previous_origin_time_ms_ = 0;
  std::uint32_t previous_origin_sequence_ = 0;
};

}  // namespace delivsim::kernel
