#include "gui/figures/fit_label.h"

#include <QEvent>
#include <QFontMetricsF>
#include <algorithm>

namespace delivsim::gui {

namespace {

constexpr qreal kSmallestPointSize = 6.0;  ///< below this a figure is no longer readable: it is cut instead
constexpr qreal kPointSizeStep = 0.25;

}  // namespace

FitLabel::FitLabel(int minimum_width_px, QWidget* parent)
    : QLabel(parent), minimum_width_px_(minimum_width_px), full_font_(font()) {
  setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void FitLabel::setFitText(const QString& text) {
  setText(text);
  fit();
}

qreal FitLabel::shownPointSize() const {
  return font().pointSizeF();
}

QSize FitLabel::sizeHint() const {
  return minimumSizeHint();
}

QSize FitLabel::minimumSizeHint() const {
  const QMargins margins = contentsMargins();
  return {minimum_width_px_ + margins.left() + margins.right(),
          QFontMetrics(full_font_).height() + margins.top() + margins.bottom()};
}

void FitLabel::resizeEvent(QResizeEvent* event) {
  QLabel::resizeEvent(event);
  fit();
}

void FitLabel::changeEvent(QEvent* event) {
  QLabel::changeEvent(event);
  if (event->type() == QEvent::FontChange && !fitting_) {
    full_font_ = font();
    updateGeometry();
    fit();
  }
}

void FitLabel::fit() {
  const qreal room_px = contentsRect().width();
  QFont shown = full_font_;
  const qreal text_px = QFontMetricsF(shown).horizontalAdvance(text());
  if (text_px > room_px && text_px > 0) {
    // Scale by the ratio, then step down: glyph widths do not scale exactly with the point size.
    shown.setPointSizeF(std::max(kSmallestPointSize, shown.pointSizeF() * room_px / text_px));
    while (shown.pointSizeF() > kSmallestPointSize &&
           QFontMetricsF(shown).horizontalAdvance(text()) > room_px) {
      shown.setPointSizeF(std::max(kSmallestPointSize, shown.pointSizeF() - kPointSizeStep));
    }
  }
  if (shown == font()) return;
  fitting_ = true;
  setFont(shown);
  fitting_ = false;
}

}  // namespace delivsim::gui
