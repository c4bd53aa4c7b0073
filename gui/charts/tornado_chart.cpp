#include "gui/charts/tornado_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "gui/charts/chart_font.h"
#include "gui/charts/chart_frame.h"
#include "sim/output/headline.h"

namespace delivsim::gui {

namespace {

/// "warmup − cold-blast: delivered share" or, for the first strategy, "cold-blast: delivered share".
QString chart_title(const RobustResult& result, std::size_t strategy, std::size_t figure) {
  const std::string_view label = headline_figures()[figure].label;
  QString title = QString::fromStdString(result.strategies[strategy].name);
  if (strategy > 0) title += QStringLiteral(" \u2212 ") + QString::fromStdString(result.strategies[0].name);
  return title + QStringLiteral(": ") + QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
}

}  // namespace

TornadoChart::TornadoChart(QWidget* parent) : QChartView(parent) {
  setObjectName("robust-tornado");
  frame_chart(*this, Qt::AlignBottom);
  setMinimumSize(300, 260);
}

void TornadoChart::clearChart() {
  clear_chart(*chart());
  parameters_.clear();
}

void TornadoChart::plot(const RobustResult& result, std::size_t strategy, std::size_t figure) {
  clearChart();
  const std::vector<Sensitivity>& sensitivity = result.strategies[strategy].figures[figure].sensitivity;
  const QString title = chart_title(result, strategy, figure);
  if (sensitivity.empty()) {
    chart()->setTitle(title + QStringLiteral(" \u2014 no receiver parameter varies"));
    return;
  }
  const auto correlates = [](const Sensitivity& s) { return s.rank_correlation != 0; };
  if (std::none_of(sensitivity.begin(), sensitivity.end(), correlates)) {
    chart()->setTitle(title + QStringLiteral(" \u2014 hinges on no parameter (the same in every world)"));
    return;
  }
  const int worlds = static_cast<int>(result.design.values.size());
  const double noise = noise_rank_correlation(worlds);
  auto* beyond = new QBarSet(QStringLiteral("|\u03c1| \u2265 %1: beyond noise at %2 worlds")
                                 .arg(QString::number(noise, 'f', 2))
                                 .arg(worlds));
  auto* within = new QBarSet(QStringLiteral("within noise"));
  beyond->setColor(QColor(0x1565c0));
  within->setColor(QColor(0xb0b0b0));
  const std::size_t shown = std::min(kTornadoBars, sensitivity.size());
  // The bars name the parameter alone when every varied parameter is one provider's (the axis names it).
  const std::vector<VariedParam>& varied = result.design.varied;
  const bool one_provider = std::all_of(varied.begin(), varied.end(), [&](const VariedParam& param) {
    return param.provider == varied.front().provider;
  });
  QStringList categories;  // the bottom bar first: the least influential of those shown
  for (std::size_t i = shown; i-- > 0;) {
    const Sensitivity& s = sensitivity[i];
    const bool strong = std::abs(s.rank_correlation) >= noise;
    *beyond << (strong ? s.rank_correlation : 0.0);
    *within << (strong ? 0.0 : s.rank_correlation);
    const VariedParam& param = result.design.varied[s.param];
    categories << QString::fromStdString(one_provider ? param.param : param.label());
    parameters_.prepend(QString::fromStdString(param.label()));
  }
  auto* series = new QHorizontalStackedBarSeries;
  series->append(beyond);
  series->append(within);
  series->setBarWidth(0.7);
  chart()->addSeries(series);
  auto* names = new QBarCategoryAxis;
  names->append(categories);
  names->setLabelsFont(chart_font(font(), 8));
  auto* rho = new QValueAxis;
  rho->setRange(-1, 1);
  rho->setTickCount(5);
  rho->setLabelFormat("%.1f");
  rho->setLabelsFont(chart_font(font(), 8));
  rho->setTitleFont(chart_font(font(), 8.5));
  const QString of =
      one_provider ? QStringLiteral(" of %1's parameter").arg(QString::fromStdString(varied.front().provider))
                   : QString();
  rho->setTitleText(
      QStringLiteral("Spearman's \u03c1") + of +
      (strategy > 0 ? QStringLiteral(" with the difference") : QStringLiteral(" with the figure")));
  chart()->addAxis(names, Qt::AlignLeft);
  chart()->addAxis(rho, Qt::AlignBottom);
  series->attachAxis(names);
  series->attachAxis(rho);
  chart()->setTitle(title);
}

}  // namespace delivsim::gui
