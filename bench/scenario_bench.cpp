// Whole-scenario speed: run_scenario on the shipped whatif-100k (the GUI's re-run) and bench-1m scenarios.
// Parsing is outside the timed loop; nothing is written to disk.
#include <benchmark/benchmark.h>

#include <string>

#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace {

void run_shipped(benchmark::State& state, const std::string& name) {
  const delivsim::Scenario scenario =
      delivsim::load_scenario(std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  std::int64_t attempts = 0;
  for (auto _ : state) {
    const delivsim::RunResult result = delivsim::run_scenario(scenario);
    attempts = result.totals.attempts;
    benchmark::DoNotOptimize(attempts);
  }
  state.counters["attempts"] = static_cast<double>(attempts);
}

void BM_Whatif100k(benchmark::State& state) { run_shipped(state, "whatif-100k"); }
void BM_Bench1m(benchmark::State& state) { run_shipped(state, "bench-1m"); }

BENCHMARK(BM_Whatif100k)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Bench1m)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
