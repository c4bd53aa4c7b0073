#include "gui/run/run_worker.h"

#include <QElapsedTimer>

#include "sim/world/run.h"
#include "sim/world/work_limits.h"

namespace delivsim::gui {

RunWorker::RunWorker(const std::atomic<bool>* cancel) : cancel_(cancel) {}

void RunWorker::run(quint64 ticket, const Scenario& scenario) {
  QElapsedTimer clock;
  clock.start();
  int last_percent = -1;
  RunOptions options;
  options.accounting = false;  // the window never shows accounting records; they only cost memory and copies
  options.cancel = cancel_;
  options.progress_every = kProgressEvery;
  options.on_progress = [&](const RunProgress& progress) {
    const int percent =
        static_cast<int>(100 * progress.now.count() / std::max<Duration::rep>(1, progress.end.count()));
    if (percent != last_percent) {
      last_percent = percent;
      emit progressed(ticket, percent);
    }
  };
  try {
    // A scenario asking for more than the CLI's default limits is refused (as a failed run) before it starts.
    check_one_run_within_default_limits(scenario);
    const RunResult result = run_scenario(scenario, options);
    emit finished(ticket, result, static_cast<double>(clock.nsecsElapsed()) / 1e9);
  } catch (const RunCancelled&) {
    emit cancelled(ticket);
  } catch (const std::exception& e) {
    emit failed(ticket, QString::fromStdString(e.what()));
  }
}

}  // namespace delivsim::gui
