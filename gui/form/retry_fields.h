#pragma once
/// @file The retry schedule's knobs: a fixed interval or list of offsets typed as durations, or an
/// exponential back-off (initial delay, cap, factor, jitter).
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QStackedWidget>
#include <QWidget>

#include "models/retry_schedule.h"

namespace delivsim::gui {

/// Shows one retry schedule and reports the schedule the user makes of it.
class RetryFields : public QWidget {
  Q_OBJECT

 public:
  explicit RetryFields(QWidget* parent = nullptr);

  /// Shows `schedule` without reporting it.
  void showSchedule(const RetrySchedule& schedule);

 signals:
  /// The fields say a valid schedule other than the one shown.
  void scheduleEdited(const delivsim::RetrySchedule& schedule);

 private:
  void kindChosen(int kind);
  void intervalEdited();
  void exponentialEdited();
  /// Reports `schedule` unless it is the one shown.
  void report(const RetrySchedule& schedule);

  QComboBox* kind_;
  QStackedWidget* pages_;
  QLineEdit* interval_;  ///< "10m", or a list "15m, 1h, 4h"
  QLineEdit* initial_;
  QLineEdit* max_;
  QDoubleSpinBox* factor_;
  QDoubleSpinBox* jitter_percent_;
  RetrySchedule shown_;
};

}  // namespace delivsim::gui
