#pragma once
/// @file Starts and cancels strategy comparisons and sweeps on their own worker thread, beside the what-if
/// runs and the robust comparisons.
#include <QObject>
#include <QThread>
#include <atomic>

#include "gui/run/strategies_worker.h"

namespace delivsim::gui {

/// Owns the strategies worker's thread; the GUI thread talks to comparisons and sweeps only through it.
class StrategiesController : public QObject {
  Q_OBJECT

 public:
  explicit StrategiesController(QObject* parent = nullptr);
  /// Cancels any work and waits for the worker thread to end.
  ~StrategiesController() override;

  /// Runs every strategy of `batch` as `delivsim compare` does; false (nothing started) while busy.
  bool startCompare(const ScenarioBatch& batch);
  /// Runs every point of `batch`'s sweep as `delivsim sweep` does; false (nothing started) while busy.
  bool startSweep(const ScenarioBatch& batch);
  /// Stops the work in progress after its running runs; cancelled() follows.
  void cancel();
  /// Whether a comparison or sweep is in progress.
  bool busy() const { return busy_; }

 signals:
  /// `done` of `total` runs have finished.
  void progressed(int done, int total);
  /// The comparison finished; `wall_seconds` is how long it took.
  void compareFinished(const delivsim::CompareResult& result, double wall_seconds);
  /// The sweep finished; `wall_seconds` is how long it took.
  void sweepFinished(const delivsim::SweepResult& result, double wall_seconds);
  /// cancel() stopped the work.
  void cancelled();
  /// The work threw; `message` says what.
  void failed(const QString& message);
  /// Work started (true) or ended in any way (false).
  void busyChanged(bool busy);

 private:
  /// Marks the controller busy and queues `job` on the worker; false while busy.
  template <typename Job>
  bool start(Job job);
  /// Ends the work with `result`'s signal, or cancelled() when cancel() came after the last run.
  template <typename Emit>
  void finish(Emit emit_result);
  void setBusy(bool busy);

  std::atomic<bool> cancel_flag_{false};
  QThread thread_;
  StrategiesWorker* worker_;
  bool busy_ = false;
};

}  // namespace delivsim::gui
