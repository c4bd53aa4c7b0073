// The message table: ids in injection order, and storage reused once a chunk's messages have all ended.
#include "sim/world/message_table.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

constexpr std::uint32_t kChunk = MessageTable::kChunkMessages;

Message with_recipient(std::uint32_t recipient) {
  Message m;
  m.recipient = recipient;
  return m;
}

TEST(MessageTable, IdsCountUpAndKeepTheirMessages) {
  MessageTable table;
  for (std::uint32_t i = 0; i < 3 * kChunk; ++i) ASSERT_EQ(table.add(with_recipient(i)), i);
  EXPECT_EQ(table.size(), 3u * kChunk);
  EXPECT_EQ(table[0].recipient, 0u);
  EXPECT_EQ(table[kChunk + 5].recipient, kChunk + 5);
  EXPECT_EQ(table[3 * kChunk - 1].recipient, 3 * kChunk - 1);
}

TEST(MessageTable, AChunkWhoseMessagesAllEndedIsReusedAndOneLiveMessageKeepsItsChunk) {
  MessageTable table;
  for (std::uint32_t i = 0; i < 2 * kChunk; ++i) table.add(with_recipient(i));
  EXPECT_EQ(table.chunks_in_use(), 2u);
  for (std::uint32_t i = 1; i < kChunk; ++i) table.release(i);  // message 0 is still queued
  EXPECT_EQ(table.chunks_in_use(), 2u);
  EXPECT_EQ(table[0].recipient, 0u);
  for (std::uint32_t i = kChunk; i < 2 * kChunk; ++i) table.release(i);  // the last chunk waits for add
  EXPECT_EQ(table.chunks_in_use(), 2u);
  const Message* second_chunk = &table[kChunk];
  EXPECT_EQ(table.add(with_recipient(7)), 2 * kChunk);
  EXPECT_EQ(&table[2 * kChunk], second_chunk) << "the second chunk's storage takes the third";
  EXPECT_EQ(table.chunks_in_use(), 2u);
  EXPECT_EQ(table[2 * kChunk].recipient, 7u);
  table.release(0);
  EXPECT_EQ(table.chunks_in_use(), 1u);
  EXPECT_EQ(table.size(), 2u * kChunk + 1);
}

}  // namespace
}  // namespace delivsim
