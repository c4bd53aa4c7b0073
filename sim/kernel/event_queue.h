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
///
/// Beside the buckets lies a sorted run: the entries pushed between begin_batch() and end_batch(), sorted
/// at end_batch() and merged with what is left of earlier batches. A batch of many entries spread over the
/// near future (a minute's arrivals, pushed at the minute's start) then costs a sort instead of several
/// moves between buckets per entry, and keeps the buckets small. The top is the earlier of the run's first
/// entry and the buckets' (with the front's) minimum, so the order is the same either way.
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

  /// Entries the buckets, the sorted run and its sort space can hold without reallocating (memory
  /// diagnostics).
  std::size_t capacity() const;

  /// The entry that runs first; the queue must not be empty, nor in a batch. Not const: it may redistribute
  /// entries.
  const QueuedEvent& top() {
    assert(!empty() && !batching_);
    top_known_ = true;
    top_in_run_ = sorted_head_ < sorted_.size() && run_head_runs_first();
    return top_in_run_ ? sorted_[sorted_head_] : heap_top();
  }

  /// Queues `slot` at `time_ms`, after every queued entry with the same time. `time_ms` must be >= 0 and
  /// not before the last popped entry.
  void push(std::int64_t time_ms, std::uint32_t slot) {
    assert(time_ms >= 0);
    if (next_sequence_ > kMaxSequence) renumber_sequences();
    QueuedEvent entry{time_ms, (next_sequence_++ << 32) | slot};
    if (batching_) {
      push_to_batch(entry);
      return;
    }
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

  /// Pushes from now until end_batch() join the sorted run (see the class comment). top() and pop() wait
  /// for end_batch().
  void begin_batch();

  /// Sorts the batch and merges it into the run. Allocates nothing that can fail (std::inplace_merge
  /// merges without a buffer when it gets none), so a scope may call it while unwinding.
  void end_batch() noexcept;

  /// Removes the top entry; the queue must not be empty. Afterwards `on_candidate(entry)` is called for
  /// the entries that may be the next top and take no search to find: the sorted run's first entry, the
  /// front and each entry of a small lowest bucket (the next top is one of them unless that bucket is
  /// large), so the caller can prefetch what they refer to before asking for it.
  template <class OnCandidate>
  void pop(OnCandidate on_candidate) {
    if (!top_known_) top();  // the run's first entry, or the front if it runs first, or bucket 0's
    top_known_ = false;
    --size_;
    if (top_in_run_) {
      if (++sorted_head_ == sorted_.size()) clear_run();
    } else if (has_front_) {
      has_front_ = false;
    } else {
      buckets_[0].pop_back();  // the minimum is unique: bucket 0 is now empty
      mark_empty(0);
      redistributed_from_ = 0;  // the origin is now a popped key: nothing to undo
    }
    if (sorted_head_ < sorted_.size()) on_candidate(sorted_[sorted_head_]);
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
    // The run's sorted part and an open batch's entries each keep their order.
    const auto head = sorted_.begin() + static_cast<std::ptrdiff_t>(sorted_head_);
    const auto batch =
        batching_ ? sorted_.begin() + static_cast<std::ptrdiff_t>(batch_begin_) : sorted_.end();
    const auto run_end = std::remove_if(head, batch, is_dropped);
    const auto batch_end = std::remove_if(batch, sorted_.end(), is_dropped);
    const auto kept_end = std::move(batch, batch_end, run_end);
    size_ -= static_cast<std::size_t>(sorted_.end() - kept_end);
    batch_begin_ = static_cast<std::size_t>(run_end - sorted_.begin());
    sorted_.erase(kept_end, sorted_.end());
    if (sorted_head_ == sorted_.size() && !batching_) clear_run();
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

  /// Whether the run's first entry runs before the front and every bucketed entry: exactly, but without a
  /// redistribution when the bound of the lowest bucket's times already tells.
  bool run_head_runs_first() {
    const QueuedEvent& head = sorted_[sorted_head_];
    if (has_front_ && !runs_before(head, front_)) return false;
    return provably_before_buckets(head) || runs_before(head, heap_top());
  }

  /// The minimum of the front and the buckets (not empty): the front if it runs first, else bucket 0's.
  const QueuedEvent& heap_top() {
    if (has_front_) {
      if (provably_before_buckets(front_)) return front_;
      bucket_front();
    }
    if (buckets_[0].empty()) redistribute_lowest_bucket();
    return buckets_[0].back();
  }

  void push_to_batch(const QueuedEvent& entry) {
    // end_batch() sorts through the scratch space, so it is grown here, where growing may fail.
    const std::size_t batch_size = sorted_.size() + 1 - batch_begin_;
    if (batch_scratch_.size() < batch_size)
      batch_scratch_.resize(std::max(2 * batch_scratch_.size(), batch_size));
    sorted_.push_back(entry);
    ++size_;
    top_known_ = false;
  }

  void clear_run() {
    sorted_.clear();
    sorted_head_ = 0;
  }

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

  /// Whether `entry` provably runs before every bucketed entry: compared exactly with the lowest non-empty
  /// bucket's entries when they are few, else with the earliest time that bucket can hold (a false then
  /// may still be wrong).
  bool provably_before_buckets(const QueuedEvent& entry) const {
    if (buckets_empty()) return true;
    const std::vector<QueuedEvent>& lowest = buckets_[lowest_nonempty_bucket()];
    if (lowest.size() <= kMaxCandidates) {
      return std::all_of(lowest.begin(), lowest.end(),
                         [&entry](const QueuedEvent& bucketed) { return runs_before(entry, bucketed); });
    }
    return entry.time_ms < lowest_bucket_time_bound();
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
  /// top() has run since the last change: the top is the run's first entry (top_in_run_), else the front
  /// if there is one, else bucket 0's entry.
  bool top_known_ = false;
  bool top_in_run_ = false;
  /// The sorted run from sorted_head_ on (entries before it have popped); while batching_, the entries
  /// from batch_begin_ on are the open batch's, in push order.
  std::vector<QueuedEvent> sorted_;
  std::size_t sorted_head_ = 0;
  std::size_t batch_begin_ = 0;
  bool batching_ = false;
  std::vector<QueuedEvent> batch_scratch_;  ///< end_batch()'s sort space: at least the largest batch
  std::array<std::vector<QueuedEvent>, kBucketCount> buckets_;
  std::array<std::uint64_t, 2> nonempty_{};  ///< bit b set when bucket b holds entries
  std::size_t size_ = 0;                     ///< entries queued: the front's, the buckets' and the run's
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
