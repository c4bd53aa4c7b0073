#pragma once
/// @file The Figures tab: every figure of the current run and, when a run is pinned, of A, B and B − A, in
/// groups: totals, deferrals by reply code per provider, per provider, per traffic source.
#include <QTableWidget>

#include "gui/figures/pinned_run.h"
#include "sim/output/run_result.h"

namespace delivsim::gui {

/// Column 0 names the figure; then the current run ("This run"), or with a pinned run A (headed by its
/// label), B (current) and B − A. Group headers span the row.
class CompareTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit CompareTable(QWidget* parent = nullptr);

  /// Shows `current`'s figures, and when `pinned` is set A's, B's and B − A: counts as exact signed integers,
  /// shares in percentage points to three decimals, spans exact to the millisecond; each difference green
  /// when B is better by the figure's direction (HeadlineFigure::better for headline figures), red when
  /// worse, grey when equal or when the figure has no direction; "same" when both lack a figure alike (both
  /// in steady state), "—" when one lacks it.
  void setRuns(const RunResult& current, const PinnedRun* pinned);
  /// Empties the table (no run yet).
  void clearRuns();
  /// The row of the figure named `name` ("Attempts", "gmail · 421 4.7.28", "receipts · p95 latency"); -1
  /// when there is none.
  int rowOf(const QString& name) const;
};

}  // namespace delivsim::gui
