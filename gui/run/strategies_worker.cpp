#include "gui/run/strategies_worker.h"

#include <QElapsedTimer>
#include <vector>

#include "sim/batch/parallel_runs.h"
#include "sim/world/run.h"
#include "sim/world/work_estimate.h"
#include "sim/world/work_limits.h"

namespace delivsim::gui {

StrategiesWorker::StrategiesWorker(const std::atomic<bool>* cancel) : cancel_(cancel) {}

template <typename Work>
void StrategiesWorker::runVariants(const std::vector<ScenarioVariant>& variants, int replications,
                                   Work work) {
  try {
    std::vector<WorkEstimate> runs;
    for (const ScenarioVariant& variant : variants) runs.push_back(estimate_work(variant.scenario, false));
    const int threads = fit_work_to_limits(runs, static_cast<std::size_t>(replications),
                                           resolve_thread_count(0), WorkLimits{});
    // Throwing from the progress callback stops the pool from starting further runs (parallel_runs.h).
    work(threads, [this](const BatchProgress& progress) {
      if (cancel_->load()) throw RunCancelled();
      emit progressed(static_cast<int>(progress.done), static_cast<int>(progress.total));
    });
  } catch (const RunCancelled&) {
    emit cancelled();
  } catch (const std::exception& e) {
    emit failed(QString::fromStdString(e.what()));
  }
}

void StrategiesWorker::runCompare(const ScenarioBatch& batch) {
  QElapsedTimer clock;
  clock.start();
  runVariants(batch.strategies, batch.base.replications, [&](int threads, const BatchProgressFn& progress) {
    const CompareResult result = run_compare(batch, {std::nullopt, threads}, progress);
    emit compareFinished(result, static_cast<double>(clock.nsecsElapsed()) / 1e9);
  });
}

void StrategiesWorker::runSweep(const ScenarioBatch& batch) {
  QElapsedTimer clock;
  clock.start();
  runVariants(batch.sweep_points, batch.base.replications, [&](int threads, const BatchProgressFn& progress) {
    const SweepResult result = run_sweep(batch, {std::nullopt, threads}, progress);
    emit sweepFinished(result, static_cast<double>(clock.nsecsElapsed()) / 1e9);
  });
}

}  // namespace delivsim::gui
