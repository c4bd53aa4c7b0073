#pragma once
/// @file Runs scenarios on a worker thread: the object lives in a QThread and answers by queued signals.
#include <QObject>
#include <QString>
#include <atomic>

#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

Q_DECLARE_METATYPE(delivsim::RunResult)

namespace delivsim::gui {

/// Simulated time between progress reports (and cancel checks): small, so that Cancel is prompt.
inline constexpr Duration kProgressEvery = std::chrono::minutes(10);

/// Lives in the worker thread and runs one scenario at a time.
class RunWorker : public QObject {
  Q_OBJECT

 public:
  /// `cancel` is read at every progress point; it must outlive the worker.
  explicit RunWorker(const std::atomic<bool>* cancel);

  /// Runs `scenario` to its end (in the worker's thread) and reports under `ticket`.
  void run(quint64 ticket, const Scenario& scenario);

 signals:
  /// Share of simulated time done, in whole percent; sent when it changes.
  void progressed(quint64 ticket, int percent);
  /// The run ended; `wall_seconds` is how long it took.
  void finished(quint64 ticket, const delivsim::RunResult& result, double wall_seconds);
  /// The run stopped because the cancel flag was set.
  void cancelled(quint64 ticket);
  /// The run threw (an invariant broke); `message` says what.
  void failed(quint64 ticket, const QString& message);

 private:
  const std::atomic<bool>* cancel_;
};

}  // namespace delivsim::gui
