#include "sim/batch/compare_runs.h"

#include <stdexcept>

#include "sim/batch/batch_plan.h"

namespace delivsim {

std::vector<std::vector<RunResult>> run_variants(const std::vector<ScenarioVariant>& variants,
                                                 int replications, int threads,
                                                 const BatchProgressFn& on_progress) {
  if (replications < 1) throw std::invalid_argument("at least one replication is needed");
  const BatchPlan plan{variants, replications, std::nullopt};
  return results_by_variant(plan, run_planned(plan, all_runs(plan), threads, on_progress));
}

}  // namespace delivsim
