#include "sim/kernel/event_queue.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <span>

namespace delivsim::kernel {

namespace {

/// Sorts `entries` in place by inserting each after the entries before it with a time not after its own:
/// stable, and quick when they are nearly sorted.
void insertion_sort_by_time(std::span<QueuedEvent> entries) {
  for (std::size_t i = 1; i < entries.size(); ++i) {
    const QueuedEvent entry = entries[i];
    std::size_t at = i;
    for (; at > 0 && entries[at - 1].time_ms > entry.time_ms; --at) entries[at] = entries[at - 1];
    entries[at] = entry;
  }
}

/// Time of `entry` after `base_ms` (not later than the entry's time), as a radix sort's key.
std::uint64_t offset_ms(const QueuedEvent& entry, std::int64_t base_ms) {
  return static_cast<std::uint64_t>(entry.time_ms - base_ms);
}

/// Most entries sorted by sort_by_top_digit: beyond about 200 (measured on a minute of uniform times) the
/// insertion sort's mispredicted branches cost more than the radix sort's second pass.
constexpr std::size_t kMaxEntriesByTopDigit = 192;

/// Sorts `entries` (times from `base_ms`, offsets of `span_bits` bits) stably by time through `scratch`:
/// one counting pass places them by the top bits of their offset, about as many digits as entries, then an
/// insertion sort orders each digit's few. Returns false, with `entries` untouched, if there are more than
/// kMaxEntriesByTopDigit or one digit would gather too many for that (clustered times).
bool sort_by_top_digit(std::span<QueuedEvent> entries, std::span<QueuedEvent> scratch, std::int64_t base_ms,
                       unsigned span_bits) {
  if (entries.size() > kMaxEntriesByTopDigit) return false;
  // An insertion sort moves an entry past at most the others of its digit.
  constexpr std::size_t kMaxPerDigit = 32;
  const unsigned digit_bits = std::min(span_bits, static_cast<unsigned>(std::bit_width(entries.size())));
  const unsigned shift = span_bits - digit_bits;
  const std::size_t digits = std::size_t{1} << digit_bits;
  std::array<std::size_t, (std::size_t{1} << std::bit_width(kMaxEntriesByTopDigit)) + 1> starts;
  std::fill_n(starts.begin(), digits + 1, 0);
  for (const QueuedEvent& entry : entries) ++starts[(offset_ms(entry, base_ms) >> shift) + 1];
  std::size_t most_in_a_digit = 0;
  for (std::size_t d = 1; d <= digits; ++d) {
    most_in_a_digit = std::max(most_in_a_digit, starts[d]);
    starts[d] += starts[d - 1];
  }
  if (most_in_a_digit > kMaxPerDigit) return false;
  for (const QueuedEvent& entry : entries) scratch[starts[offset_ms(entry, base_ms) >> shift]++] = entry;
  std::copy_n(scratch.begin(), entries.size(), entries.begin());
  if (shift > 0) insertion_sort_by_time(entries);
  return true;
}

/// Sorts `entries` (times from `base_ms`, offsets of `span_bits` bits) stably by time through `scratch`: a
/// radix sort, 8-bit digits, least significant first.
void radix_sort_by_time(std::span<QueuedEvent> entries, std::span<QueuedEvent> scratch, std::int64_t base_ms,
                        unsigned span_bits) {
  std::span<QueuedEvent> from = entries;
  std::span<QueuedEvent> to = scratch.first(entries.size());
  for (unsigned shift = 0; shift < span_bits; shift += 8) {
    const auto digit = [base_ms, shift](const QueuedEvent& entry) {
      return static_cast<std::size_t>((offset_ms(entry, base_ms) >> shift) & 0xFF);
    };
    std::array<std::size_t, 257> starts{};
    for (const QueuedEvent& entry : from) ++starts[digit(entry) + 1];
    for (std::size_t d = 1; d < starts.size(); ++d) starts[d] += starts[d - 1];
    for (const QueuedEvent& entry : from) to[starts[digit(entry)]++] = entry;
    std::swap(from, to);
  }
  if (from.data() != entries.data()) std::copy(from.begin(), from.end(), entries.begin());
}

/// Sorts `entries` by time, keeping the order of equal times: a batch's entries are in push order, so this
/// is their run order. Through `scratch` (at least as large): a few entries by an insertion sort; up to a
/// couple of hundred (bench-1m's minute of arrivals: 38) by one counting pass and an insertion sort of
/// nearly sorted entries; more (bench-10m's: 382) by a radix sort, without mispredicted branches.
void sort_by_time_stably(std::span<QueuedEvent> entries, std::span<QueuedEvent> scratch) {
  constexpr std::size_t kFewEntries = 16;
  if (entries.size() <= kFewEntries) {
    insertion_sort_by_time(entries);
    return;
  }
  const auto [earliest, latest] =
      std::minmax_element(entries.begin(), entries.end(),
                          [](const QueuedEvent& a, const QueuedEvent& b) { return a.time_ms < b.time_ms; });
  const std::int64_t base_ms = earliest->time_ms;
  const auto span_bits = static_cast<unsigned>(std::bit_width(offset_ms(*latest, base_ms)));
  if (span_bits == 0) return;  // one time: already in push order
  if (sort_by_top_digit(entries, scratch, base_ms, span_bits)) return;
  radix_sort_by_time(entries, scratch, base_ms, span_bits);
}

}  // namespace

std::size_t EventQueue::capacity() const {
  std::size_t total = 0;
  for (const auto& bucket : buckets_) total += bucket.capacity();
  return total + sorted_.capacity() + batch_scratch_.capacity();
}

void EventQueue::begin_batch() {
  assert(!batching_);
  // What is left of earlier batches moves to the start, so the run never holds more than its entries.
  sorted_.erase(sorted_.begin(), sorted_.begin() + static_cast<std::ptrdiff_t>(sorted_head_));
  sorted_head_ = 0;
  batch_begin_ = sorted_.size();
  batching_ = true;
}

void EventQueue::end_batch() noexcept {
  batching_ = false;
  const auto batch = sorted_.begin() + static_cast<std::ptrdiff_t>(batch_begin_);
  sort_by_time_stably(std::span(batch, sorted_.end()), std::span(batch_scratch_));
  std::inplace_merge(sorted_.begin() + static_cast<std::ptrdiff_t>(sorted_head_), batch, sorted_.end(),
                     runs_before);
  if (sorted_.empty()) clear_run();
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
  // With the buckets empty, the origin is left from entries popped long ago: start from zero, as bucket()
  // does.
  if (buckets_empty()) set_origin(QueuedEvent{});
  std::vector<QueuedEvent> entries;
  entries.reserve(size_);
  // The run (with an open batch) joins the buckets: renumbered, they hold every entry in order.
  entries.insert(entries.end(), sorted_.begin() + static_cast<std::ptrdiff_t>(sorted_head_), sorted_.end());
  clear_run();
  batch_begin_ = 0;
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
