#include "sim/kernel/simulator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace delivsim::kernel {
namespace {

using std::chrono::milliseconds;

/// Records which event ran and the simulated time it saw.
struct RunLog {
  std::vector<int> ids;
  std::vector<std::int64_t> times_ms;
};

/// Schedules an event with `id` at `at_ms` that records itself in `log`.
TimerHandle schedule_logged(Simulator& simulator, RunLog& log, int id, std::int64_t at_ms) {
  return simulator.schedule_at(milliseconds(at_ms), [&simulator, &log, id] {
    log.ids.push_back(id);
    log.times_ms.push_back(simulator.now().count());
  });
}

TEST(SimulatorTest, StartsAtZeroWithNothingPending) {
  const Simulator simulator;
  EXPECT_EQ(simulator.now(), milliseconds(0));
  EXPECT_EQ(simulator.pending_count(), 0u);
  EXPECT_EQ(simulator.events_processed(), 0u);
  EXPECT_FALSE(TimerHandle().valid());
}

TEST(SimulatorTest, RunsEventsInTimeOrderAndSetsNow) {
  Simulator simulator;
  RunLog log;
  schedule_logged(simulator, log, 3, 30);
  schedule_logged(simulator, log, 1, 10);
  schedule_logged(simulator, log, 2, 20);
  simulator.run_until_idle();
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(log.times_ms, (std::vector<std::int64_t>{10, 20, 30}));
  EXPECT_EQ(simulator.now(), milliseconds(30));
}

TEST(SimulatorTest, EqualTimesRunInSchedulingOrder) {
  Simulator simulator;
  RunLog log;
  for (int id = 0; id < 8; ++id) schedule_logged(simulator, log, id, id % 2 == 0 ? 5 : 7);
  simulator.run_until_idle();
  EXPECT_EQ(log.ids, (std::vector<int>{0, 2, 4, 6, 1, 3, 5, 7}));
}

TEST(SimulatorTest, CallbackCanScheduleEventsIncludingAtTheCurrentTime) {
  Simulator simulator;
  RunLog log;
  schedule_logged(simulator, log, 2, 10);
  simulator.schedule_at(milliseconds(10), [&] {
    log.ids.push_back(3);
    schedule_logged(simulator, log, 5, 10);  // same time: after everything already queued at 10
    simulator.schedule_in(milliseconds(5), [&] { log.ids.push_back(6); });
  });
  schedule_logged(simulator, log, 4, 10);
  schedule_logged(simulator, log, 1, 0);
  simulator.run_until_idle();
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(simulator.now(), milliseconds(15));
}

TEST(SimulatorTest, ScheduleInCountsFromNow) {
  Simulator simulator;
  std::int64_t ran_at_ms = -1;
  simulator.run_until(milliseconds(100));
  simulator.schedule_in(milliseconds(25), [&] { ran_at_ms = simulator.now().count(); });
  simulator.run_until_idle();
  EXPECT_EQ(ran_at_ms, 125);
}

TEST(SimulatorTest, SchedulingInThePastThrows) {
  Simulator simulator;
  simulator.run_until(milliseconds(50));
  EXPECT_THROW(simulator.schedule_at(milliseconds(49), [] {}), std::invalid_argument);
  EXPECT_THROW(simulator.schedule_in(milliseconds(-1), [] {}), std::invalid_argument);
  EXPECT_THROW(simulator.schedule_in(SimTime::max(), [] {}), std::invalid_argument);
  EXPECT_NO_THROW(simulator.schedule_at(milliseconds(50), [] {}));
  EXPECT_EQ(simulator.pending_count(), 1u);
}

TEST(SimulatorTest, CancelPendingEventPreventsItFromRunning) {
  Simulator simulator;
  RunLog log;
  schedule_logged(simulator, log, 1, 10);
  const TimerHandle cancelled = schedule_logged(simulator, log, 2, 20);
  schedule_logged(simulator, log, 3, 30);
  EXPECT_TRUE(cancelled.valid());
  EXPECT_TRUE(simulator.is_pending(cancelled));
  EXPECT_TRUE(simulator.cancel(cancelled));
  EXPECT_FALSE(simulator.is_pending(cancelled));
  EXPECT_EQ(simulator.pending_count(), 2u);
  simulator.run_until_idle();
  EXPECT_EQ(log.ids, (std::vector<int>{1, 3}));
  EXPECT_EQ(simulator.events_processed(), 2u);
}

TEST(SimulatorTest, CancelTwiceAfterRunOrWithoutEventReturnsFalse) {
  Simulator simulator;
  const TimerHandle ran = simulator.schedule_at(milliseconds(1), [] {});
  const TimerHandle cancelled = simulator.schedule_at(milliseconds(2), [] {});
  EXPECT_TRUE(simulator.cancel(cancelled));
  EXPECT_FALSE(simulator.cancel(cancelled));
  simulator.run_until_idle();
  EXPECT_FALSE(simulator.is_pending(ran));
  EXPECT_FALSE(simulator.cancel(ran));
  EXPECT_FALSE(simulator.cancel(TimerHandle()));
  EXPECT_FALSE(simulator.is_pending(TimerHandle()));
}

TEST(SimulatorTest, StaleHandleDoesNotCancelTheEventThatReusedItsSlot) {
  Simulator simulator;
  const TimerHandle old_handle = simulator.schedule_at(milliseconds(1), [] {});
  simulator.run_until_idle();
  bool ran = false;
  const TimerHandle new_handle = simulator.schedule_at(milliseconds(2), [&] { ran = true; });
  EXPECT_NE(old_handle, new_handle);
  EXPECT_FALSE(simulator.cancel(old_handle));
  simulator.run_until_idle();
  EXPECT_TRUE(ran);
}

TEST(SimulatorTest, CallbackCanCancelALaterEventButNotItself) {
  Simulator simulator;
  RunLog log;
  TimerHandle self;
  bool cancelled_self = true;
  const TimerHandle later = schedule_logged(simulator, log, 2, 10);
  self = simulator.schedule_at(milliseconds(5), [&] {
    log.ids.push_back(1);
    EXPECT_FALSE(simulator.is_pending(self));
    cancelled_self = simulator.cancel(self);
    EXPECT_TRUE(simulator.cancel(later));
  });
  simulator.run_until_idle();
  EXPECT_FALSE(cancelled_self);
  EXPECT_EQ(log.ids, (std::vector<int>{1}));
}

TEST(SimulatorTest, RunUntilRunsEventsAtEndButNotAfterAndSetsNowToEnd) {
  Simulator simulator;
  RunLog log;
  schedule_logged(simulator, log, 1, 10);
  schedule_logged(simulator, log, 2, 20);
  schedule_logged(simulator, log, 3, 21);
  simulator.run_until(milliseconds(20));
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2}));
  EXPECT_EQ(simulator.now(), milliseconds(20));
  EXPECT_EQ(simulator.pending_count(), 1u);

  simulator.run_until(milliseconds(100));  // the queue empties at 21; the clock still goes to 100
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(simulator.now(), milliseconds(100));
}

