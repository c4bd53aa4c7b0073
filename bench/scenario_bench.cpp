// Whole-scenario speed: run_scenario on the shipped whatif-100k (the GUI's re-run) and bench-1m scenarios,
// and the CLI's costs around a whatif-100k run: parsing the scenario and writing its outputs.
// Parsing is outside the timed run loops; the run loops write nothing to disk. The process keeps freed
// memory for the next run as delivsim-gui does (sim/world/rerun_memory.h), so BM_Whatif100k is the GUI's.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "sim/output/output_dir.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/rerun_memory.h"
#include "sim/world/run.h"

namespace {

std::string shipped(const std::string& name) {
  return std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

void run_shipped(benchmark::State& state, const std::string& name) {
  const delivsim::Scenario scenario = delivsim::load_scenario(shipped(name));
  std::int64_t attempts = 0;
  for (auto _ : state) {
    const delivsim::RunResult result = delivsim::run_scenario(scenario);
    attempts = result.totals.attempts;
    benchmark::DoNotOptimize(attempts);
  }
  state.counters["attempts"] = static_cast<double>(attempts);
}

void BM_Whatif100k(benchmark::State& state) {
  run_shipped(state, "whatif-100k");
}
void BM_Bench1m(benchmark::State& state) {
  run_shipped(state, "bench-1m");
}

/// `delivsim run`'s first step: reading and validating the scenario file.
void BM_Whatif100kParse(benchmark::State& state) {
  for (auto _ : state) {
    const delivsim::Scenario scenario = delivsim::load_scenario(shipped("whatif-100k"));
    benchmark::DoNotOptimize(scenario.duration);
  }
}

/// `delivsim run`'s last step: summary.json and timeseries.csv, written atomically into a folder.
void BM_Whatif100kWrite(benchmark::State& state) {
  const delivsim::RunResult result = delivsim::run_scenario(delivsim::load_scenario(shipped("whatif-100k")));
  const std::filesystem::path out = std::filesystem::temp_directory_path() / "delivsim_scenario_bench_out";
  for (auto _ : state) delivsim::write_run_outputs(result, out, false);
  std::filesystem::remove_all(out);
}

BENCHMARK(BM_Whatif100k)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Bench1m)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Whatif100kParse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Whatif100kWrite)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  delivsim::keep_freed_memory_for_reruns();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
