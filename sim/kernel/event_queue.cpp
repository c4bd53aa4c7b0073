#include "sim/kernel/event_queue.h"

#include <algorithm>

namespace delivsim::kernel {

std::size_t EventQueue::capacity() const {
  std::size_t total = 0;
  for (const auto& bucket : buckets_) total += bucket.capacity();
  return total;
}

void EventQueue::redistribute_lowest_bucket() {
  // A second redistribution without a pop in between (erase_if removed the minimum) must start from the
  // popped origin again, so a later undo still lands there.
  if (redistributed_from_ != 0) undo_redistribution();
  const std::size_t from = lowest_nonempty_bucket();
  std::vector<QueuedEvent>& source = buckets_[from];
  const QueuedEvent minimum = *std::min_element(source.begin(), source.end(), runs_before);
  previous_origin_time_ms_ = origin_time_ms_;
  previous_origin_sequence_ = origin_sequence_;
  origin_time_ms_ = minimum.time_ms;
  origin_sequence_ = minimum.sequence();
  redistributed_from_ = from;
  // Relative to the new origin every entry of `source` lands in a lower bucket (the minimum in bucket 0).
  mark_empty(from);
  if (source.size() == 1) {
    // Half the redistributions of a month's run move a lone entry: straight to bucket 0.
    buckets_[0].push_back(minimum);
    nonempty_[0] |= 1;
  } else {
    for (const QueuedEvent& entry : source) put(entry);
  }
  source.clear();
}

void EventQueue::undo_redistribution() {
  // Buckets below `redistributed_from_` were empty before the redistribution, and everything now in them
  // (moved there, or pushed since) shares the new origin's bits above its highest bit that differs from
  // the previous origin: relative to that previous origin, they all belong in `redistributed_from_`.
  std::vector<QueuedEvent>& target = buckets_[redistributed_from_];
  for (std::size_t bucket = 0; bucket < redistributed_from_; ++bucket) {
    target.insert(target.end(), buckets_[bucket].begin(), buckets_[bucket].end());
    buckets_[bucket].clear();
    mark_empty(bucket);
  }
  if (!target.empty()) nonempty_[redistributed_from_ / 64] |= std::uint64_t{1} << (redistributed_from_ % 64);
  origin_time_ms_ = previous_origin_time_ms_;
  origin_sequence_ = previous_origin_sequence_;
  redistributed_from_ = 0;
}

void EventQueue::renumber_sequences() {
  if (has_front_) bucket_front();
  if (redistributed_from_ != 0) undo_redistribution();  // back to the last popped key
  std::vector<QueuedEvent> entries;
  entries.reserve(size_);
  for (std::size_t bucket = 0; bucket < kBucketCount; ++bucket) {
    entries.insert(entries.end(), buckets_[bucket].begin(), buckets_[bucket].end());
    buckets_[bucket].clear();
    mark_empty(bucket);
  }
  std::sort(entries.begin(), entries.end(), runs_before);
  // Sequence 0 is kept for the origin, so every entry (and every later push) stays after it.
  origin_sequence_ = 0;
  next_sequence_ = 1;
  for (QueuedEvent& entry : entries) {
    entry.order = (next_sequence_++ << 32) | entry.slot();
    put(entry);
  }
}

}  // namespace delivsim::kernel