TEST(SimulatorTest, EventsScheduledAfterRunUntilGoBeforeLaterOnesPastACancelledOne) {
  Simulator simulator;
  RunLog log;
  simulator.cancel(schedule_logged(simulator, log, 0, 100));
  schedule_logged(simulator, log, 3, 200);
  simulator.run_until(milliseconds(50));
  schedule_logged(simulator, log, 1, 60);
  schedule_logged(simulator, log, 2, 101);
  simulator.run_until_idle();
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2, 3}));
}

TEST(SimulatorTest, RunUntilOnAnEmptyQueueAdvancesTheClock) {
  Simulator simulator;
  simulator.run_until(milliseconds(42));
  EXPECT_EQ(simulator.now(), milliseconds(42));
  simulator.run_until(milliseconds(42));
  EXPECT_EQ(simulator.now(), milliseconds(42));
  EXPECT_THROW(simulator.run_until(milliseconds(41)), std::invalid_argument);
}

TEST(SimulatorTest, RunUntilIdleLeavesNowAtTheLastEvent) {
  Simulator simulator;
  simulator.schedule_at(milliseconds(7), [] {});
  simulator.schedule_at(milliseconds(3), [] {});
  simulator.run_until_idle();
  EXPECT_EQ(simulator.now(), milliseconds(7));
  EXPECT_EQ(simulator.pending_count(), 0u);
  simulator.run_until_idle();  // nothing to do
  EXPECT_EQ(simulator.now(), milliseconds(7));
}

