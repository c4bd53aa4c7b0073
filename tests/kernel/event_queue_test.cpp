#include "sim/kernel/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cstdint>
#include <limits>
#include <vector>

namespace delivsim::kernel {
namespace {

/// What a test pushed: the slot doubles as the push index, so equal times must pop in slot order.
struct TimeAndSlot {
  std::int64_t time_ms;
  std::uint32_t slot;
  friend bool operator==(const TimeAndSlot&, const TimeAndSlot&) = default;
};

TimeAndSlot top_of(EventQueue& queue) {
  return {queue.top().time_ms, queue.top().slot()};
}

std::vector<TimeAndSlot> drain(EventQueue& queue) {
  std::vector<TimeAndSlot> popped;
  while (!queue.empty()) {
    popped.push_back(top_of(queue));
    queue.pop();
  }
  return popped;
}

/// Reference model: a list kept in run order (time, then push order).
class ReferenceQueue {
 public:
  void push(TimeAndSlot entry) {
    entries_.insert(std::upper_bound(entries_.begin(), entries_.end(), entry,
                                     [](const auto& a, const auto& b) { return a.time_ms < b.time_ms; }),
                    entry);
  }
  TimeAndSlot pop() {
    const TimeAndSlot first = entries_.front();
    entries_.erase(entries_.begin());
    return first;
  }
  template <class Predicate>
  void erase_if(Predicate is_dropped) {
    std::erase_if(entries_, is_dropped);
  }
  const std::vector<TimeAndSlot>& entries() const { return entries_; }

