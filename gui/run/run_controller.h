#pragma once
/// @file Starts, replaces and cancels runs on one worker thread, and decides when a change re-runs by
/// itself (what-if mode).
#include <QObject>
#include <QThread>
#include <atomic>
#include <optional>

#include "gui/run/run_pace.h"
#include "gui/run/run_worker.h"

namespace delivsim::gui {

/// Owns the worker thread; the GUI thread talks to runs only through it.
class RunController : public QObject {
  Q_OBJECT

 public:
  explicit RunController(QObject* parent = nullptr);
  /// Cancels any run and waits for the worker thread to end.
  ~RunController() override;

  /// Runs `scenario`. A run in progress is cancelled first; only the newest request reports.
  void start(const Scenario& scenario);
  /// Stops the run in progress (and any pending automatic run); cancelled() follows when one was running.
  void cancel();
  /// Runs `scenario` because the scenario changed (what-if mode): at once when the worker is idle. While a
  /// quick run (autoRunAllowed()) is in progress, that run finishes and reports first, and `scenario` runs
  /// after it; changes made meanwhile are gathered, only the newest runs. So the charts follow a knob held
  /// down, and a change is never kept waiting by a quiet-time timer. A slow or first run in progress is
  /// replaced at once, as start() does.
  void scheduleAutoRun(const Scenario& scenario);

  /// Whether a run is in progress or about to start.
  bool busy() const { return busy_; }
  /// Whether the recent runs were typically quicker than kAutoRunMaxSeconds (RunPace), so changes may
  /// re-run by themselves.
  bool autoRunAllowed() const { return pace_.autoRunAllowed(); }
  /// Forgets the recent runs' wall times: another scenario was opened, whose speed is unknown.
  void resetPace() { pace_.clear(); }
  /// Wall time of the last finished run, seconds.
  std::optional<double> lastWallSeconds() const { return last_wall_s_; }

 signals:
  /// A run began on the worker thread.
  void started();
  /// Share of the newest run's simulated time done, whole percent.
  void progressed(int percent);
  /// The newest run finished; `wall_seconds` is how long it took.
  void finished(const delivsim::RunResult& result, double wall_seconds);
  /// cancel() stopped the run.
  void cancelled();
  /// The newest run threw; `message` says what.
  void failed(const QString& message);
  /// A run started (true) or the worker went idle with nothing pending (false).
  void busyChanged(bool busy);

 private:
  void onProgressed(quint64 ticket, int percent);
  void onFinished(quint64 ticket, const delivsim::RunResult& result, double wall_seconds);
  void onCancelled(quint64 ticket);
  void onFailed(quint64 ticket, const QString& message);
  /// The worker is idle again: starts the pending request, or reports idle.
  void workerIdle();
  void launch(const Scenario& scenario);
  void setBusy(bool busy);

  std::atomic<bool> cancel_flag_{false};
  QThread thread_;
  RunWorker* worker_;
  quint64 ticket_ = 0;  ///< the newest request
  bool worker_running_ = false;
  bool busy_ = false;
  std::optional<Scenario> pending_;  ///< replaces the run in progress, once the worker is idle
  std::optional<Scenario> queued_;   ///< automatic run to start after the run in progress reports
  std::optional<double> last_wall_s_;
  RunPace pace_;  ///< the recent finished runs' wall times
};

}  // namespace delivsim::gui
