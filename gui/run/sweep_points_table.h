#pragma once
/// @file A sweep's results as `delivsim sweep` prints them: a row per point of the grid with its swept
/// values, its headline figures (means over the replications) and, with an objective, whether it met every
/// constraint and its objective value; the best point marked '*'.
#include <QTableWidget>

#include "sim/batch/sweep.h"

namespace delivsim::gui {

/// The sweep table of the Strategies tab.
class SweepPointsTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit SweepPointsTable(QWidget* parent = nullptr);

  /// Fills the table with `result`: the CLI's columns (sweep_axis_headings, figure_heading, "ok",
  /// "objective") and cells (format_figure_stats, format_objective_value); the best point's row is bold and
  /// its name marked '*', the points that broke a constraint are grey.
  void fill(const SweepResult& result);
};

}  // namespace delivsim::gui
