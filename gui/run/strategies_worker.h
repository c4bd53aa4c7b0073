#pragma once
/// @file Runs a scenario's strategies (`delivsim compare`) or sweep (`delivsim sweep`) on a worker thread:
/// the object lives in a QThread and answers by queued signals.
#include <QObject>
#include <QString>
#include <atomic>

#include "sim/batch/compare.h"
#include "sim/batch/sweep.h"
#include "sim/scenario/scenario_batch.h"

Q_DECLARE_METATYPE(delivsim::CompareResult)
Q_DECLARE_METATYPE(delivsim::SweepResult)

namespace delivsim::gui {

/// Lives in the worker thread and runs one comparison or sweep at a time, with the file's replications, as
/// the CLI does.
class StrategiesWorker : public QObject {
  Q_OBJECT

 public:
  /// `cancel` is read after every finished run; it must outlive the worker.
  explicit StrategiesWorker(const std::atomic<bool>* cancel);

  /// run_compare on every strategy of `batch`, on as many cores as the default work limits allow
  /// (sim/world/work_limits.h; past them it fails before it starts).
  void runCompare(const ScenarioBatch& batch);
  /// run_sweep on every point of `batch`'s sweep, as runCompare.
  void runSweep(const ScenarioBatch& batch);

 signals:
  /// `done` of `total` runs (variants x replications) have finished.
  void progressed(int done, int total);
  /// The comparison ended; `wall_seconds` is how long it took.
  void compareFinished(const delivsim::CompareResult& result, double wall_seconds);
  /// The sweep ended; `wall_seconds` is how long it took.
  void sweepFinished(const delivsim::SweepResult& result, double wall_seconds);
  /// The work stopped because the cancel flag was set (the runs in progress finish first).
  void cancelled();
  /// The work threw (a limit, an invariant); `message` says what.
  void failed(const QString& message);

 private:
  /// Calls `work(threads, on_progress)` for `variants` x `replications` runs within the default work limits;
  /// emits cancelled() or failed() when it throws (`work` emits its own result).
  template <typename Work>
  void runVariants(const std::vector<ScenarioVariant>& variants, int replications, Work work);

  const std::atomic<bool>* cancel_;
};

}  // namespace delivsim::gui
