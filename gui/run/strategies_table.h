#pragma once
/// @file The headline figures of a strategy comparison as `delivsim compare` prints them: a column per
/// strategy, a row per figure (the mean over replications, the best marked '*'), each followed by its
/// "vs <first strategy>" row of mean paired differences with their 95% confidence intervals; then each
/// strategy's commonest deferral replies (mean per run).
#include <QTableWidget>

#include "sim/batch/compare.h"

namespace delivsim::gui {

/// The compare table of the Strategies tab.
class StrategiesTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit StrategiesTable(QWidget* parent = nullptr);

  /// Fills the table with `result`'s figures (format_figure_stats, format_difference_cell); the best mean
  /// of a figure is marked '*' and bold, as the CLI marks it; rows "deferral reply 1".. list each
  /// strategy's top_replies as "421 4.7.28: 1651.0 per run".
  void fill(const CompareResult& result);
};

}  // namespace delivsim::gui
