#include "sim/batch/replications.h"

#include <stdexcept>

#include "sim/batch/batch_plan.h"

namespace delivsim {

namespace {

/// SplitMix64's increment (2^64 / golden ratio) and finaliser (Steele, Lea & Flood 2014).
constexpr std::uint64_t kSplitMixGamma = 0x9e3779b97f4a7c15ULL;

std::uint64_t splitmix64_finalise(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

std::uint64_t replication_seed(std::uint64_t scenario_seed, int index) {
  if (index < 0) throw std::invalid_argument("a replication index cannot be negative");
  if (index == 0) return scenario_seed;
  return splitmix64_finalise(scenario_seed + static_cast<std::uint64_t>(index) * kSplitMixGamma);
}

std::vector<RunResult> run_replications(const Scenario& scenario, int replications, int threads,
                                        const BatchProgressFn& on_progress) {
  if (replications < 1) throw std::invalid_argument("at least one replication is needed");
  const BatchPlan plan{{ScenarioVariant{scenario.name, "", {}, scenario}}, replications, std::nullopt};
  return run_planned(plan, all_runs(plan), threads, on_progress);
}

}  // namespace delivsim
