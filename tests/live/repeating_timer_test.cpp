// The serve loop's one-second tick: it calls back until stopped, and a stop is final, whenever it comes.
#include "sim/live/repeating_timer.h"

#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <optional>
#include <thread>

namespace delivsim {
namespace {

using std::chrono::milliseconds;

TEST(RepeatingTimer, CallsBackEveryIntervalUntilTheCallbackStopsIt) {
  boost::asio::io_context io;
  int calls = 0;
  std::optional<RepeatingTimer> timer;
  timer.emplace(io, milliseconds(1), [&] {
    if (++calls == 3) timer->stop();
  });
  io.run_for(std::chrono::seconds(5));
  EXPECT_TRUE(io.stopped()) << "the timer still waits after stop()";
  EXPECT_EQ(calls, 3);
}

// The wait has ended (its completion is queued) when stop() runs: `delivsim serve` on SIGTERM when the tick
// fell due at the same moment. The stop must still hold, and the io_context run out of work.
TEST(RepeatingTimer, AStopAfterTheWaitEndedStillStops) {
  boost::asio::io_context io;
  int calls = 0;
  RepeatingTimer timer(io, milliseconds(10), [&] { ++calls; });
  std::this_thread::sleep_for(milliseconds(30));  // due before run: the reactor queues its completion first
  boost::asio::post(io, [&] { timer.stop(); });
  io.run_for(std::chrono::seconds(5));
  EXPECT_TRUE(io.stopped()) << "the timer waits again after stop()";
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace delivsim
