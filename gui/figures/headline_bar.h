#pragma once
/// @file The row of headline figures above the charts.
#include <QWidget>
#include <map>

#include "gui/figures/fit_label.h"
#include "gui/figures/headline_format.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// One card per headline figure, in a row.
class HeadlineBar : public QWidget {
  Q_OBJECT

 public:
  explicit HeadlineBar(QWidget* parent = nullptr);

  /// Shows the headline figures of `run`, a run of `scenario`, each coloured by figure_verdict() (the
  /// deferral rate by the judging provider's alert levels); the time to drain says "steady state" for a
  /// stream whose queue stays small, with the queue at the end in its tooltip.
  void setHeadline(const RunResult& run, const Scenario& scenario);
  /// Shows "—" everywhere (no run yet).
  void clear();
  /// The text shown for `figure`.
  QString valueText(Figure figure) const;
  /// The colour `figure`'s text is shown in; invalid for the default text colour.
  QColor valueColor(Figure figure) const;
  /// The tooltip of `figure`'s value (the time to drain's names the queue at the end); empty when none.
  QString valueToolTip(Figure figure) const;

 private:
  void setValue(Figure figure, const QString& text, const QColor& color);

  std::map<Figure, FitLabel*> values_;
  std::map<Figure, QColor> colors_;
};

}  // namespace delivsim::gui
