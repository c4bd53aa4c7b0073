#include "gui/run_chart.h"

#include <QLegendMarker>

#include "gui/chart_font.h"

namespace delivsim::gui {

RunChart::RunChart(const QString& title, const QString& y_title, QWidget* parent)
    : QChartView(parent),
      x_axis_(new QValueAxis),
      y_axis_(new QValueAxis),
      note_(new QGraphicsSimpleTextItem) {
  QChart* c = chart();
  c->setTitle(title);
  c->setTitleFont(chart_font(font(), 10, true));
  c->setMargins(QMargins(4, 4, 4, 4));
  c->setBackgroundRoundness(0);
  c->legend()->setAlignment(Qt::AlignBottom);
  c->legend()->setFont(chart_font(font(), 8));
  for (QValueAxis* axis : {x_axis_, y_axis_}) {
    axis->setLabelsFont(chart_font(font(), 8));
    axis->setTitleFont(chart_font(font(), 8.5));
    axis->setGridLineColor(QColor(0xe4e4e4));
  }
  y_axis_->setTitleText(y_title);
  y_axis_->setLabelFormat("%g");
  x_axis_->setLabelFormat("%g");
  c->addAxis(x_axis_, Qt::AlignBottom);
  c->addAxis(y_axis_, Qt::AlignLeft);
  setRenderHint(QPainter::Antialiasing);
  setMinimumSize(300, 170);
  note_->setParentItem(c);
  note_->setFont(chart_font(font(), 9));
  note_->setBrush(QColor(0x616161));
  note_->hide();
  connect(c, &QChart::plotAreaChanged, this, &RunChart::placeNote);
}

void RunChart::plot(const ChartRuns& runs) {
  if (runs.current == nullptr || runs.scenario == nullptr) return;
  note_->hide();
  for (QValueAxis* axis : {x_axis_, y_axis_}) axis->setLabelsVisible(true);
  scale_ = time_scale_for(runs.current->simulated);
  beginUpdate();
  decorate(runs);
  drawRun(*runs.current, false, runs);
  if (runs.pinned != nullptr) drawRun(*runs.pinned, true, runs);
  endUpdate();
  double x_end = scale_.at(to_seconds(runs.current->simulated));
  if (runs.pinned != nullptr) x_end = std::max(x_end, scale_.at(to_seconds(runs.pinned->simulated)));
  x_axis_->setTitleText(scale_.title);
  x_axis_->setRange(0, x_end);
  x_axis_->setTickType(QValueAxis::TicksDynamic);
  x_axis_->setTickAnchor(0);
  x_axis_->setTickInterval(scale_.tick_step(x_end));
  if (!y_fixed_) {
    y_axis_->setRange(0, y_top_ > 0 ? y_top_ * 1.05 : 1);
    y_axis_->applyNiceNumbers();
    // Whole numbers without exponents for large values ("300000", not "3e+05"); decimals for small ones.
    y_axis_->setLabelFormat(y_axis_->max() >= 10 ? "%.0f" : "%g");
  }
}

void RunChart::clear(const QString& note) {
  beginUpdate();
  endUpdate();  // no series used: all removed
  x_axis_->setTickType(QValueAxis::TicksFixed);
  x_axis_->setRange(0, 1);
  y_axis_->setRange(0, 1);
  for (QValueAxis* axis : {x_axis_, y_axis_}) axis->setLabelsVisible(false);  // no run: no scale to read
  note_->setText(note);
  note_->show();
  placeNote();
}

void RunChart::decorate(const ChartRuns& /*runs*/) {}

QLineSeries* RunChart::line(const QString& key, const QString& name, const QColor& color,
                            const QList<QPointF>& points, bool pinned, qreal width, Qt::PenStyle style) {
  const QString full_key = (pinned ? "A:" : "B:") + key;
  auto* series = qobject_cast<QLineSeries*>(series_.value(full_key));
  const bool created = series == nullptr;
  if (created) {
    series = new QLineSeries(this);
    series_.insert(full_key, series);
    attach(series, y_axis_);
  }
  series->setName(pinned ? name + " (A)" : name);
  QPen pen(color, pinned ? width * 0.8 : width, pinned ? Qt::DashLine : style);
  series->setPen(pen);
  if (series->points() != points) series->replace(points);  // a pinned run's lines stay as they are
  if (created && pinned) {
    for (QLegendMarker* marker : chart()->legend()->markers(series)) marker->setVisible(false);
  }
  used_.insert(full_key);
  for (const QPointF& point : points) y_top_ = std::max(y_top_, point.y());
  return series;
}

QAreaSeries* RunChart::area(const QString& key, const QString& name, const QColor& fill,
                            const QList<QPointF>& upper, const QList<QPointF>& lower, QAbstractAxis* y_axis) {
  auto* series = qobject_cast<QAreaSeries*>(series_.value(key));
  if (series == nullptr) {
    series = new QAreaSeries(new QLineSeries(this), new QLineSeries(this));
    series_.insert(key, series);
    attach(series, y_axis != nullptr ? y_axis : y_axis_);
  }
  series->setName(name);
  series->setBrush(fill);
  series->setPen(Qt::NoPen);
  if (series->upperSeries()->points() != upper) series->upperSeries()->replace(upper);
  if (series->lowerSeries()->points() != lower) series->lowerSeries()->replace(lower);
  used_.insert(key);
  if (y_axis == nullptr) {
    for (const QPointF& point : upper) y_top_ = std::max(y_top_, point.y());
  }
  return series;
}

void RunChart::includeY(double top) {
  y_top_ = std::max(y_top_, top);
}

void RunChart::fixY(double min, double max) {
  y_fixed_ = true;
  y_axis_->setRange(min, max);
}

void RunChart::beginUpdate() {
  used_.clear();
  y_top_ = 0;
  y_fixed_ = false;
}

void RunChart::endUpdate() {
  for (auto it = series_.begin(); it != series_.end();) {
    if (used_.contains(it.key())) {
      ++it;
      continue;
    }
    chart()->removeSeries(it.value());
    if (auto* area = qobject_cast<QAreaSeries*>(it.value())) {
      delete area->upperSeries();
      delete area->lowerSeries();
    }
    delete it.value();
    it = series_.erase(it);
  }
}

void RunChart::placeNote() {
  note_->setPos(chart()->plotArea().center() - note_->boundingRect().center());
}

void RunChart::attach(QAbstractSeries* series, QAbstractAxis* y_axis) {
  chart()->addSeries(series);
  series->attachAxis(x_axis_);
  series->attachAxis(y_axis);
}

}  // namespace delivsim::gui
