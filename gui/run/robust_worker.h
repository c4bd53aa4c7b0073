#pragma once
/// @file Runs robust comparisons (sim/batch/robust_compare.h) on a worker thread: the object lives in a
/// QThread and answers by queued signals.
#include <QObject>
#include <QString>
#include <atomic>

#include "sim/batch/robust_compare.h"
#include "sim/scenario/scenario_batch.h"

Q_DECLARE_METATYPE(delivsim::RobustResult)

namespace delivsim::gui {

/// Lives in the worker thread and runs one robust comparison at a time.
class RobustWorker : public QObject {
  Q_OBJECT

 public:
  /// `cancel` is read after every finished run; it must outlive the worker.
  explicit RobustWorker(const std::atomic<bool>* cancel);

  /// Runs every strategy of `batch` in `worlds` receiver worlds, one replication per world, on as many
  /// cores as the default work limits allow (sim/world/work_limits.h; past them the comparison fails before
  /// it starts).
  void run(const ScenarioBatch& batch, int worlds);

 signals:
  /// `done` of `total` runs (strategies x worlds) have finished.
  void progressed(int done, int total);
  /// The comparison ended; `wall_seconds` is how long it took.
  void finished(const delivsim::RobustResult& result, double wall_seconds);
  /// The comparison stopped because the cancel flag was set (the runs in progress finish first).
  void cancelled();
  /// The comparison threw (a limit, an invariant); `message` says what.
  void failed(const QString& message);

 private:
  const std::atomic<bool>* cancel_;
};

}  // namespace delivsim::gui
