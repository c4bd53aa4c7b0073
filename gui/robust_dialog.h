#pragma once
/// @file The small dialog that asks how many receiver worlds a robust comparison draws.
#include <QDialog>
#include <QSpinBox>
#include <cstddef>

#include "sim/scenario/scenario_batch.h"

namespace delivsim::gui {

/// The worlds a robust comparison of `batch` draws unless told otherwise: its `uncertainty.worlds`, else
/// RobustOptions' default (32), as `delivsim compare --robust` without a number.
int default_worlds(const ScenarioBatch& batch);

/// Asks for N, the number of receiver worlds (1..kMaxWorlds), and says how many runs that makes.
class RobustDialog : public QDialog {
  Q_OBJECT

 public:
  /// Starts at `worlds`, for a file with `strategies` strategies.
  RobustDialog(int worlds, std::size_t strategies, QWidget* parent = nullptr);

  /// The number chosen.
  int worlds() const { return worlds_->value(); }

 private:
  QSpinBox* worlds_;
};

}  // namespace delivsim::gui
