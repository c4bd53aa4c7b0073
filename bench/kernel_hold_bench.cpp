/// @file The classic hold model: N events pending; each step pops the earliest and schedules a new one at
/// now + Exp(mean). The kernel (a self-rescheduling callback) against a bare std::priority_queue loop doing
/// the same pops and pushes with the same random draws. Both start from N independent Exp(mean) times, the
/// model's steady state (memoryless holds); sorted, their gaps are exponential (Renyi).
#include <benchmark/benchmark.h>

#include <boost/random/exponential_distribution.hpp>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "sim/kernel/rng_streams.h"
#include "sim/kernel/simulator.h"

namespace {

using delivsim::kernel::SimTime;
using delivsim::kernel::Simulator;

constexpr double kMeanHoldMs = 1'000'000.0;  // ~17 simulated minutes: with 1e6 pending, ~1 event per ms
constexpr std::int64_t kEventsPerIteration = 100'000;
constexpr std::uint64_t kSeed = 42;

/// Exponential hold times in whole ms; both benchmarks draw the same sequence.
class HoldTimes {
 public:
  HoldTimes()
      : engine_(delivsim::kernel::RngStreams(kSeed).stream("hold")), exponential_(1.0 / kMeanHoldMs) {}
  std::int64_t next_ms() { return static_cast<std::int64_t>(exponential_(engine_)); }

 private:
  delivsim::kernel::Engine engine_;
  boost::random::exponential_distribution<double> exponential_;
};

/// The hold model on the kernel: every event reschedules itself.
class KernelHoldModel {
 public:
  explicit KernelHoldModel(std::int64_t pending_events) {
    for (std::int64_t i = 0; i < pending_events; ++i)
      simulator_.schedule_at(SimTime{hold_.next_ms()}, Hold{this});
  }

  /// Runs `count` events.
  void run(std::int64_t count) {
    remaining_ = count;
    simulator_.run_until_idle();  // Hold::operator() calls stop() after `count` events
  }

 private:
  /// The event callback: a pointer, so it is stored inline in the kernel's slot.
  struct Hold {
    KernelHoldModel* model;
    void operator()() const { model->on_event(); }
  };

  void on_event() {
    simulator_.schedule_in(SimTime{hold_.next_ms()}, Hold{this});
    if (--remaining_ == 0) simulator_.stop();
  }

  Simulator simulator_;
  HoldTimes hold_;
  std::int64_t remaining_ = 0;
};

/// The same model as a bare (time ms, sequence) priority queue.
class PlainHoldModel {
 public:
  explicit PlainHoldModel(std::int64_t pending_events) {
    for (std::int64_t i = 0; i < pending_events; ++i) queue_.emplace(hold_.next_ms(), next_sequence_++);
  }

  /// Runs `count` events.
  void run(std::int64_t count) {
    for (std::int64_t i = 0; i < count; ++i) {
      const std::int64_t now_ms = queue_.top().first;
      queue_.pop();
      queue_.emplace(now_ms + hold_.next_ms(), next_sequence_++);
    }
    benchmark::DoNotOptimize(queue_.top());
  }

 private:
  using Entry = std::pair<std::int64_t, std::uint64_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue_;
  HoldTimes hold_;
  std::uint64_t next_sequence_ = 0;
};

template <class Model>
void BM_Hold(benchmark::State& state) {
  Model model(state.range(0));
  for (auto _ : state) model.run(kEventsPerIteration);
  const auto events = static_cast<std::int64_t>(state.iterations()) * kEventsPerIteration;
  state.SetItemsProcessed(events);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

BENCHMARK_TEMPLATE(BM_Hold, KernelHoldModel)
    ->Arg(1'000'000)
    ->Arg(10'000)
    ->Arg(1'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Hold, PlainHoldModel)
    ->Arg(1'000'000)
    ->Arg(10'000)
    ->Arg(1'000)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
