#include "gui/charts/sweep_objective_chart.h"

#include <QBarCategoryAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <optional>

#include "gui/charts/chart_font.h"
#include "gui/charts/chart_frame.h"
#include "sim/batch/sweep_table.h"
#include "sim/output/chart_palette.h"
#include "sim/output/days_axis.h"
#include "sim/output/headline.h"

namespace delivsim::gui {

namespace {

constexpr double kPercent = 100.0;
constexpr double kSecondsPerHour = 3600.0;
constexpr double kSecondsPerDay = 86400.0;
const QColor kInfeasibleColor(0x999999);

/// The value axis's unit: values are divided by `divisor` and the title ends with `unit`.
struct ValueUnit {
  double divisor = 1;
  QString unit;
};

/// The value the chart shows for `point`: its objective, or its delivered share without an objective.
std::optional<double> shown_value(const SweepResult& result, const SweepPoint& point) {
  if (result.objective) return point.objective;
  static const std::size_t delivered = *headline_figure_index("delivered_share");
  return point.figures[delivered].mean;
}

/// Spans in hours or days, rates and shares in percent, anything else as it is.
ValueUnit value_unit(const SweepResult& result, double top) {
  if (!result.objective) return {1 / kPercent, QStringLiteral(" (%)")};
  const std::string& field = result.objective->figure.field;
  if (field.ends_with("_s") || field.find("_s.") != std::string::npos) {
    return time_axis_in_days(top) ? ValueUnit{kSecondsPerDay, QStringLiteral(" (days)")}
                                  : ValueUnit{kSecondsPerHour, QStringLiteral(" (hours)")};
  }
  if (field.ends_with("_rate") || field.ends_with("_share")) return {1 / kPercent, QStringLiteral(" (%)")};
  return {};
}

/// The settings of the axes after the first, "retry_after = 30m, ..."; empty with one axis.
QString line_label(const SweepResult& result, const SweepPoint& point) {
  const std::vector<std::string> headings = sweep_axis_headings(result.axes);
  QStringList parts;
  for (std::size_t a = 1; a < point.settings.size(); ++a) {
    parts << QString::fromStdString(headings[a] + " = " + point.settings[a].second);
  }
  return parts.join(QStringLiteral(", "));
}

}  // namespace

SweepObjectiveChart::SweepObjectiveChart(QWidget* parent) : QChartView(parent) {
  setObjectName("sweep-chart");
  frame_chart(*this, Qt::AlignRight);
  setMinimumSize(300, 220);  // tall enough for whole tick labels
}

void SweepObjectiveChart::clearChart() {
  clear_chart(*chart());
  lines_.clear();
}

void SweepObjectiveChart::plot(const SweepResult& result) {
  clearChart();
  if (result.axes.empty()) return;
  const SweepAxis& first = result.axes.front();
  double low = 0, top = 0;
  bool any = false;
  for (const SweepPoint& point : result.points) {
    if (const std::optional<double> value = shown_value(result, point)) {
      low = any ? std::min(low, *value) : *value;
      top = any ? std::max(top, *value) : *value;
      any = true;
    }
  }
  const ValueUnit unit = value_unit(result, top);
  auto* categories = new QBarCategoryAxis;
  for (const std::string& value : first.values) categories->append(QString::fromStdString(value));
  const std::vector<std::string> headings = sweep_axis_headings(result.axes);
  categories->setTitleText(QString::fromStdString(headings.front()));
  auto* values = new QValueAxis;
  const QString figure = result.objective ? QString::fromStdString(result.objective->figure_text)
                                          : QStringLiteral("Delivered share");
  // The title names the whole figure; the axis its last key ("time_to_drain_s (days)"), which fits.
  values->setTitleText(figure.section('.', -1) + unit.unit);
  for (QAbstractAxis* axis : std::initializer_list<QAbstractAxis*>{categories, values}) {
    axis->setLabelsFont(chart_font(font(), 8));
    axis->setTitleFont(chart_font(font(), 8.5));
  }
  chart()->addAxis(categories, Qt::AlignBottom);
  chart()->addAxis(values, Qt::AlignLeft);
  const auto attach = [&](QXYSeries* series) {
    chart()->addSeries(series);
    series->attachAxis(categories);
    series->attachAxis(values);
  };

  std::vector<QLineSeries*> lines;
  auto* infeasible = new QScatterSeries;
  infeasible->setName(QStringLiteral("broke a constraint"));
  infeasible->setColor(kInfeasibleColor);
  infeasible->setBorderColor(kInfeasibleColor);
  infeasible->setMarkerSize(9);
  auto* best = new QScatterSeries;
  best->setName(QStringLiteral("best"));
  best->setColor(Qt::transparent);
  best->setBorderColor(Qt::black);
  best->setMarkerSize(15);
  for (std::size_t p = 0; p < result.points.size(); ++p) {
    const SweepPoint& point = result.points[p];
    const std::optional<double> value = shown_value(result, point);
    const auto at = std::find(first.values.begin(), first.values.end(), point.settings.front().second);
    if (!value || at == first.values.end()) continue;
    const QPointF chart_point(static_cast<double>(at - first.values.begin()), *value / unit.divisor);
    const QString label = line_label(result, point);
    const qsizetype index = lines_.indexOf(label);
    if (index < 0) {
      auto* line = new QLineSeries;
      line->setName(label.isEmpty() ? figure : label);
      line->setPen(QPen(QColor(series_rgb(lines.size())), 2.0));
      line->setPointsVisible(true);
      lines.push_back(line);
      lines_ << label;
    }
    lines[static_cast<std::size_t>(index < 0 ? lines_.size() - 1 : index)]->append(chart_point);
    if (!point.failed_constraints.empty()) infeasible->append(chart_point);
    if (result.best == p) best->append(chart_point);
  }
  for (QLineSeries* line : lines) attach(line);
  if (infeasible->count() > 0) {
    attach(infeasible);
  } else {
    delete infeasible;
  }
  if (best->count() > 0) {
    attach(best);
  } else {
    delete best;
  }
  // The range of the values, not from zero: the differences between points are what matters.
  const double shown_low = low / unit.divisor, shown_top = top / unit.divisor;
  const double margin =
      shown_top > shown_low ? (shown_top - shown_low) * 0.05 : std::max(1.0, std::abs(shown_top) * 0.05);
  values->setRange(shown_low - margin, shown_top + margin);
  values->applyNiceNumbers();
  const QString goal = !result.objective                                     ? QString()
                       : result.objective->goal == Objective::Goal::Minimize ? QStringLiteral("minimize ")
                                                                             : QStringLiteral("maximize ");
  chart()->setTitle(
      QStringLiteral("Sweep: %1%2 by %3")
          .arg(goal, result.objective ? figure : figure.toLower(), QString::fromStdString(headings.front())));
}

}  // namespace delivsim::gui