 private:
  std::vector<TimeAndSlot> entries_;
};

struct QueueCase {
  std::uint32_t count;
  std::int64_t max_time_ms;  // small ranges force many ties
};

class EventQueueOrderTest : public ::testing::TestWithParam<QueueCase> {
 protected:
  /// Pushes GetParam().count entries at random times into both queues.
  void push_random(EventQueue& queue, ReferenceQueue& reference, std::uint64_t seed) const {
    boost::random::mt19937_64 engine(seed);
    boost::random::uniform_int_distribution<std::int64_t> time_ms(0, GetParam().max_time_ms);
    for (std::uint32_t slot = 0; slot < GetParam().count; ++slot) {
      const TimeAndSlot entry{time_ms(engine), slot};
      queue.push(entry.time_ms, entry.slot);
      reference.push(entry);
    }
  }
};

TEST_P(EventQueueOrderTest, PopsByTimeThenPushOrder) {
  EventQueue queue;
  ReferenceQueue reference;
  push_random(queue, reference, 7);
  EXPECT_EQ(queue.size(), reference.entries().size());
  EXPECT_EQ(drain(queue), reference.entries());
}

TEST_P(EventQueueOrderTest, EraseIfKeepsTheOthersInOrder) {
  EventQueue queue;
  ReferenceQueue reference;
  push_random(queue, reference, 11);
  queue.top();  // erase after a redistribution too
  queue.erase_if([](const QueuedEvent& entry) { return entry.slot() % 2 == 1; });
  reference.erase_if([](const TimeAndSlot& entry) { return entry.slot % 2 == 1; });
  EXPECT_EQ(queue.size(), reference.entries().size());
  EXPECT_EQ(drain(queue), reference.entries());
}

INSTANTIATE_TEST_SUITE_P(Sizes, EventQueueOrderTest,
                         ::testing::Values(QueueCase{1, 10}, QueueCase{5, 3}, QueueCase{17, 1000},
                                           QueueCase{1000, 20}, QueueCase{10'000, 1'000'000},
                                           QueueCase{1000, std::int64_t{1} << 62}));

// A simulator-like workload: pushes never go before the last popped time, but may go before a peeked top
// (scheduling after run_until stopped short), with cancellations compacted now and then.
TEST(EventQueueTest, RandomMonotoneWorkloadMatchesTheReference) {
  EventQueue queue;
  ReferenceQueue reference;
  boost::random::mt19937_64 engine(3);
  boost::random::uniform_int_distribution<std::int64_t> delay_ms(0, 50);
  boost::random::uniform_int_distribution<int> action(0, 99);
  std::int64_t popped_time_ms = 0;
  std::uint32_t next_slot = 0;
  std::vector<TimeAndSlot> popped;
  std::vector<TimeAndSlot> expected;
  for (int step = 0; step < 50'000; ++step) {
    const int choice = action(engine);
    if (choice < 45 || queue.empty()) {
      const TimeAndSlot entry{popped_time_ms + delay_ms(engine), next_slot++};
      queue.push(entry.time_ms, entry.slot);
      reference.push(entry);
    } else if (choice < 90) {
      popped.push_back(top_of(queue));
      popped_time_ms = popped.back().time_ms;
      queue.pop();
      expected.push_back(reference.pop());
    } else if (choice < 98) {
      queue.top();  // a peek alone must not change anything
    } else {
      const std::uint32_t modulus = 2 + static_cast<std::uint32_t>(choice % 3);
      queue.erase_if([&](const QueuedEvent& entry) { return entry.slot() % modulus == 0; });
      reference.erase_if([&](const TimeAndSlot& entry) { return entry.slot % modulus == 0; });
    }
    ASSERT_EQ(queue.size(), reference.entries().size());
  }
  EXPECT_EQ(popped, expected);
  EXPECT_EQ(drain(queue), reference.entries());
}

// The front entry is the top only when it provably runs first: near and far times mixed (a reply in
// milliseconds, a retry in hours, a periodic event a month away) put it before, between and after the
// bucketed entries, at every bit of the time.
TEST(EventQueueTest, FrontEntryKeepsTheOrderWithNearAndFarTimes) {
  EventQueue queue;
  ReferenceQueue reference;
  boost::random::mt19937_64 engine(11);
  boost::random::uniform_int_distribution<int> bits(0, 40), action(0, 99);
  std::int64_t popped_time_ms = 0;
  std::uint32_t next_slot = 0;
  std::vector<TimeAndSlot> popped, expected;
  for (int step = 0; step < 50'000; ++step) {
    if (action(engine) < 50 || queue.empty()) {
      const std::int64_t span_ms = std::int64_t{1} << bits(engine);
      const std::int64_t delay_ms = boost::random::uniform_int_distribution<std::int64_t>(0, span_ms)(engine);
      const TimeAndSlot entry{popped_time_ms + delay_ms, next_slot++};
      queue.push(entry.time_ms, entry.slot);
      reference.push(entry);
    } else {
      popped.push_back(top_of(queue));
      popped_time_ms = popped.back().time_ms;
      queue.pop();
      expected.push_back(reference.pop());
    }
    ASSERT_EQ(queue.size(), reference.entries().size());
  }
  EXPECT_EQ(popped, expected);
  EXPECT_EQ(drain(queue), reference.entries());
}

// Batches (the sorted run beside the buckets) mixed with single pushes, pops, peeks and erasures, inside a
// batch too: small and large batches (insertion sort and radix sort), near and far times, many ties.
TEST(EventQueueTest, BatchesKeepTheOrderOfTheReference) {
  EventQueue queue;
  ReferenceQueue reference;
  boost::random::mt19937_64 engine(13);
  boost::random::uniform_int_distribution<int> bits(0, 40), action(0, 99), batch_size(0, 100);
  std::int64_t popped_time_ms = 0;
  std::uint32_t next_slot = 0;
  std::vector<TimeAndSlot> popped, expected;
  const auto push_one = [&] {
    const std::int64_t span_ms = std::int64_t{1} << bits(engine);
    const std::int64_t delay_ms = boost::random::uniform_int_distribution<std::int64_t>(0, span_ms)(engine);
    const TimeAndSlot entry{popped_time_ms + delay_ms, next_slot++};
    queue.push(entry.time_ms, entry.slot);
    reference.push(entry);
  };
  for (int step = 0; step < 10'000; ++step) {
    const int choice = action(engine);
    if (choice < 3) {
      queue.begin_batch();
      for (int n = batch_size(engine); n > 0; --n) {
        push_one();
        if (action(engine) == 0) {  // a cancellation compacts the queue in the middle of a batch
          queue.erase_if([](const QueuedEvent& entry) { return entry.slot() % 7 == 0; });
          reference.erase_if([](const TimeAndSlot& entry) { return entry.slot % 7 == 0; });
        }
      }
      queue.end_batch();
    } else if (choice < 30 || queue.empty()) {
      push_one();
    } else if (choice < 93) {
      popped.push_back(top_of(queue));
      popped_time_ms = popped.back().time_ms;
      queue.pop();
      expected.push_back(reference.pop());
    } else if (choice < 98) {
      queue.top();
    } else {
      queue.erase_if([](const QueuedEvent& entry) { return entry.slot() % 5 == 0; });
      reference.erase_if([](const TimeAndSlot& entry) { return entry.slot % 5 == 0; });
    }
    ASSERT_EQ(queue.size(), reference.entries().size());
  }
  EXPECT_EQ(popped, expected);
  EXPECT_EQ(drain(queue), reference.entries());
}

// A minute's arrivals pushed as a batch while replies and retries go to the buckets: the simulator's use.
TEST(EventQueueTest, BatchOfAMinuteBesideSinglePushes) {
  EventQueue queue;
  ReferenceQueue reference;
  boost::random::mt19937_64 engine(17);
  boost::random::uniform_int_distribution<std::int64_t> offset_ms(0, 59'999), reply_ms(0, 3'000);
  std::uint32_t next_slot = 0;
  for (std::int64_t minute_ms = 0; minute_ms < 30 * 60'000; minute_ms += 60'000) {
    queue.begin_batch();
    for (int n = 0; n < 200; ++n) {
      const TimeAndSlot entry{minute_ms + offset_ms(engine), next_slot++};
      queue.push(entry.time_ms, entry.slot);
      reference.push(entry);
    }
    queue.end_batch();
    while (!queue.empty() && queue.top().time_ms < minute_ms + 60'000) {
      const TimeAndSlot next = top_of(queue);
      queue.pop();
      ASSERT_EQ(next, reference.pop());
      const TimeAndSlot reply{next.time_ms + reply_ms(engine), next_slot++};
      if (reply.slot % 3 != 0) {
        queue.push(reply.time_ms, reply.slot);
        reference.push(reply);
      }
    }
  }
  EXPECT_EQ(drain(queue), reference.entries());
}

// Batches of every shape the batch sort tells apart: a few entries; a spread of up to 192 (a handful per top
// digit) and more (radix); times clustered so one top digit gathers most (radix); one time; many ties.
TEST(EventQueueTest, BatchesOfEveryShapeRunInTimeThenPushOrder) {
  boost::random::mt19937_64 engine(23);
  struct Shape {
    int count;
    std::int64_t cluster_ms;  // most times within this of the batch's start...
    std::int64_t outlier_ms;  // ...and every tenth up to this far
  };
  for (const Shape shape : {Shape{5, 60'000, 60'000}, Shape{40, 60'000, 60'000}, Shape{190, 60'000, 60'000},
                            Shape{400, 60'000, 60'000}, Shape{150, 50, 1'000'000}, Shape{300, 50, 1'000'000},
                            Shape{100, 0, 0}, Shape{2'000, 3, 3'000}}) {
    EventQueue queue;
    ReferenceQueue reference;
    boost::random::uniform_int_distribution<std::int64_t> cluster(0, shape.cluster_ms),
        outlier(0, shape.outlier_ms);
    queue.begin_batch();
    for (int n = 0; n < shape.count; ++n) {
      const TimeAndSlot entry{1'000 + (n % 10 == 0 ? outlier(engine) : cluster(engine)),
                              static_cast<std::uint32_t>(n)};
      queue.push(entry.time_ms, entry.slot);
      reference.push(entry);
    }
    queue.end_batch();
    EXPECT_EQ(drain(queue), reference.entries()) << shape.count << " entries";
  }
}

TEST(EventQueueTest, BatchAfterTheQueueEmptiedAcceptsAnyTime) {
  EventQueue queue;
  queue.push(100, 0);
  queue.pop();
  queue.begin_batch();
  queue.push(30, 1);
  queue.push(10, 2);
  queue.push(30, 3);
  queue.end_batch();
  queue.push(20, 4);
  EXPECT_EQ(drain(queue), (std::vector<TimeAndSlot>{{10, 2}, {20, 4}, {30, 1}, {30, 3}}));
}

TEST(EventQueueTest, BatchSpanningASequenceRenumbering) {
  EventQueue queue(std::numeric_limits<std::uint32_t>::max() - 40);
  ReferenceQueue reference;
  queue.push(5, 0);
  reference.push({5, 0});
  queue.begin_batch();
  for (std::uint32_t slot = 1; slot < 100; ++slot) {  // renumbers in the middle of the batch
    const TimeAndSlot entry{static_cast<std::int64_t>(slot % 4) * 10, slot};
    queue.push(entry.time_ms, entry.slot);
    reference.push(entry);
  }
  queue.end_batch();
  EXPECT_EQ(drain(queue), reference.entries());
}

TEST(EventQueueTest, RenumberingABatchAfterTheQueueEmptied) {
  EventQueue queue(std::numeric_limits<std::uint32_t>::max() - 3);
  queue.push(100, 0);
  queue.push(200, 1);
  queue.pop();
  queue.pop();  // the buckets' origin is now 200
  queue.begin_batch();
  queue.push(199, 2);
  queue.push(50, 3);
  queue.push(120, 4);  // renumbers: the batch so far joins the buckets, placed from zero, not from 200
  queue.end_batch();
  EXPECT_EQ(drain(queue), (std::vector<TimeAndSlot>{{50, 3}, {120, 4}, {199, 2}}));
}

TEST(EventQueueTest, PushBeforeAPeekedTopBecomesTheNewTop) {
  EventQueue queue;
  queue.push(10, 0);
  queue.pop();
  queue.push(100, 1);
  queue.push(200, 2);
  EXPECT_EQ(top_of(queue), (TimeAndSlot{100, 1}));
  queue.push(50, 3);  // after the popped 10, before the peeked 100
  EXPECT_EQ(drain(queue), (std::vector<TimeAndSlot>{{50, 3}, {100, 1}, {200, 2}}));
}

TEST(EventQueueTest, PushBeforeAPeekedTopWhoseEntryWasErased) {
  EventQueue queue;
  queue.push(10, 0);
  queue.pop();
  queue.push(100, 1);
  queue.push(200, 2);
  queue.push(300, 3);
  EXPECT_EQ(top_of(queue), (TimeAndSlot{100, 1}));
  queue.erase_if([](const QueuedEvent& entry) { return entry.slot() == 1; });
  EXPECT_EQ(top_of(queue), (TimeAndSlot{200, 2}));
  // Both go before the peeked 200; they must be placed relative to the popped 10, not the erased 100.
  queue.push(20, 4);
  queue.push(101, 5);
  EXPECT_EQ(drain(queue), (std::vector<TimeAndSlot>{{20, 4}, {101, 5}, {200, 2}, {300, 3}}));
}

TEST(EventQueueTest, EmptiedQueueAcceptsAnyTimeAgain) {
  EventQueue queue;
  queue.push(10, 0);
  queue.pop();
  queue.push(100, 1);
  queue.pop();
  queue.push(99, 2);  // before the popped entries: allowed once the queue is empty
  queue.push(28, 3);
  EXPECT_EQ(drain(queue), (std::vector<TimeAndSlot>{{28, 3}, {99, 2}}));
}

TEST(EventQueueTest, SequenceNumbersRenumberInsteadOfWrapping) {
  constexpr std::uint32_t kNearTheWrap = std::numeric_limits<std::uint32_t>::max() - 3;
  EventQueue queue(kNearTheWrap);
  ReferenceQueue reference;
  for (std::uint32_t slot = 0; slot < 10; ++slot) {
    const TimeAndSlot entry{slot % 2 == 0 ? 100 : 50, slot};
    queue.push(entry.time_ms, entry.slot);
    reference.push(entry);
  }
  EXPECT_LT(queue.top().sequence(), 20u);  // renumbered on the fifth push
  EXPECT_EQ(drain(queue), reference.entries());
}

TEST(EventQueueTest, RenumberingWithAPeekedTopKeepsEarlierPushesValid) {
  EventQueue queue(std::numeric_limits<std::uint32_t>::max() - 1);
  queue.push(10, 0);
  queue.pop();
  queue.push(100, 1);
  EXPECT_EQ(top_of(queue), (TimeAndSlot{100, 1}));
  queue.push(50, 2);  // renumbers first, with 100 peeked
  queue.push(10, 3);  // at the popped time: still allowed
  queue.push(10, 4);
  EXPECT_EQ(drain(queue), (std::vector<TimeAndSlot>{{10, 3}, {10, 4}, {50, 2}, {100, 1}}));
}

TEST(EventQueueTest, PopReportsTheNextTopAmongItsCandidates) {
  EventQueue queue;
  boost::random::mt19937_64 engine(5);
  boost::random::uniform_int_distribution<std::int64_t> delay_ms(0, 1000);
  for (std::uint32_t slot = 0; slot < 1000; ++slot) queue.push(delay_ms(engine), slot);
  int reported_pops = 0;
  for (std::uint32_t slot = 1000; slot < 20'000; ++slot) {
    const std::int64_t now_ms = queue.top().time_ms;
    std::vector<std::uint32_t> candidates;
    queue.pop([&](const QueuedEvent& candidate) { candidates.push_back(candidate.slot()); });
    if (!candidates.empty()) {
      ++reported_pops;
      EXPECT_NE(std::find(candidates.begin(), candidates.end(), queue.top().slot()), candidates.end());
    }
    queue.push(now_ms + delay_ms(engine), slot);
  }
  EXPECT_GT(reported_pops, 10'000);
}

TEST(EventQueueTest, PopReportsTheSortedRunsFirstEntry) {
  EventQueue queue;
  boost::random::mt19937_64 engine(6);
  boost::random::uniform_int_distribution<std::int64_t> time_ms(0, 60'000);
  for (std::uint32_t slot = 0; slot < 100; ++slot) queue.push(1'000'000 + time_ms(engine), slot);
  queue.begin_batch();
  for (std::uint32_t slot = 100; slot < 1100; ++slot) queue.push(time_ms(engine), slot);
  queue.end_batch();
  for (int pop = 0; pop < 999; ++pop) {  // the batch's entries run first, in time order
    std::vector<std::uint32_t> candidates;
    queue.pop([&](const QueuedEvent& candidate) { candidates.push_back(candidate.slot()); });
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), queue.top().slot()), candidates.end());
    EXPECT_GE(queue.top().slot(), 100u);
  }
}

TEST(EventQueueTest, MemoryStaysBoundedUnderSteadyChurn) {
  EventQueue queue;
  boost::random::mt19937_64 engine(9);
  boost::random::uniform_int_distribution<std::int64_t> delay_ms(0, 1'000'000);
  for (std::uint32_t slot = 0; slot < 1000; ++slot) queue.push(delay_ms(engine), slot);
  for (int round = 0; round < 200'000; ++round) {
    const QueuedEvent next = queue.top();
    queue.pop();
    queue.push(next.time_ms + delay_ms(engine), next.slot());
  }
  EXPECT_EQ(queue.size(), 1000u);
  EXPECT_LE(queue.capacity(), 16'000u);
}

}  // namespace
}  // namespace delivsim::kernel
