#include "gui/charts/chart_font.h"

namespace delivsim::gui {

QFont chart_font(QFont font, qreal points, bool bold) {
  font.setPointSizeF(points);
  font.setBold(bold);
  return font;
}

}  // namespace delivsim::gui