TEST(SimulatorTest, StopReturnsAfterTheCurrentEventAndTheRunCanResume) {
  Simulator simulator;
  RunLog log;
  schedule_logged(simulator, log, 1, 10);
  simulator.schedule_at(milliseconds(10), [&] {
    log.ids.push_back(2);
    simulator.stop();
  });
  schedule_logged(simulator, log, 3, 10);
  schedule_logged(simulator, log, 4, 30);

  simulator.run_until(milliseconds(50));
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2}));
  EXPECT_EQ(simulator.now(), milliseconds(10));  // a stopped run_until does not jump to its end
  EXPECT_EQ(simulator.pending_count(), 2u);

  simulator.run_until_idle();
  EXPECT_EQ(log.ids, (std::vector<int>{1, 2, 3, 4}));
}

TEST(SimulatorTest, StopOutsideARunHasNoEffect) {
  Simulator simulator;
  int runs = 0;
  simulator.schedule_at(milliseconds(1), [&] { ++runs; });
  simulator.schedule_at(milliseconds(2), [&] { ++runs; });
  simulator.stop();
  simulator.run_until_idle();
  EXPECT_EQ(runs, 2);
}

TEST(SimulatorTest, StopEndsRunUntilIdle) {
  Simulator simulator;
  int runs = 0;
  simulator.schedule_at(milliseconds(1), [&] {
    ++runs;
    simulator.stop();
  });
  simulator.schedule_at(milliseconds(2), [&] { ++runs; });
  simulator.run_until_idle();
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(simulator.now(), milliseconds(1));
}

/// A callable whose copy throws: scheduling a copy of it fails while its callback is built in the slot.
struct ThrowsWhenCopied {
  ThrowsWhenCopied() = default;
  ThrowsWhenCopied(const ThrowsWhenCopied&) { throw std::runtime_error("copy"); }
  void operator()() const {}
};

// The callback is built in the slot after its entry is queued: a throw while building it must leave a
// simulator that counts and runs only what was scheduled.
TEST(SimulatorTest, ACallbackThatThrowsWhileBuiltIsNotScheduled) {
  Simulator simulator;
  RunLog log;
  schedule_logged(simulator, log, 1, 5);
  const ThrowsWhenCopied thrower;
  EXPECT_THROW(simulator.schedule_at(milliseconds(3), thrower), std::runtime_error);
  EXPECT_EQ(simulator.pending_count(), 1u);
  schedule_logged(simulator, log, 2, 3);
  simulator.run_until(milliseconds(10));
  EXPECT_EQ(log.ids, (std::vector<int>{2, 1}));
  EXPECT_EQ(simulator.pending_count(), 0u);
  EXPECT_EQ(simulator.events_processed(), 2u);
}

TEST(SimulatorTest, RunningFromACallbackThrows) {
  Simulator simulator;
  simulator.schedule_at(milliseconds(1), [&] {
    EXPECT_THROW(simulator.run_until(milliseconds(5)), std::logic_error);
    EXPECT_THROW(simulator.run_until_idle(), std::logic_error);
  });
  simulator.run_until_idle();
  EXPECT_EQ(simulator.events_processed(), 1u);
}

TEST(SimulatorTest, ExceptionFromACallbackPropagatesAndTheSimulatorStaysUsable) {
  Simulator simulator;
  int runs = 0;
  simulator.schedule_at(milliseconds(1), [] { throw std::runtime_error("boom"); });
  simulator.schedule_at(milliseconds(2), [&] { ++runs; });
  EXPECT_THROW(simulator.run_until_idle(), std::runtime_error);
  EXPECT_EQ(simulator.pending_count(), 1u);
  simulator.run_until_idle();
  EXPECT_EQ(runs, 1);
}

using TimeStep = std::pair<std::int64_t, std::int64_t>;

