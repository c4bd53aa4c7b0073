#include "models/block_fifo.h"

#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cstdint>
#include <deque>

namespace delivsim {
namespace {

// Blocks of 4 entries, so that a few pushes cross blocks.
using SmallFifo = BlockFifo<std::uint64_t, 2>;

TEST(BlockFifoTest, FirstInFirstOutAcrossBlocks) {
  SmallFifo fifo;
  EXPECT_TRUE(fifo.empty());
  for (std::uint64_t i = 0; i < 11; ++i) {
    fifo.push_back(i);
    EXPECT_EQ(fifo.back(), i);
  }
  EXPECT_EQ(fifo.size(), 11u);
  for (std::uint64_t i = 0; i < 11; ++i) {
    ASSERT_EQ(fifo.front(), i);
    ASSERT_EQ(*fifo.find(10 - i), 10u);  // the back, counted from the front
    EXPECT_EQ(fifo.find(11 - i), nullptr);
    fifo.pop_front();
  }
  EXPECT_TRUE(fifo.empty());
  EXPECT_EQ(fifo.find(0), nullptr);
}

// Random pushes and pops, drained to empty now and then, against std::deque.
TEST(BlockFifoTest, MatchesADequeOnARandomStream) {
  SmallFifo fifo;
  std::deque<std::uint64_t> reference;
  boost::random::mt19937_64 engine(11);
  boost::random::uniform_int_distribution<int> action(0, 99);
  std::uint64_t next = 0;
  for (int step = 0; step < 50000; ++step) {
    const int a = action(engine);
    if (a < 50) {
      fifo.push_back(next);
      reference.push_back(next++);
    } else if (a < 99) {
      if (reference.empty()) continue;
      ASSERT_EQ(fifo.front(), reference.front());
      fifo.pop_front();
      reference.pop_front();
    } else {
      while (!reference.empty()) {
        ASSERT_EQ(fifo.front(), reference.front());
        fifo.pop_front();
        reference.pop_front();
      }
    }
    ASSERT_EQ(fifo.size(), reference.size());
    if (!reference.empty()) {
      ASSERT_EQ(fifo.back(), reference.back());
      const std::size_t middle = reference.size() / 2;
      ASSERT_EQ(*fifo.find(middle), reference[middle]);
    }
  }
}

// A block emptied at the front serves the next block at the back: a FIFO that moves on allocates nothing.
TEST(BlockFifoTest, ReusesTheBlockItEmptied) {
  SmallFifo fifo;
  for (std::uint64_t i = 0; i < 4; ++i) fifo.push_back(i);
  const std::uint64_t* first_block = &fifo.front();
  for (int i = 0; i < 4; ++i) fifo.pop_front();
  fifo.push_back(4);
  EXPECT_EQ(&fifo.front(), first_block);
  EXPECT_EQ(fifo.front(), 4u);
}

}  // namespace
}  // namespace delivsim
