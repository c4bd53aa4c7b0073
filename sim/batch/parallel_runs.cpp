#include "sim/batch/parallel_runs.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace delivsim {

namespace {

using Clock = std::chrono::steady_clock;

/// What the workers share: the next job to take, whether to stop taking jobs, the progress count and the
/// failures. The mutex guards `done`, `failed_index`, `failure` and the calls to `on_progress`.
class JobQueue {
 public:
  JobQueue(std::size_t count, const std::function<void(std::size_t)>& job, const BatchProgressFn& on_progress)
      : count_(count), job_(job), on_progress_(on_progress), started_(Clock::now()) {}

  /// Takes and runs jobs until none are left or one has failed.
  void work() {
    while (!stopped_.load()) {
      const std::size_t index = next_.fetch_add(1);
      if (index >= count_) return;
      try {
        job_(index);
        report_done();
      } catch (...) {
        record_failure(index, std::current_exception());
      }
    }
  }

  /// Rethrows the failure of the lowest-indexed failed job, if any.
  void rethrow_failure() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  void report_done() {
    const std::lock_guard lock(mutex_);
    ++done_;
    if (on_progress_) {
      const std::chrono::duration<double> elapsed = Clock::now() - started_;
      on_progress_({done_, count_, elapsed.count()});
    }
  }

  void record_failure(std::size_t index, std::exception_ptr error) {
    stopped_.store(true);
    const std::lock_guard lock(mutex_);
    if (!failure_ || index < failed_index_) {
      failed_index_ = index;
      failure_ = std::move(error);
    }
  }

  const std::size_t count_;
  const std::function<void(std::size_t)>& job_;
  const BatchProgressFn& on_progress_;
  const Clock::time_point started_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> stopped_{false};
  std::mutex mutex_;
  std::size_t done_ = 0;
  std::size_t failed_index_ = 0;
  std::exception_ptr failure_;
};

}  // namespace

int resolve_thread_count(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

void run_in_parallel(std::size_t count, int threads, const std::function<void(std::size_t)>& job,
                     const BatchProgressFn& on_progress) {
  JobQueue queue(count, job, on_progress);
  const std::size_t thread_count = std::min(static_cast<std::size_t>(resolve_thread_count(threads)), count);
  if (thread_count <= 1) {
    queue.work();
  } else {
    std::vector<std::jthread> workers;
    workers.reserve(thread_count);
    for (std::size_t i = 0; i < thread_count; ++i) workers.emplace_back([&queue] { queue.work(); });
  }  // the jthreads join here
  queue.rethrow_failure();
}

}  // namespace delivsim
