#pragma once
/// @file The row of headline figures above the charts.
#include <QLabel>
#include <QWidget>
#include <map>

#include "gui/headline_format.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// One card per headline figure, in a row.
class HeadlineBar : public QWidget {
  Q_OBJECT

 public:
  explicit HeadlineBar(QWidget* parent = nullptr);

  /// Shows the headline figures of `run`, a run of `scenario`; the deferral rate is coloured by the judging
  /// provider's alert levels (green, amber, red).
  void setHeadline(const RunResult& run, const Scenario& scenario);
  /// Shows "—" everywhere (no run yet).
  void clear();
  /// The text shown for `figure`.
  QString valueText(Figure figure) const;

 private:
  void setValue(Figure figure, const QString& text, const QColor& color);

  std::map<Figure, QLabel*> values_;
};

}  // namespace delivsim::gui
