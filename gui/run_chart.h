#pragma once
/// @file The common frame of the five result charts: a time axis, a value axis, a legend, the current run
/// drawn solid and a pinned run overlaid dashed. Series are kept between runs and refilled with
/// QXYSeries::replace(), so a re-run only swaps points.
#include <QAreaSeries>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QMap>
#include <QSet>
#include <QValueAxis>
#include <string>

#include "gui/time_scale.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// What the charts draw.
struct ChartRuns {
  const RunResult* current = nullptr;  ///< drawn solid (B); nothing is drawn without it
  const RunResult* pinned = nullptr;   ///< drawn dashed (A) when set
  QString pinned_label;                ///< A's legend text (PinnedRun::label)
  const Scenario* scenario = nullptr;  ///< the current scenario, for thresholds
  std::string provider;                ///< whose identities the identity charts show
};

/// Base of the result charts: axes, legend, kept series, A/B overlay.
class RunChart : public QChartView {
  Q_OBJECT

 public:
  RunChart(const QString& title, const QString& y_title, QWidget* parent = nullptr);

  /// Draws `runs`: the chart's decorations, the current run, the pinned run; then fits the axes.
  void plot(const ChartRuns& runs);
  /// Removes every series and shows `note` (e.g. "Running whatif-100k.yaml…") in the empty plot area; the
  /// axes go back to [0, 1], so nothing of an earlier run's scale stays.
  void clear(const QString& note);
  /// The note shown in the empty plot area; empty while a run is drawn.
  QString note() const { return note_->isVisible() ? note_->text() : QString(); }

 protected:
  /// Adds (or refills) the series of one run.
  virtual void drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) = 0;
  /// Adds what does not depend on a run (threshold lines, bands), beneath the runs' series.
  virtual void decorate(const ChartRuns& runs);

  /// The line series `key` of the run being drawn, created on first use, holding `points`. Pinned runs
  /// are dashed and left out of the legend.
  QLineSeries* line(const QString& key, const QString& name, const QColor& color,
                    const QList<QPointF>& points, bool pinned, qreal width = 2.0,
                    Qt::PenStyle style = Qt::SolidLine);
  /// A filled area between `lower` and `upper` (same x values), attached to `y_axis` (default: the
  /// value axis).
  QAreaSeries* area(const QString& key, const QString& name, const QColor& fill, const QList<QPointF>& upper,
                    const QList<QPointF>& lower, QAbstractAxis* y_axis = nullptr);
  /// Makes the value axis reach at least `top`.
  void includeY(double top);
  /// Fixes the value axis to [min, max] (no nice-number rounding).
  void fixY(double min, double max);
  /// The time axis's scale for the current run.
  const TimeScale& scale() const { return scale_; }
  QValueAxis* valueAxis() const { return y_axis_; }

 private:
  void beginUpdate();
  void endUpdate();
  void attach(QAbstractSeries* series, QAbstractAxis* y_axis);
  /// Centres the note in the plot area.
  void placeNote();

  QValueAxis* x_axis_;
  QValueAxis* y_axis_;
  TimeScale scale_;
  double y_top_ = 0;
  bool y_fixed_ = false;
  QMap<QString, QAbstractSeries*> series_;
  QSet<QString> used_;
  QGraphicsSimpleTextItem* note_;  ///< shown by clear()
};

}  // namespace delivsim::gui
