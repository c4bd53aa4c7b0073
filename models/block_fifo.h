#pragma once
/// @file A first-in, first-out sequence in fixed blocks that are reused: the memory of std::deque (an entry
/// takes its own size, plus at most a few blocks per sequence), without its allocation and release of a
/// block each time the sequence moves on by one block.
#include <boost/circular_buffer.hpp>
#include <cstddef>
#include <memory>
#include <type_traits>

namespace delivsim {

/// Entries of type `T` (trivially copyable) in blocks of 2^`kBlockBits`. A block emptied at the front is
/// kept as the spare and serves the next block needed at the back.
template <class T, unsigned kBlockBits = 8>
class BlockFifo {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  /// The oldest entry (requires !empty()).
  const T& front() const { return blocks_.front()[head_]; }
  /// The newest entry (requires !empty()).
  const T& back() const { return at(size_ - 1); }
  /// The entry `ahead` places behind the front, or nullptr past the back (to prefetch it).
  const T* find(std::size_t ahead) const { return ahead < size_ ? &at(ahead) : nullptr; }

  void push_back(const T& entry) {
    const std::size_t place = head_ + size_;
    if (place == blocks_.size() << kBlockBits) add_block();
    blocks_[place >> kBlockBits][place & kBlockMask] = entry;
    ++size_;
  }

  /// Removes the oldest entry (requires !empty()).
  void pop_front() {
    --size_;
    if (++head_ == kBlockEntries) {
      spare_ = std::move(blocks_.front());
      blocks_.pop_front();
      head_ = 0;
    }
  }

 private:
  static constexpr std::size_t kBlockEntries = std::size_t{1} << kBlockBits;
  static constexpr std::size_t kBlockMask = kBlockEntries - 1;
  using Block = std::unique_ptr<T[]>;

  const T& at(std::size_t ahead) const {
    const std::size_t place = head_ + ahead;
    return blocks_[place >> kBlockBits][place & kBlockMask];
  }

  void add_block() {
    // The list of blocks is a ring of pointers, doubled when full: 8 bytes per block of entries.
    if (blocks_.full()) blocks_.set_capacity(blocks_.empty() ? 4 : 2 * blocks_.size());
    blocks_.push_back(spare_ ? std::move(spare_) : std::make_unique_for_overwrite<T[]>(kBlockEntries));
  }

  boost::circular_buffer<Block> blocks_;
  Block spare_;           ///< an emptied block, or null
  std::size_t head_ = 0;  ///< the front's place in the first block
  std::size_t size_ = 0;
};

}  // namespace delivsim
