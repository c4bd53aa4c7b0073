// Batch speed: 8 replications of the shipped whatif-100k scenario on 1 and on 2 threads (run_replications),
// whose ratio is the speed-up; and `compare --robust 64` of gmail-strategies.yaml (4 strategies x 64
// receiver worlds on 2 threads, run_robust_compare: issue 11 asks for under 10 s). Parsing is outside the
// timed loops; nothing is written to disk.
#include <benchmark/benchmark.h>

#include <string>

#include "sim/batch/replications.h"
#include "sim/batch/robust_compare.h"
#include "sim/scenario/scenario_batch.h"
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

constexpr int kRobustWorlds = 64;
constexpr int kRobustThreads = 2;

void BM_GmailStrategiesRobust64(benchmark::State& state) {
  const delivsim::ScenarioBatch batch =
      delivsim::load_scenario_batch(std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/gmail-strategies.yaml");
  for (auto _ : state) {
    const delivsim::RobustResult result =
        delivsim::run_robust_compare(batch, {kRobustWorlds, 1, kRobustThreads});
    benchmark::DoNotOptimize(result.strategies.data());
  }
  state.counters["runs"] = static_cast<double>(batch.strategies.size() * kRobustWorlds);
}

BENCHMARK(BM_GmailStrategiesRobust64)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
