// run_in_parallel: every job once, progress in order, the lowest-indexed failure rethrown.
#include "sim/batch/parallel_runs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace delivsim {
namespace {

class ParallelRuns : public ::testing::TestWithParam<int> {};

TEST_P(ParallelRuns, RunsEveryIndexExactlyOnce) {
  constexpr std::size_t kJobs = 50;
  std::vector<std::atomic<int>> runs(kJobs);
  run_in_parallel(kJobs, GetParam(), [&](std::size_t i) { ++runs[i]; });
  for (std::size_t i = 0; i < kJobs; ++i) EXPECT_EQ(runs[i].load(), 1) << "job " << i;
}

TEST_P(ParallelRuns, ReportsProgressAfterEachJobCountingUp) {
  constexpr std::size_t kJobs = 20;
  std::vector<std::size_t> done;
  std::atomic<int> in_callback{0};
  bool overlapped = false;
  run_in_parallel(
      kJobs, GetParam(), [](std::size_t) {},
      [&](const BatchProgress& progress) {
        if (++in_callback > 1) overlapped = true;
        EXPECT_EQ(progress.total, kJobs);
        EXPECT_GE(progress.elapsed_s, 0.0);
        done.push_back(progress.done);
        --in_callback;
      });
  EXPECT_FALSE(overlapped);
  ASSERT_EQ(done.size(), kJobs);
  for (std::size_t i = 0; i < kJobs; ++i) EXPECT_EQ(done[i], i + 1);
}

TEST_P(ParallelRuns, RethrowsTheLowestIndexedFailure) {
  // Jobs 3 and 7 fail; job 7 may fail first on some thread, but job 3's error is the one reported.
  try {
    run_in_parallel(10, GetParam(), [](std::size_t i) {
      if (i == 3 || i == 7) throw std::runtime_error("job " + std::to_string(i));
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "job 3");
  }
}

TEST_P(ParallelRuns, StartsNoNewJobAfterAFailure) {
  // Job 0 fails at once; the other threads' first jobs may already be running, but the batch stops there.
  constexpr std::size_t kJobs = 1000;
  std::atomic<std::size_t> started{0};
  EXPECT_THROW(run_in_parallel(kJobs, GetParam(),
                               [&](std::size_t i) {
                                 ++started;
                                 if (i == 0) throw std::runtime_error("first job");
                                 std::this_thread::sleep_for(std::chrono::milliseconds(1));
                               }),
               std::runtime_error);
  EXPECT_LT(started.load(), kJobs / 2);
}

INSTANTIATE_TEST_SUITE_P(Threads, ParallelRuns, ::testing::Values(1, 2, 4, 64));

TEST(ParallelRunsSerial, OneThreadRunsInIndexOrderOnTheCallingThread) {
  std::vector<std::size_t> order;
  const std::thread::id caller = std::this_thread::get_id();
  run_in_parallel(5, 1, [&](std::size_t i) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(i);
  });
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

TEST(ParallelRunsSerial, NoJobsCallsNothing) {
  bool called = false;
  run_in_parallel(
      0, 4, [&](std::size_t) { called = true; }, [&](const BatchProgress&) { called = true; });
  EXPECT_FALSE(called);
}

TEST(ParallelRunsSerial, UsesSeveralThreadsWhenAsked) {
  std::mutex mutex;
  std::vector<std::thread::id> ids;
  std::atomic<int> waiting{0};
  run_in_parallel(2, 2, [&](std::size_t) {
    {
      const std::lock_guard lock(mutex);
      ids.push_back(std::this_thread::get_id());
    }
    // Both jobs wait for each other: only two threads get through.
    ++waiting;
    while (waiting.load() < 2) std::this_thread::yield();
  });
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_NE(ids[0], ids[1]);
}

TEST(ResolveThreadCount, ZeroMeansTheCoreCountAndAnExplicitCountIsKept) {
  EXPECT_GE(resolve_thread_count(0), 1);
  EXPECT_EQ(resolve_thread_count(0), std::max(1, static_cast<int>(std::thread::hardware_concurrency())));
  EXPECT_EQ(resolve_thread_count(3), 3);
}

}  // namespace
}  // namespace delivsim
