#include "gui/figures/chart_palette.h"

#include <array>

#include "sim/output/chart_palette.h"

namespace delivsim::gui {

namespace {

// Neutral greys, one near black, one mid grey: the shared palette's colours all have hue but an identity's
// 0x7f7f7f and reply 421 4.3.0's warm 0xbab0ac, which A's dashes keep apart from these.
constexpr std::array<QRgb, 2> kPinnedGreys{0x2b2b2b, 0x999999};
constexpr std::array<Qt::PenStyle, 3> kPinnedStyles{Qt::DashLine, Qt::DashDotLine, Qt::DashDotDotLine};

}  // namespace

QColor provider_color(std::size_t index) {
  return QColor(QRgb{provider_rgb(index)});
}

QColor identity_color(std::size_t index) {
  return QColor(QRgb{identity_rgb(index)});
}

QColor reply_color(const QString& reply_key) {
  return QColor(QRgb{reply_rgb(reply_key.toStdString())});
}

QColor delivered_color() {
  return QColor(QRgb{delivered_rgb()});
}

QColor bounced_color() {
  return QColor(QRgb{bounced_rgb()});
}

QColor tier_color(Tier tier) {
  return QColor(QRgb{tier_rgb(tier)});
}

QColor good_color() {
  return QColor(QRgb{good_rgb()});
}

QColor warning_color() {
  return QColor(QRgb{warning_rgb()});
}

QColor bad_color() {
  return QColor(QRgb{bad_rgb()});
}

QColor pinned_color(std::size_t index) {
  return QColor(kPinnedGreys[index % kPinnedGreys.size()]);
}

Qt::PenStyle pinned_pen_style(std::size_t index) {
  return kPinnedStyles[(index / kPinnedGreys.size()) % kPinnedStyles.size()];
}

}  // namespace delivsim::gui
