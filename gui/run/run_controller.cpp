#include "gui/run/run_controller.h"

#include <utility>

namespace delivsim::gui {

RunController::RunController(QObject* parent) : QObject(parent), worker_(new RunWorker(&cancel_flag_)) {
  qRegisterMetaType<delivsim::RunResult>();
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &RunWorker::progressed, this, &RunController::onProgressed);
  connect(worker_, &RunWorker::finished, this, &RunController::onFinished);
  connect(worker_, &RunWorker::cancelled, this, &RunController::onCancelled);
  connect(worker_, &RunWorker::failed, this, &RunController::onFailed);
  thread_.setObjectName("delivsim-run");
  thread_.start();
}

RunController::~RunController() {
  cancel_flag_ = true;
  thread_.quit();
  thread_.wait();
}

void RunController::start(const Scenario& scenario) {
  queued_.reset();
  ++ticket_;
  setBusy(true);
  if (worker_running_) {
    cancel_flag_ = true;
    pending_ = scenario;
    return;
  }
  launch(scenario);
}

void RunController::cancel() {
  queued_.reset();
  pending_.reset();
  if (worker_running_) {
    ++ticket_;  // the run in progress no longer reports as the newest
    cancel_flag_ = true;
  }
}

void RunController::scheduleAutoRun(const Scenario& scenario) {
  if (worker_running_ && !pending_ && autoRunAllowed()) {
    queued_ = scenario;
    return;
  }
  start(scenario);
}

void RunController::onProgressed(quint64 ticket, int percent) {
  if (ticket == ticket_) emit progressed(percent);
}

void RunController::onFinished(quint64 ticket, const RunResult& result, double wall_seconds) {
  const bool newest = ticket == ticket_;
  const bool replaced = pending_.has_value();
  workerIdle();
  if (newest) {
    last_wall_s_ = wall_seconds;
    pace_.add(wall_seconds);
    emit finished(result, wall_seconds);
  } else if (!replaced) {
    emit cancelled();  // cancel() came too late to stop it; its result is dropped
  }
}

void RunController::onCancelled(quint64 /*ticket*/) {
  const bool replaced = pending_.has_value();
  workerIdle();
  if (!replaced) emit cancelled();
}

void RunController::onFailed(quint64 ticket, const QString& message) {
  const bool newest = ticket == ticket_;
  const bool replaced = pending_.has_value();
  workerIdle();
  if (newest) {
    emit failed(message);
  } else if (!replaced) {
    emit cancelled();
  }
}

void RunController::workerIdle() {
  worker_running_ = false;
  if (pending_) {
    launch(*std::exchange(pending_, std::nullopt));
    return;
  }
  if (queued_) {
    ++ticket_;  // the run that just ended still reports: its ticket was the newest until now
    launch(*std::exchange(queued_, std::nullopt));
    return;
  }
  setBusy(false);
}

void RunController::launch(const Scenario& scenario) {
  cancel_flag_ = false;
  worker_running_ = true;
  const quint64 ticket = ticket_;
  QMetaObject::invokeMethod(
      worker_, [worker = worker_, ticket, scenario] { worker->run(ticket, scenario); }, Qt::QueuedConnection);
  emit started();
}

void RunController::setBusy(bool busy) {
  if (busy == busy_) return;
  busy_ = busy;
  emit busyChanged(busy_);
}

}  // namespace delivsim::gui
