#pragma once
/// @file The win-share table of a robust comparison: per headline figure and strategy, the share of
/// receiver worlds in which the strategy is best and in which it beats the first strategy.
#include <QTableWidget>

#include "sim/batch/robust_compare.h"

namespace delivsim::gui {

/// Rows: the headline figures; columns: the strategies, the first being the reference.
class RobustShareTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit RobustShareTable(QWidget* parent = nullptr);

  /// Fills the table from `result`: "best 25%" for the first strategy, "best 25% · beats 100%" for the
  /// others, each cell's tooltip its verdict line.
  void fill(const RobustResult& result);
};

}  // namespace delivsim::gui