/// Registers an observer that appends each (from, to) in ms to `steps`.
std::size_t record_time_steps(Simulator& simulator, std::vector<TimeStep>& steps) {
  return simulator.on_time_advance([&steps, &simulator](SimTime from, SimTime to) {
    EXPECT_EQ(simulator.now(), from);  // time has not moved yet
    steps.emplace_back(from.count(), to.count());
  });
}

TEST(SimulatorTest, TimeAdvanceObserverSeesEachDistinctStep) {
  Simulator simulator;
  std::vector<TimeStep> steps;
  record_time_steps(simulator, steps);
  simulator.schedule_at(milliseconds(0), [] {});  // at the current time: no advance
  simulator.schedule_at(milliseconds(5), [] {});
  simulator.schedule_at(milliseconds(5), [] {});
  simulator.schedule_at(milliseconds(10), [] {});
  simulator.run_until(milliseconds(20));
  EXPECT_EQ(steps, (std::vector<TimeStep>{{0, 5}, {5, 10}, {10, 20}}));
}

TEST(SimulatorTest, TimeAdvanceObserverRunsBeforeTheEventsAtTheNewTime) {
  Simulator simulator;
  std::vector<int> order;
  simulator.on_time_advance([&](SimTime, SimTime) { order.push_back(0); });
  simulator.schedule_at(milliseconds(5), [&] { order.push_back(1); });
  simulator.schedule_at(milliseconds(5), [&] { order.push_back(2); });
  simulator.run_until_idle();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
}

TEST(SimulatorTest, RemovedObserverIsNoLongerCalled) {
  Simulator simulator;
  std::vector<TimeStep> steps;
  const std::size_t id = record_time_steps(simulator, steps);
  simulator.run_until(milliseconds(5));
  simulator.remove_observer(id);
  simulator.run_until(milliseconds(9));
  EXPECT_EQ(steps, (std::vector<TimeStep>{{0, 5}}));
}

TEST(SimulatorTest, ObserverMayScheduleAtTheNewTimeButNotBefore) {
  Simulator simulator;
  std::vector<std::int64_t> ran_at_ms;
  bool scheduled = false;
  simulator.on_time_advance([&](SimTime from, SimTime to) {
    if (scheduled) return;
    scheduled = true;
    EXPECT_THROW(simulator.schedule_at(from + (to - from) / 2, [] {}), std::invalid_argument);
    simulator.schedule_at(to, [&] { ran_at_ms.push_back(simulator.now().count()); });
  });
  simulator.run_until(milliseconds(10));  // the only advance is the final one, 0 -> 10
  EXPECT_EQ(ran_at_ms, (std::vector<std::int64_t>{10}));
  EXPECT_EQ(simulator.now(), milliseconds(10));
}

TEST(SimulatorTest, ObserverCancellingTheNextEventIsHonoured) {
  Simulator simulator;
  bool ran = false;
  const TimerHandle next = simulator.schedule_at(milliseconds(5), [&] { ran = true; });
  simulator.on_time_advance([&](SimTime, SimTime) { simulator.cancel(next); });
  simulator.run_until_idle();
  EXPECT_FALSE(ran);
  EXPECT_EQ(simulator.events_processed(), 0u);
}

// A chain of `length` events, each scheduling the next one kStepMs later: exactly `length` events and the
// clock ends at (length - 1) * kStepMs.
constexpr std::int64_t kStepMs = 3;

class SimulatorChainTest : public ::testing::TestWithParam<std::int64_t> {};

TEST_P(SimulatorChainTest, SelfReschedulingChainCountsExactly) {
  const std::int64_t length = GetParam();
  Simulator simulator;
  std::int64_t remaining = length;
  struct Link {
    Simulator* simulator;
    std::int64_t* remaining;
    void operator()() const {
      if (--*remaining > 0) simulator->schedule_in(milliseconds(kStepMs), *this);
    }
  };
  simulator.schedule_at(milliseconds(0), Link{&simulator, &remaining});
  simulator.run_until_idle();
  EXPECT_EQ(simulator.events_processed(), static_cast<std::uint64_t>(length));
  EXPECT_EQ(simulator.now(), milliseconds((length - 1) * kStepMs));
  EXPECT_EQ(simulator.slot_capacity(), 1u);  // each link reuses the slot its predecessor freed
}

