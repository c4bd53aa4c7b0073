#pragma once
/// @file The messages in the sender's care, by id. Ids count up from 0 in injection order and are never
/// reused (accounting records and ready-queue ties use them), but the storage of messages that have ended
/// is: memory follows the messages still in the sender's care, not every message the run has injected.
#include <cstdint>
#include <vector>

#include "models/huge_pages.h"
#include "sim/world/message.h"

namespace delivsim {

/// Messages in chunks of kChunkMessages consecutive ids. When every message of a chunk has ended (been
/// released) the chunk's storage is freed, and the thread keeps it for the next chunk (free_huge_block), so
/// a month of mail needs only the chunks spanning the messages still queued or being retried.
class MessageTable {
 public:
  /// Adds `message` and returns its id (the number of messages added before it).
  std::uint32_t add(const Message& message);
  Message& operator[](std::uint32_t id) { return chunks_[id >> kChunkBits][id & kChunkMask]; }
  const Message& operator[](std::uint32_t id) const { return chunks_[id >> kChunkBits][id & kChunkMask]; }
  /// Asks for message `id`'s record ahead of reading or writing it.
  void prefetch(std::uint32_t id) const { __builtin_prefetch(&(*this)[id], 1); }
  /// Message `id` ended (delivered, bounced or expired); it must not be read again.
  void release(std::uint32_t id);
  /// Messages added so far, ended or not.
  std::uint64_t size() const { return size_; }
  /// Chunks holding messages now (for tests and memory diagnostics).
  std::size_t chunks_in_use() const;

  static constexpr unsigned kChunkBits = 16;
  static constexpr std::uint32_t kChunkMessages = 1u << kChunkBits;

 private:
  static constexpr std::uint32_t kChunkMask = kChunkMessages - 1;
  /// A chunk's memory is mapped this many messages (256 KB) at a time as it fills (populate_pages.h), so a
  /// small run's memory stays small where the chunk gets no huge page; with one, the first call maps it.
  static constexpr std::uint32_t kPopulateMessages = 1u << 13;
  static constexpr std::uint32_t kPopulateMask = kPopulateMessages - 1;

  /// A chunk's storage: kChunkMessages records make exactly one huge page (huge_pages.h).
  using Chunk = std::vector<Message, HugePageAllocator<Message>>;
  static_assert(kChunkMessages * sizeof(Message) == kHugePageBytes);

  /// Frees chunk `chunk`'s storage.
  void free_chunk(std::size_t chunk);

  /// Per chunk, its messages in id order; without storage once freed. Each has room for kChunkMessages,
  /// reserved up front and mapped as it fills, so the chunk never moves.
  std::vector<Chunk> chunks_;
  std::vector<std::uint32_t> live_;  ///< per chunk: messages added and not released
  std::uint64_t size_ = 0;
};

}  // namespace delivsim
