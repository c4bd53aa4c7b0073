#include "gui/charts/run_chart.h"

#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QMouseEvent>
#include <cmath>

#include "gui/charts/chart_font.h"
#include "gui/figures/chart_palette.h"

namespace delivsim::gui {

namespace {

/// Marks a series of the pinned run (A).
constexpr const char* kPinnedProperty = "delivsim-pinned";
/// How near (pixels) the mouse must be to a point for the readout to name it.
constexpr qreal kReadoutRadius = 8;
/// Ticks on the value axis before applyNiceNumbers() rounds them (Qt's default).
constexpr int kValueTicks = 5;

/// A figure for the readout: whole numbers with separators from 1,000 up, else four significant digits.
QString readout_number(double value) {
  const QLocale locale(QLocale::English);
  return std::abs(value) >= 1000 ? locale.toString(value, 'f', 0) : locale.toString(value, 'g', 4);
}

/// Greys out a hidden series' legend entry (a shown one gets the legend's label colour back).
void show_hidden(QLegendMarker* marker, bool hidden, const QColor& label_color) {
  marker->setVisible(true);
  marker->setLabelBrush(hidden ? QColor(0xb0b0b0) : label_color);
}

}  // namespace

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
  c->legend()->setShowToolTips(true);  // an elided legend entry shows its full name on hover
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
  note_->setParentItem(c);
  note_->setFont(chart_font(font(), 9));
  note_->setBrush(QColor(0x616161));
  note_->hide();
  connect(c, &QChart::plotAreaChanged, this, &RunChart::placeNote);
  setRubberBand(QChartView::RectangleRubberBand);
  readout_label_ = new QLabel(viewport());
  readout_label_->setObjectName("readout");
  readout_label_->setFont(chart_font(font(), 8.5));
  readout_label_->setStyleSheet(
      QStringLiteral("background: #fffff4; border: 1px solid #9a9a9a; padding: 2px 4px; color: black"));
  readout_label_->setAttribute(Qt::WA_TransparentForMouseEvents);
  readout_label_->hide();
  setMinimumSize(440, 260);
  connect(x_axis_, &QValueAxis::rangeChanged, this, &RunChart::followZoom);
  connect(y_axis_, &QValueAxis::rangeChanged, this, [this] {
    if (chart()->isZoomed() && !y_fixed_) {
      y_axis_->setTickCount(kValueTicks);
      y_axis_->applyNiceNumbers();  // "2000", not "2286", when zoomed
    }
  });
}

