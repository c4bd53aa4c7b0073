#pragma once
/// @file The recipient limiter's 32-bit words for the recipients it holds a record of (exact counts in a
/// window, lockouts): an open-addressing hash table (linear probing) keyed by recipient index, emptied
/// without giving its memory back.
///
/// Written here rather than taken from a library: std::unordered_map allocates a node per recipient, and
/// Boost's flat map (unordered_flat_map) came with Boost 1.81, after Debian 12's 1.74.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace delivsim {

/// Fibonacci hashing: the top `bits` bits (1 to 63) of key * 2^64 / golden ratio, spreading runs of nearby
/// indices over 2^bits slots.
constexpr std::size_t fibonacci_slot(std::uint32_t key, unsigned bits) {
  return static_cast<std::size_t>((key * 0x9E37'79B9'7F4A'7C15ull) >> (64 - bits));
}

class RecipientWordTable {
 public:
  /// The word of `recipient` (< 2^32 - 1) and true when it was just added (as 0).
  std::pair<std::uint32_t*, bool> find_or_add(std::uint32_t recipient) {
    if ((size_ + 1) * 2 > entries_.size()) grow();
    Entry& entry = entries_[slot_of(recipient + 1)];
    if (entry.key != kEmpty) return {&entry.word, false};
    entry.key = recipient + 1;
    ++size_;
    return {&entry.word, true};
  }

  /// The word of `recipient`, or null when it is not held.
  const std::uint32_t* find(std::uint32_t recipient) const {
    if (size_ == 0) return nullptr;
    const Entry& entry = entries_[slot_of(recipient + 1)];
    return entry.key != kEmpty ? &entry.word : nullptr;
  }

  /// Forgets every recipient; the table keeps its capacity for the next day.
  void clear() {
    if (size_ == 0) return;
    entries_.assign(entries_.size(), Entry{});
    size_ = 0;
  }

  /// Recipients held.
  std::size_t size() const { return size_; }

  /// Bytes held (memory diagnostics).
  std::size_t capacity_bytes() const { return entries_.capacity() * sizeof(Entry); }

 private:
  static constexpr std::uint32_t kEmpty = 0;  ///< keys are recipient + 1
  static constexpr std::size_t kFirstCapacity = 64;

  struct Entry {
    std::uint32_t key = kEmpty;
    std::uint32_t word = 0;
  };

  std::size_t home(std::uint32_t key) const { return fibonacci_slot(key, bits_); }

  /// Where `key` is, or the empty entry where it belongs: linear probing from its home.
  std::size_t slot_of(std::uint32_t key) const {
    std::size_t at = home(key);
    while (entries_[at].key != key && entries_[at].key != kEmpty) at = (at + 1) & mask_;
    return at;
  }

  /// Doubles the capacity (keeping the load at most one half) and re-adds every entry.
  void grow() {
    std::vector<Entry> old(entries_.empty() ? kFirstCapacity : entries_.size() * 2);
    old.swap(entries_);
    mask_ = entries_.size() - 1;
    bits_ = static_cast<unsigned>(std::countr_zero(entries_.size()));
    for (const Entry& entry : old) {
      if (entry.key != kEmpty) entries_[slot_of(entry.key)] = entry;
    }
  }

  std::vector<Entry> entries_;  ///< a power of two entries, or none
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
  unsigned bits_ = 0;  ///< log2 of the capacity
};

}  // namespace delivsim
