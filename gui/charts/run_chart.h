#pragma once
/// @file The common frame of the six result charts: a time axis, a value axis, a legend, the current run
/// drawn solid and a pinned run overlaid in A's own greys and dashes (chart_palette) under one legend entry
/// of its own. Series are kept between runs and refilled with QXYSeries::replace(), so a re-run only swaps
/// points. Reading: hovering a point shows its series, value and calendar time; dragging zooms in,
/// double-clicking resets; clicking a legend entry hides or shows its series.
#include <QAreaSeries>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLineSeries>
#include <QMap>
#include <QSet>
#include <QValueAxis>
#include <string>

#include "gui/charts/time_scale.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// What the charts draw.
struct ChartRuns {
  const RunResult* current = nullptr;  ///< drawn solid (B); nothing is drawn without it
  const RunResult* pinned = nullptr;   ///< drawn dashed (A) when set
  QString pinned_label;                ///< A's legend text (PinnedRun::label)
  const Scenario* scenario = nullptr;  ///< the current scenario, for thresholds and its start_date
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
  /// What hovering viewport position `pos` shows (in a label beside the mouse): the nearest point's series
  /// name, value (with the value axis's title) and calendar time (calendar_time()); empty when no visible
  /// point is within a few pixels.
  QString readout(const QPoint& pos) const;
  /// Undoes any zoom (a double-click does the same; every plot() starts unzoomed).
  void resetZoom();
  /// The legend entry standing for all of the pinned run's series; nullptr when nothing is pinned.
  QLineSeries* pinnedKey() const { return pinned_key_; }
  /// Hides (or shows again) `series` as a click on its legend entry does; the pinned run's legend entry
  /// hides or shows all of A's series.
  void toggleSeries(QAbstractSeries* series);

 protected:
  /// Adds (or refills) the series of one run.
  virtual void drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) = 0;
  /// Adds what does not depend on a run (threshold lines, bands), beneath the runs' series.
  virtual void decorate(const ChartRuns& runs);
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

  /// The line series `key` of the run being drawn, created on first use, holding `points`. A pinned run's
  /// lines take A's colours and dashes (pinned_color(), pinned_pen_style()) instead of `color` and `style`,
  /// are named "<pinned label> · <name>" and share one legend entry. A current-run line whose points equal
  /// an earlier one's makes that one wider, so a line drawn on top never hides another.
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
  void updatePinnedKey(const ChartRuns& runs);
  void followZoom(double min, double max);
  bool isPinned(const QAbstractSeries* series) const;

  QValueAxis* x_axis_;
  QValueAxis* y_axis_;
  TimeScale scale_;
  double y_top_ = 0;
  bool y_fixed_ = false;
  QMap<QString, QAbstractSeries*> series_;
  QSet<QString> used_;
  QGraphicsSimpleTextItem* note_;      ///< shown by clear()
  std::string start_date_;             ///< the current run's start, for calendar times
  QString pinned_label_;               ///< ChartRuns::pinned_label of the last plot
  std::size_t pinned_drawn_ = 0;       ///< A's lines drawn so far in this update (their palette index)
  QList<QLineSeries*> current_lines_;  ///< the current run's lines drawn so far in this update
  QLineSeries* pinned_key_ = nullptr;  ///< A's one legend entry (a series without points)
  bool pinned_hidden_ = false;         ///< whether A's series are hidden by a click on that entry
  QLabel* readout_label_ = nullptr;    ///< the hover readout, shown beside the mouse
};

}  // namespace delivsim::gui
