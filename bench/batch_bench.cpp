// Batch speed: 8 replications of the shipped whatif-100k scenario on 1 and on 2 threads (run_replications).
// The speed-up is the ratio of the two times. Parsing is outside the timed loop; nothing is written to disk.
#include <benchmark/benchmark.h>

#include <string>

#include "sim/batch/replications.h"
#include "sim/scenario/scenario_loader.h"

namespace {

constexpr int kReplications = 8;

void BM_Whatif100kReplications(benchmark::State& state) {
  const delivsim::Scenario scenario =
      delivsim::load_scenario(std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/whatif-100k.yaml");
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const std::vector<delivsim::RunResult> results =
        delivsim::run_replications(scenario, kReplications, threads);
    benchmark::DoNotOptimize(results.data());
  }
  state.counters["replications"] = kReplications;
}

BENCHMARK(BM_Whatif100kReplications)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
