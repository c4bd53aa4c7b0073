#include "gui/run/robust_worker.h"

#include <QElapsedTimer>
#include <vector>

#include "sim/batch/parallel_runs.h"
#include "sim/world/run.h"
#include "sim/world/work_estimate.h"
#include "sim/world/work_limits.h"

namespace delivsim::gui {

RobustWorker::RobustWorker(const std::atomic<bool>* cancel) : cancel_(cancel) {}

void RobustWorker::run(const ScenarioBatch& batch, int worlds) {
  QElapsedTimer clock;
  clock.start();
  try {
    std::vector<WorkEstimate> runs;
    for (const ScenarioVariant& strategy : batch.strategies)
      runs.push_back(estimate_work(strategy.scenario, false));
    RobustOptions options;
    options.worlds = worlds;
    options.threads =
        fit_work_to_limits(runs, static_cast<std::size_t>(worlds), resolve_thread_count(0), WorkLimits{});
    // Throwing from the progress callback stops the pool from starting further runs (parallel_runs.h).
    const RobustResult result = run_robust_compare(batch, options, [this](const BatchProgress& progress) {
      if (cancel_->load()) throw RunCancelled();
      emit progressed(static_cast<int>(progress.done), static_cast<int>(progress.total));
    });
    emit finished(result, static_cast<double>(clock.nsecsElapsed()) / 1e9);
  } catch (const RunCancelled&) {
    emit cancelled();
  } catch (const std::exception& e) {
    emit failed(QString::fromStdString(e.what()));
  }
}

}  // namespace delivsim::gui
