#include "models/ready_queue.h"

#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <queue>
#include <utility>
#include <vector>

namespace delivsim {
namespace {

TEST(ReadyQueueTest, OldestInjectionFirstThenLowestId) {
  ReadyQueue queue;
  queue.push(5, Duration(100));
  queue.push(6, Duration(100));
  queue.push(2, Duration(40));  // a retry: injected before the others
  queue.push(7, Duration(300));
  queue.push(1, Duration(100));  // same time as 5 and 6, lower id
  EXPECT_EQ(queue.size(), 5u);
  EXPECT_EQ(queue.oldest_injected(), Duration(40));
  std::vector<std::uint32_t> order;
  while (!queue.empty()) order.push_back(queue.pop());
  EXPECT_EQ(order, (std::vector<std::uint32_t>{2, 1, 5, 6, 7}));
}

// Injections in order mixed with retries of popped messages: the same order as a plain binary heap.
TEST(ReadyQueueTest, MatchesABinaryHeapOnAMixedStream) {
  using Entry = std::pair<Duration, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  ReadyQueue queue;
  boost::random::mt19937_64 engine(7);
  boost::random::uniform_int_distribution<int> action(0, 9);
  std::vector<Duration> injected;
  Duration now(0);
  for (int step = 0; step < 20000; ++step) {
    const int a = action(engine);
    if (a < 4) {  // inject
      const auto id = static_cast<std::uint32_t>(injected.size());
      injected.push_back(now);
      heap.emplace(now, id);
      queue.push(id, now);
    } else if (!heap.empty()) {  // pop, and sometimes put it back as a retry later
      const std::uint32_t expected = heap.top().second;
      heap.pop();
      ASSERT_EQ(queue.oldest_injected(), injected[expected]);
      ASSERT_EQ(queue.oldest(), expected);
      ASSERT_EQ(queue.pop(), expected);
      if (a >= 8) {
        heap.emplace(injected[expected], expected);
        queue.push(expected, injected[expected]);
      }
    }
    ASSERT_EQ(queue.size(), heap.size());
    if (a == 3) now += Duration(60000);
  }
}

// The in-order entries live in blocks of 256 that are reused: fills, drains and refills across blocks, and
// across the block a drained queue hands back, keep first-in, first-out.
TEST(ReadyQueueTest, KeepsOrderAcrossBlocks) {
  for (std::uint32_t first : {1u, 255u, 256u, 257u, 600u}) {
    for (std::uint32_t popped : {0u, 1u, 255u, 256u}) {
      for (std::uint32_t more : {1u, 256u, 513u}) {
        if (popped > first) continue;
        ReadyQueue queue;
        std::uint32_t next_id = 0, expected = 0;
        for (std::uint32_t i = 0; i < first; ++i, ++next_id) queue.push(next_id, Duration(next_id));
        for (std::uint32_t i = 0; i < popped; ++i) ASSERT_EQ(queue.pop(), expected++);
        for (std::uint32_t i = 0; i < more; ++i, ++next_id) queue.push(next_id, Duration(next_id));
        ASSERT_EQ(queue.size(), next_id - expected);
        while (!queue.empty()) {
          ASSERT_EQ(queue.oldest_injected(), Duration(expected));
          ASSERT_EQ(queue.pop(), expected++);
        }
        EXPECT_EQ(expected, next_id) << first << " " << popped << " " << more;
      }
    }
  }
}

}  // namespace
}  // namespace delivsim
