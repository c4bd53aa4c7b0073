#include "gui/chart_palette.h"

#include "sim/output/chart_palette.h"

namespace delivsim::gui {

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

}  // namespace delivsim::gui
