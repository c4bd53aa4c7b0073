#include "sim/world/message_table.h"

#include <stdexcept>

#include "sim/world/populate_pages.h"

namespace delivsim {

std::uint32_t MessageTable::add(const Message& message) {
  if (size_ > UINT32_MAX) throw std::length_error("MessageTable: more than 2^32 messages");
  const auto id = static_cast<std::uint32_t>(size_);
  const std::size_t chunk = id >> kChunkBits;
  if (chunk == chunks_.size()) {
    // The previous chunk is complete: if all its messages ended already, its storage serves this one.
    if (chunk > 0 && live_[chunk - 1] == 0) free_chunk(chunk - 1);
    chunks_.emplace_back().reserve(kChunkMessages);
    live_.push_back(0);
  }
  Chunk& messages = chunks_[chunk];
  if ((id & kPopulateMask) == 0) {
    // The chunk's next kPopulateMessages places (untouched, if the chunk is new) are mapped at once.
    populate_pages_for_writing(messages.data() + messages.size(), kPopulateMessages * sizeof(Message));
  }
  messages.push_back(message);
  ++live_[chunk];
  ++size_;
  return id;
}

void MessageTable::release(std::uint32_t id) {
  const std::size_t chunk = id >> kChunkBits;
  // The chunk still being filled is freed when it is complete (in add).
  if (--live_[chunk] == 0 && chunk + 1 < chunks_.size()) free_chunk(chunk);
}

std::size_t MessageTable::chunks_in_use() const {
  std::size_t in_use = 0;
  for (const Chunk& chunk : chunks_) in_use += !chunk.empty();
  return in_use;
}

void MessageTable::free_chunk(std::size_t chunk) {
  Chunk().swap(chunks_[chunk]);
}

}  // namespace delivsim