INSTANTIATE_TEST_SUITE_P(Lengths, SimulatorChainTest, ::testing::Values(1, 2, 1000, 100'000));

// A full binary tree of events: each event above `depth` spawns two children 1 ms later, so
// 2^(depth+1) - 1 events run and the clock ends at `depth`.
class SimulatorTreeTest : public ::testing::TestWithParam<int> {};

TEST_P(SimulatorTreeTest, BinaryTreeOfEventsMatchesTheClosedForm) {
  const int depth = GetParam();
  Simulator simulator;
  struct Node {
    Simulator* simulator;
    int level;
    int depth;
    void operator()() const {
      if (level == depth) return;
      for (int child = 0; child < 2; ++child) {
        simulator->schedule_in(milliseconds(1), Node{simulator, level + 1, depth});
      }
    }
  };
  simulator.schedule_at(milliseconds(0), Node{&simulator, 0, depth});
  simulator.run_until_idle();
  EXPECT_EQ(simulator.events_processed(), (std::uint64_t{1} << (depth + 1)) - 1);
  EXPECT_EQ(simulator.now(), milliseconds(depth));
}

INSTANTIATE_TEST_SUITE_P(Depths, SimulatorTreeTest, ::testing::Values(0, 1, 5, 16));

TEST(SimulatorTest, ScheduleAndCancelAMillionTimesKeepsMemoryBounded) {
  Simulator simulator;
  simulator.schedule_at(milliseconds(1), [] {});  // one live event among the cancelled ones
  for (int i = 0; i < 1'000'000; ++i) {
    const TimerHandle handle = simulator.schedule_at(milliseconds(1'000'000 + i), [] {});
    ASSERT_TRUE(simulator.cancel(handle));
  }
  EXPECT_EQ(simulator.pending_count(), 1u);
  EXPECT_LE(simulator.slot_capacity(), 2048u);
  EXPECT_LE(simulator.queued_entry_count(), 2048u);
  simulator.run_until_idle();
  EXPECT_EQ(simulator.events_processed(), 1u);
  EXPECT_EQ(simulator.queued_entry_count(), 0u);
}

TEST(SimulatorTest, CancellingMostOfALargeQueueCompactsIt) {
  Simulator simulator;
  std::vector<TimerHandle> handles;
  for (int i = 0; i < 100'000; ++i) handles.push_back(simulator.schedule_at(milliseconds(i), [] {}));
  for (int i = 0; i < 100'000; ++i) {
    if (i % 10 != 0) simulator.cancel(handles[i]);
  }
  EXPECT_EQ(simulator.pending_count(), 10'000u);
  EXPECT_LE(simulator.queued_entry_count(), 2 * simulator.pending_count() + 1024);
  // Cancelled slots are reused by new events instead of growing the pool.
  for (int i = 0; i < 50'000; ++i) simulator.schedule_at(milliseconds(200'000 + i), [] {});
  EXPECT_LE(simulator.slot_capacity(), 100'000u);
  simulator.run_until_idle();
  EXPECT_EQ(simulator.events_processed(), 60'000u);
}

TEST(SimulatorTest, CallbacksAreDestroyedWhenRunCancelledOrLeftPending) {
  auto owned = std::make_shared<int>(0);
  std::array<char, 100> big_payload{};  // forces the heap-stored path
  {
    Simulator simulator;
    simulator.schedule_at(milliseconds(1), [owned] { ++*owned; });
    const TimerHandle cancelled =
        simulator.schedule_at(milliseconds(2), [owned, big_payload] { *owned += big_payload[0] + 100; });
    simulator.schedule_at(milliseconds(3), [owned, big_payload] { *owned += big_payload[0]; });
    EXPECT_EQ(owned.use_count(), 4);
    simulator.cancel(cancelled);
    EXPECT_EQ(owned.use_count(), 3);
    simulator.run_until(milliseconds(1));
    EXPECT_EQ(owned.use_count(), 2);
    EXPECT_EQ(*owned, 1);
  }
  EXPECT_EQ(owned.use_count(), 1);
}

// Random schedules (many ties), cancels and callbacks that schedule more, one at a time or (with the
// parameter's chance in 10) a batch at once: the run order must match a reference that sorts by (time,
// scheduling order) and drops cancelled events.
class SimulatorRandomWorkloadTest : public ::testing::TestWithParam<int> {};

TEST_P(SimulatorRandomWorkloadTest, MatchesTheReferenceOrder) {
  struct Scheduled {
    std::int64_t time_ms;
    int id;  // ids are handed out in scheduling order
  };
  Simulator simulator;
  boost::random::mt19937_64 engine(2024);
  boost::random::uniform_int_distribution<std::int64_t> delay_ms(0, 20);
  boost::random::uniform_int_distribution<int> coin(0, 9);
  std::vector<Scheduled> scheduled;
  std::vector<TimerHandle> handles;
  std::vector<bool> cancelled;
  std::vector<int> ran;

  // Each event may schedule a follow-up; std::function keeps the recursion readable.
  std::function<void(int)> on_event;
  const auto schedule = [&](std::int64_t time_ms) {
    const int id = static_cast<int>(scheduled.size());
    scheduled.push_back({time_ms, id});
    cancelled.push_back(false);
    handles.push_back(simulator.schedule_at(milliseconds(time_ms), [&on_event, id] { on_event(id); }));
  };
  const auto cancel_one = [&] {
    const auto victim = boost::random::uniform_int_distribution<std::size_t>(0, handles.size() - 1)(engine);
    if (simulator.cancel(handles[victim])) cancelled[victim] = true;
  };
  on_event = [&](int id) {
    ran.push_back(id);
    if (scheduled.size() < 20'000 && coin(engine) < GetParam()) {
      const Simulator::ScheduleBatch batch(simulator);
      for (int n = coin(engine) * 10; n > 0; --n) {
        schedule(simulator.now().count() + delay_ms(engine) * coin(engine));
        if (coin(engine) == 0) cancel_one();
      }
    }
    if (scheduled.size() < 20'000 && coin(engine) < 6) schedule(simulator.now().count() + delay_ms(engine));
    if (coin(engine) < 2) cancel_one();
  };
  for (int i = 0; i < 3000; ++i) schedule(delay_ms(engine) * 10);
  simulator.run_until_idle();

  std::vector<Scheduled> expected;
  for (const Scheduled& event : scheduled) {
    if (!cancelled[event.id]) expected.push_back(event);
  }
  std::stable_sort(expected.begin(), expected.end(),
                   [](const Scheduled& a, const Scheduled& b) { return a.time_ms < b.time_ms; });
  std::vector<int> expected_ids;
  for (const Scheduled& event : expected) expected_ids.push_back(event.id);
  EXPECT_EQ(ran, expected_ids);
  EXPECT_EQ(simulator.events_processed(), expected_ids.size());
  EXPECT_GT(std::count(cancelled.begin(), cancelled.end(), true), 100);
}

INSTANTIATE_TEST_SUITE_P(BatchChances, SimulatorRandomWorkloadTest, ::testing::Values(0, 1, 5));

// A callback that throws while built inside a batch leaves a cancelled entry in it; the batch still ends
// sorted when its scope unwinds.
TEST(SimulatorTest, ABatchKeepsItsOrderPastACallbackThatThrows) {
  Simulator simulator;
  RunLog log;
  schedule_logged(simulator, log, 1, 20);
  const ThrowsWhenCopied thrower;
  EXPECT_THROW(
      {
        const Simulator::ScheduleBatch batch(simulator);
        schedule_logged(simulator, log, 2, 30);
        schedule_logged(simulator, log, 3, 10);
        simulator.schedule_at(milliseconds(5), thrower);
      },
      std::runtime_error);
  schedule_logged(simulator, log, 4, 10);
  simulator.run_until(milliseconds(40));
  EXPECT_EQ(log.ids, (std::vector<int>{3, 4, 1, 2}));
  EXPECT_EQ(simulator.events_processed(), 4u);
}

}  // namespace
}  // namespace delivsim::kernel
