/// @file The classic hold model: N events pending; each step pops the earliest and schedules a new one at
/// now + Exp(mean). The kernel (a self-rescheduling callback) against a bare std::priority_queue loop doing
/// the same pops and pushes with the same random draws. Both start from N independent Exp(mean) times, the
/// model's steady state (memoryless holds); sorted, their gaps are exponential (Renyi).
#include <benchmark/benchmark.h>

#include <cstdint>

#include "bench/plain_hold.h"
#include "sim/kernel/simulator.h"

namespace {

using delivsim::bench::HoldTimes;
using delivsim::bench::PlainHoldModel;
using delivsim::kernel::SimTime;
using delivsim::kernel::Simulator;

constexpr std::int64_t kEventsPerIteration = 100'000;

/// The hold model on the kernel: every event reschedules itself.
class KernelHoldModel {
 public:
  explicit KernelHoldModel(std::int64_t pending_events) {
    for (std::int64_t i = 0; i < pending_events; ++i)
      simulator_.schedule_at(SimTime{hold_.next_ms()}, Hold{this});
  }

  /// Runs `count` events; returns the simulated time reached.
  std::int64_t run(std::int64_t count) {
    remaining_ = count;
    simulator_.run_until_idle();  // Hold::operator() calls stop() after `count` events
    return simulator_.now().count();
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

template <class Model>
void BM_Hold(benchmark::State& state) {
  Model model(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(model.run(kEventsPerIteration));
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
