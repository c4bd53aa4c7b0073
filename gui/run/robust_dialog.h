#pragma once
/// @file The small dialog that asks how many receiver worlds a robust comparison draws.
#include <QDialog>
#include <QSpinBox>
#include <cstddef>

namespace delivsim::gui {

/// Asks for N, the number of receiver worlds (1..kMaxWorlds), and says how many runs that makes.
class RobustDialog : public QDialog {
  Q_OBJECT

 public:
  /// Starts at `worlds` (the window passes default_world_count, as `delivsim compare --robust` without a
  /// number uses), for a file with `strategies` strategies.
  RobustDialog(int worlds, std::size_t strategies, QWidget* parent = nullptr);

  /// The number chosen.
  int worlds() const { return worlds_->value(); }

 private:
  QSpinBox* worlds_;
};

}  // namespace delivsim::gui
