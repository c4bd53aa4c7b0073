#include "gui/run/strategies_controller.h"

namespace delivsim::gui {

template <typename Job>
bool StrategiesController::start(Job job) {
  if (busy_) return false;
  cancel_flag_ = false;
  setBusy(true);
  QMetaObject::invokeMethod(worker_, std::move(job), Qt::QueuedConnection);
  return true;
}

template <typename Emit>
void StrategiesController::finish(Emit emit_result) {
  setBusy(false);
  if (cancel_flag_) {
    emit cancelled();  // cancel() came after the last run; its result is dropped
  } else {
    emit_result();
  }
}

StrategiesController::StrategiesController(QObject* parent)
    : QObject(parent), worker_(new StrategiesWorker(&cancel_flag_)) {
  qRegisterMetaType<delivsim::CompareResult>();
  qRegisterMetaType<delivsim::SweepResult>();
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &StrategiesWorker::progressed, this, &StrategiesController::progressed);
  connect(worker_, &StrategiesWorker::compareFinished, this,
          [this](const CompareResult& result, double wall_seconds) {
            finish([&] { emit compareFinished(result, wall_seconds); });
          });
  connect(worker_, &StrategiesWorker::sweepFinished, this,
          [this](const SweepResult& result, double wall_seconds) {
            finish([&] { emit sweepFinished(result, wall_seconds); });
          });
  connect(worker_, &StrategiesWorker::cancelled, this, [this] {
    setBusy(false);
    emit cancelled();
  });
  connect(worker_, &StrategiesWorker::failed, this, [this](const QString& message) {
    setBusy(false);
    emit failed(message);
  });
  thread_.setObjectName("delivsim-strategies");
  thread_.start();
}

StrategiesController::~StrategiesController() {
  cancel_flag_ = true;
  thread_.quit();
  thread_.wait();
}

bool StrategiesController::startCompare(const ScenarioBatch& batch) {
  return start([worker = worker_, batch] { worker->runCompare(batch); });
}

bool StrategiesController::startSweep(const ScenarioBatch& batch) {
  return start([worker = worker_, batch] { worker->runSweep(batch); });
}

void StrategiesController::cancel() {
  if (busy_) cancel_flag_ = true;
}

void StrategiesController::setBusy(bool busy) {
  if (busy == busy_) return;
  busy_ = busy;
  emit busyChanged(busy_);
}

}  // namespace delivsim::gui