void RunChart::plot(const ChartRuns& runs) {
  if (runs.current == nullptr || runs.scenario == nullptr) return;
  note_->hide();
  for (QValueAxis* axis : {x_axis_, y_axis_}) axis->setLabelsVisible(true);
  resetZoom();
  scale_ = time_scale_for(runs.current->simulated);
  start_date_ = runs.scenario->start_date;  // a running run's partial result does not carry it
  pinned_label_ = runs.pinned_label;
  beginUpdate();
  decorate(runs);
  drawRun(*runs.current, false, runs);
  if (runs.pinned != nullptr) drawRun(*runs.pinned, true, runs);
  updatePinnedKey(runs);
  endUpdate();
  double x_end = scale_.at(to_seconds(runs.current->simulated));
  if (runs.pinned != nullptr) x_end = std::max(x_end, scale_.at(to_seconds(runs.pinned->simulated)));
  x_axis_->setTitleText(scale_.title + QStringLiteral(" from ") + calendar_time(start_date_, 0));
  x_axis_->setTickType(QValueAxis::TicksDynamic);
  x_axis_->setTickAnchor(0);
  x_axis_->setRange(0, x_end);
  if (!y_fixed_) {
    y_axis_->setRange(0, y_top_ > 0 ? y_top_ * 1.05 : 1);
    y_axis_->setTickCount(kValueTicks);  // applyNiceNumbers() changes the tick count: start from the same one
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

QString RunChart::readout(const QPoint& pos) const {
  const QPointF at = chart()->mapFromScene(mapToScene(pos));
  if (!chart()->plotArea().contains(at)) return {};
  qreal nearest = kReadoutRadius;
  QString name;
  QPointF value;
  QString area_name;  // a stacked layer under the mouse, named when no line point is near
  QPointF area_value;
  for (QAbstractSeries* series : series_) {
    if (!series->isVisible()) continue;
    if (auto* xy = qobject_cast<QLineSeries*>(series)) {
      for (const QPointF& point : xy->points()) {
        const QPointF pixel = chart()->mapToPosition(point, xy);
        const qreal distance = std::hypot(pixel.x() - at.x(), pixel.y() - at.y());
        if (distance < nearest) {
          nearest = distance;
          name = xy->name();
          value = point;
        }
      }
    } else if (auto* area = qobject_cast<QAreaSeries*>(series);
               area && series->attachedAxes().contains(y_axis_)) {
      const QList<QPointF> upper = area->upperSeries()->points();
      const QList<QPointF> lower = area->lowerSeries()->points();
      qsizetype row = -1;
      qreal dx = kReadoutRadius;
      for (qsizetype i = 0; i < upper.size() && i < lower.size(); ++i) {
        const qreal d = std::abs(chart()->mapToPosition(upper[i], area).x() - at.x());
        if (d < dx) {
          dx = d;
          row = i;
        }
      }
      if (row < 0) continue;
      const qreal top = chart()->mapToPosition(upper[row], area).y();
      const qreal bottom = chart()->mapToPosition(lower[row], area).y();
      if (at.y() >= top && at.y() <= bottom) {
        area_name = area->name();
        area_value = QPointF(upper[row].x(), upper[row].y() - lower[row].y());
      }
    }
  }
  if (name.isEmpty()) {
    name = area_name;
    value = area_value;
  }
  if (name.isEmpty()) return {};
  return QStringLiteral("%1\n%2 %3\n%4")
      .arg(name, readout_number(value.y()), y_axis_->titleText().toLower(),
           calendar_time(start_date_, value.x() * scale_.seconds_per_unit));
}

void RunChart::resetZoom() {
  chart()->zoomReset();
}

void RunChart::toggleSeries(QAbstractSeries* series) {
  const QColor label_color = chart()->legend()->labelColor();
  if (series == pinned_key_) {
    pinned_hidden_ = !pinned_hidden_;
    for (QAbstractSeries* pinned : series_) {
      if (!isPinned(pinned)) continue;
      pinned->setVisible(!pinned_hidden_);
      for (QLegendMarker* marker : chart()->legend()->markers(pinned)) marker->setVisible(false);
    }
    for (QLegendMarker* marker : chart()->legend()->markers(pinned_key_))
      show_hidden(marker, pinned_hidden_, label_color);
    return;
  }
  series->setVisible(!series->isVisible());
  for (QLegendMarker* marker : chart()->legend()->markers(series))
    show_hidden(marker, !series->isVisible(), label_color);
}

void RunChart::mouseMoveEvent(QMouseEvent* event) {
  QChartView::mouseMoveEvent(event);
  const QPoint pos = event->position().toPoint();
  const QString text = readout(pos);
  if (text.isEmpty()) {
    readout_label_->hide();
    return;
  }
  readout_label_->setText(text);
  readout_label_->adjustSize();
  // Beside the mouse, flipped to the other side near the right or bottom edge so it stays whole.
  const QSize size = readout_label_->size();
  const QRect area = viewport()->rect();
  const int x = pos.x() + 14 + size.width() <= area.right() ? pos.x() + 14 : pos.x() - 14 - size.width();
  const int y = pos.y() + 14 + size.height() <= area.bottom() ? pos.y() + 14 : pos.y() - 14 - size.height();
  readout_label_->move(std::max(0, x), std::max(0, y));
  readout_label_->show();
  readout_label_->raise();
}

void RunChart::leaveEvent(QEvent* event) {
  readout_label_->hide();
  QChartView::leaveEvent(event);
}

void RunChart::mouseDoubleClickEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return QChartView::mouseDoubleClickEvent(event);
  resetZoom();
  event->accept();
}

QLineSeries* RunChart::line(const QString& key, const QString& name, const QColor& color,
                            const QList<QPointF>& points, bool pinned, qreal width, Qt::PenStyle style) {
  const QString full_key = (pinned ? "A:" : "B:") + key;
  auto* series = qobject_cast<QLineSeries*>(series_.value(full_key));
  const bool created = series == nullptr;
  if (created) {
    series = new QLineSeries(this);
    series->setProperty(kPinnedProperty, pinned);
    series_.insert(full_key, series);
    attach(series, y_axis_);
  }
  if (pinned) {
    series->setName(pinned_label_ + QStringLiteral(" \u00b7 ") + name);
    series->setPen(QPen(pinned_color(pinned_drawn_), width * 0.8, pinned_pen_style(pinned_drawn_)));
    ++pinned_drawn_;
  } else {
    series->setName(name);
    series->setPen(QPen(color, width, style));
    for (QLineSeries* earlier : current_lines_) {
      if (points.isEmpty() || earlier->points() != points) continue;
      QPen wider = earlier->pen();  // the earlier line shows as a border around this one
      wider.setWidthF(wider.widthF() + 3);
      earlier->setPen(wider);
    }
    current_lines_.append(series);
  }
  if (series->points() != points) series->replace(points);  // a pinned run's lines stay as they are
  if (created && pinned) {
    series->setVisible(!pinned_hidden_);
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

void RunChart::updatePinnedKey(const ChartRuns& runs) {
  if (runs.pinned == nullptr) {
    if (pinned_key_ == nullptr) return;
    chart()->removeSeries(pinned_key_);
    delete pinned_key_;
    pinned_key_ = nullptr;
    pinned_hidden_ = false;
    return;
  }
  if (pinned_key_ == nullptr) {
    pinned_key_ = new QLineSeries(this);
    attach(pinned_key_, y_axis_);
  }
  pinned_key_->setName(runs.pinned_label);
  pinned_key_->setPen(QPen(pinned_color(0), 1.6, pinned_pen_style(0)));
}

void RunChart::followZoom(double min, double max) {
  x_axis_->setTickInterval(scale_.tick_step(max - min));
}

bool RunChart::isPinned(const QAbstractSeries* series) const {
  return series->property(kPinnedProperty).toBool();
}

void RunChart::beginUpdate() {
  used_.clear();
  pinned_drawn_ = 0;
  current_lines_.clear();
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
  const bool is_line = qobject_cast<QLineSeries*>(series) != nullptr;
  for (QLegendMarker* marker : chart()->legend()->markers(series)) {
    if (is_line) marker->setShape(QLegend::MarkerShapeFromSeries);  // a line's entry is a line: A's dashed
    connect(marker, &QLegendMarker::clicked, this, [this, series] { toggleSeries(series); });
  }
}

}  // namespace delivsim::gui
