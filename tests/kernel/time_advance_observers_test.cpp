#include "sim/kernel/time_advance_observers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace delivsim::kernel {
namespace {

using std::chrono::milliseconds;

TEST(TimeAdvanceObserversTest, NotifiesInRegistrationOrderWithTheTimes) {
  TimeAdvanceObservers observers;
  std::vector<std::string> calls;
  observers.add([&](SimTime from, SimTime to) {
    calls.push_back("a " + std::to_string(from.count()) + "->" + std::to_string(to.count()));
  });
  observers.add([&](SimTime, SimTime) { calls.push_back("b"); });
  observers.notify(milliseconds(3), milliseconds(8));
  EXPECT_EQ(calls, (std::vector<std::string>{"a 3->8", "b"}));
}

TEST(TimeAdvanceObserversTest, RemovedObserverIsNotCalledAndUnknownIdsAreIgnored) {
  TimeAdvanceObservers observers;
  int calls = 0;
  const std::size_t id = observers.add([&](SimTime, SimTime) { ++calls; });
  observers.remove(id + 100);
  observers.notify(milliseconds(0), milliseconds(1));
  observers.remove(id);
  observers.remove(id);
  observers.notify(milliseconds(1), milliseconds(2));
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(observers.empty());
}

TEST(TimeAdvanceObserversTest, ObserverCanRemoveItselfAndALaterOneDuringNotification) {
  TimeAdvanceObservers observers;
  int self_removing_calls = 0;
  int later_calls = 0;
  std::size_t later_id = 0;
  std::size_t self_id = 0;
  self_id = observers.add([&](SimTime, SimTime) {
    ++self_removing_calls;
    observers.remove(self_id);
    observers.remove(later_id);
  });
  later_id = observers.add([&](SimTime, SimTime) { ++later_calls; });
  observers.notify(milliseconds(0), milliseconds(1));
  observers.notify(milliseconds(1), milliseconds(2));
  EXPECT_EQ(self_removing_calls, 1);
  EXPECT_EQ(later_calls, 0);
  EXPECT_TRUE(observers.empty());
}

TEST(TimeAdvanceObserversTest, ObserverAddedDuringNotificationWaitsForTheNextOne) {
  TimeAdvanceObservers observers;
  std::vector<SimTime> added_saw;
  bool added = false;
  observers.add([&](SimTime, SimTime) {
    if (added) return;
    added = true;
    // Enough registrations to force the vector to reallocate under the running observer.
    for (int i = 0; i < 64; ++i) observers.add([&](SimTime, SimTime to) { added_saw.push_back(to); });
  });
  observers.notify(milliseconds(0), milliseconds(1));
  EXPECT_TRUE(added_saw.empty());
  observers.notify(milliseconds(1), milliseconds(2));
  EXPECT_EQ(added_saw, std::vector<SimTime>(64, milliseconds(2)));
}

}  // namespace
}  // namespace delivsim::kernel
