#include "gui/charts/chart_frame.h"

#include "gui/charts/chart_font.h"

namespace delivsim::gui {

void frame_chart(QChartView& view, Qt::Alignment legend_side) {
  QChart* chart = view.chart();
  chart->setTitleFont(chart_font(view.font(), 10, true));
  chart->setMargins(QMargins(4, 4, 4, 4));
  chart->setBackgroundRoundness(0);
  chart->legend()->setAlignment(legend_side);
  chart->legend()->setFont(chart_font(view.font(), 8));
  view.setRenderHint(QPainter::Antialiasing);
}

void clear_chart(QChart& chart) {
  chart.removeAllSeries();
  for (QAbstractAxis* axis : chart.axes()) {
    chart.removeAxis(axis);
    delete axis;
  }
  chart.setTitle(QString());
}

}  // namespace delivsim::gui
