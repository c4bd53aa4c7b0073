#pragma once
/// @file The table of one headline figure of a robust comparison, as `delivsim compare --robust` prints it:
/// per strategy, the share of receiver worlds in which it is best, beats, ties or loses to the first
/// strategy, and the spread of the paired difference over the worlds.
#include <QTableWidget>
#include <cstddef>

#include "sim/batch/robust_compare.h"

namespace delivsim::gui {

/// Rows: best in, beats <first>, ties, loses, difference p5 / p50 / p95; columns: the strategies.
class RobustShareTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit RobustShareTable(QWidget* parent = nullptr);

  /// Fills the table with headline figure `figure` (index into headline_figures()) of `result`: shares
  /// as "94%", differences in the figure's units ("+1.2%" in points, "-3.5h"), "-" for the first strategy's
  /// comparisons and for a difference no world has. A majority of wins is green, of losses red.
  void fill(const RobustResult& result, std::size_t figure);
};

}  // namespace delivsim::gui
