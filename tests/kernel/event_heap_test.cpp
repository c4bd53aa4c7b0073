#include "sim/kernel/event_heap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cstdint>
#include <limits>
#include <vector>

namespace delivsim::kernel {
namespace {

struct TimeAndSlot {
  std::int64_t time_ms;
  std::uint32_t slot;
  friend bool operator==(const TimeAndSlot&, const TimeAndSlot&) = default;
};

std::vector<TimeAndSlot> drain(EventHeap& heap) {
  std::vector<TimeAndSlot> popped;
  while (!heap.empty()) {
    popped.push_back({heap.top().time_ms, heap.top().slot()});
    heap.pop();
  }
  return popped;
}

/// Pushes `count` entries with times in [0, max_time_ms] (small ranges force many ties); slot = push index.
std::vector<TimeAndSlot> push_random(EventHeap& heap, std::uint32_t count, std::int64_t max_time_ms,
                                     std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  boost::random::uniform_int_distribution<std::int64_t> time_ms(0, max_time_ms);
  std::vector<TimeAndSlot> pushed;
  for (std::uint32_t slot = 0; slot < count; ++slot) {
    pushed.push_back({time_ms(engine), slot});
    heap.push(pushed.back().time_ms, slot);
  }
  return pushed;
}

/// Expected pop order: by time, ties in push order.
std::vector<TimeAndSlot> in_run_order(std::vector<TimeAndSlot> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const TimeAndSlot& a, const TimeAndSlot& b) { return a.time_ms < b.time_ms; });
  return entries;
}

struct HeapCase {
  std::uint32_t count;
  std::int64_t max_time_ms;
};

class EventHeapOrderTest : public ::testing::TestWithParam<HeapCase> {};

TEST_P(EventHeapOrderTest, PopsByTimeThenPushOrder) {
  EventHeap heap;
  const auto pushed = push_random(heap, GetParam().count, GetParam().max_time_ms, 7);
  EXPECT_EQ(heap.size(), pushed.size());
  EXPECT_EQ(drain(heap), in_run_order(pushed));
}

TEST_P(EventHeapOrderTest, EraseIfKeepsTheOthersInOrder) {
  EventHeap heap;
  auto pushed = push_random(heap, GetParam().count, GetParam().max_time_ms, 11);
  const auto is_odd_slot = [](std::uint32_t slot) { return slot % 2 == 1; };
  heap.erase_if([&](const QueuedEvent& entry) { return is_odd_slot(entry.slot()); });
  std::erase_if(pushed, [&](const TimeAndSlot& entry) { return is_odd_slot(entry.slot); });
  EXPECT_EQ(drain(heap), in_run_order(pushed));
}

INSTANTIATE_TEST_SUITE_P(Sizes, EventHeapOrderTest,
                         ::testing::Values(HeapCase{1, 10}, HeapCase{5, 3}, HeapCase{17, 1000},
                                           HeapCase{1000, 20}, HeapCase{10'000, 1'000'000}));

TEST(EventHeapTest, InterleavedPushAndPopMatchesTheReference) {
  EventHeap heap;
  boost::random::mt19937_64 engine(3);
  boost::random::uniform_int_distribution<std::int64_t> delay_ms(0, 50);
  std::vector<TimeAndSlot> popped;
  std::vector<TimeAndSlot> expected;
  std::vector<TimeAndSlot> queued;  // kept in run order
  std::int64_t now_ms = 0;
  for (std::uint32_t slot = 0; slot < 5000; ++slot) {
    const TimeAndSlot entry{now_ms + delay_ms(engine), slot};
    heap.push(entry.time_ms, entry.slot);
    queued.insert(std::upper_bound(queued.begin(), queued.end(), entry,
                                   [](const auto& a, const auto& b) { return a.time_ms < b.time_ms; }),
                  entry);
    if (slot % 3 != 0) {
      popped.push_back({heap.top().time_ms, heap.top().slot()});
      now_ms = heap.top().time_ms;
      heap.pop();
      expected.push_back(queued.front());
      queued.erase(queued.begin());
    }
  }
  EXPECT_EQ(popped, expected);
}

TEST(EventHeapTest, SequenceNumbersRenumberInsteadOfWrapping) {
  constexpr std::uint32_t kNearTheWrap = std::numeric_limits<std::uint32_t>::max() - 3;
  EventHeap heap(kNearTheWrap);
  std::vector<TimeAndSlot> pushed;
  for (std::uint32_t slot = 0; slot < 10; ++slot) {
    pushed.push_back({slot % 2 == 0 ? 100 : 50, slot});
    heap.push(pushed.back().time_ms, slot);
  }
  // Renumbering happened on the fifth push: the remaining sequences are small and dense.
  EXPECT_LT(heap.top().sequence(), 10u);
  EXPECT_EQ(drain(heap), in_run_order(pushed));
}

TEST(EventHeapTest, ChildrenOfANodeShareOneCacheLine) {
  EventHeap heap;
  for (std::uint32_t slot = 0; slot < 5; ++slot) heap.push(slot, slot);
  const auto root_address = reinterpret_cast<std::uintptr_t>(&heap.top());
  EXPECT_EQ((root_address + sizeof(QueuedEvent)) % 64, 0u);
}

}  // namespace
}  // namespace delivsim::kernel
