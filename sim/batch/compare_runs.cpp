#include "sim/batch/compare_runs.h"

#include <cstddef>
#include <stdexcept>

#include "sim/batch/replications.h"
#include "sim/world/run.h"

namespace delivsim {

std::vector<std::vector<RunResult>> run_variants(const std::vector<ScenarioVariant>& variants,
                                                 int replications, int threads,
                                                 const BatchProgressFn& on_progress) {
  if (replications < 1) throw std::invalid_argument("at least one replication is needed");
  const auto per_variant = static_cast<std::size_t>(replications);
  std::vector<std::vector<RunResult>> results(variants.size(), std::vector<RunResult>(per_variant));
  run_in_parallel(
      variants.size() * per_variant, threads,
      [&](std::size_t job) {
        const ScenarioVariant& variant = variants[job / per_variant];
        const auto replication = static_cast<int>(job % per_variant);
        RunOptions options;
        options.seed = replication_seed(variant.scenario.seed, replication);
        results[job / per_variant][job % per_variant] = run_scenario(variant.scenario, options);
      },
      on_progress);
  return results;
}

}  // namespace delivsim
