#include "gui/run/robust_controller.h"

namespace delivsim::gui {

RobustController::RobustController(QObject* parent)
    : QObject(parent), worker_(new RobustWorker(&cancel_flag_)) {
  qRegisterMetaType<delivsim::RobustResult>();
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &RobustWorker::progressed, this, &RobustController::progressed);
  connect(worker_, &RobustWorker::finished, this, [this](const RobustResult& result, double wall_seconds) {
    setBusy(false);
    if (cancel_flag_) {
      emit cancelled();  // cancel() came after the last run; its result is dropped
    } else {
      emit finished(result, wall_seconds);
    }
  });
  connect(worker_, &RobustWorker::cancelled, this, [this] {
    setBusy(false);
    emit cancelled();
  });
  connect(worker_, &RobustWorker::failed, this, [this](const QString& message) {
    setBusy(false);
    emit failed(message);
  });
  thread_.setObjectName("delivsim-robust");
  thread_.start();
}

RobustController::~RobustController() {
  cancel_flag_ = true;
  thread_.quit();
  thread_.wait();
}

bool RobustController::start(const ScenarioBatch& batch, int worlds) {
  if (busy_) return false;
  cancel_flag_ = false;
  setBusy(true);
  QMetaObject::invokeMethod(
      worker_, [worker = worker_, batch, worlds] { worker->run(batch, worlds); }, Qt::QueuedConnection);
  return true;
}

void RobustController::cancel() {
  if (busy_) cancel_flag_ = true;
}

void RobustController::setBusy(bool busy) {
  if (busy == busy_) return;
  busy_ = busy;
  emit busyChanged(busy_);
}

}  // namespace delivsim::gui
