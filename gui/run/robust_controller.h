#pragma once
/// @file Starts and cancels robust comparisons on their own worker thread, beside the what-if runs.
#include <QObject>
#include <QThread>
#include <atomic>

#include "gui/run/robust_worker.h"

namespace delivsim::gui {

/// Owns the robust worker's thread; the GUI thread talks to the comparison only through it.
class RobustController : public QObject {
  Q_OBJECT

 public:
  explicit RobustController(QObject* parent = nullptr);
  /// Cancels any comparison and waits for the worker thread to end.
  ~RobustController() override;

  /// Compares the strategies of `batch` over `worlds` receiver worlds; false (nothing started) while a
  /// comparison is in progress.
  bool start(const ScenarioBatch& batch, int worlds);
  /// Stops the comparison in progress after its running runs; cancelled() follows.
  void cancel();
  /// Whether a comparison is in progress.
  bool busy() const { return busy_; }

 signals:
  /// `done` of `total` runs have finished.
  void progressed(int done, int total);
  /// The comparison finished; `wall_seconds` is how long it took.
  void finished(const delivsim::RobustResult& result, double wall_seconds);
  /// cancel() stopped the comparison.
  void cancelled();
  /// The comparison threw; `message` says what.
  void failed(const QString& message);
  /// A comparison started (true) or ended in any way (false).
  void busyChanged(bool busy);

 private:
  void setBusy(bool busy);

  std::atomic<bool> cancel_flag_{false};
  QThread thread_;
  RobustWorker* worker_;
  bool busy_ = false;
};

}  // namespace delivsim::gui
