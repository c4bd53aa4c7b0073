#include "gui/charts/strategies_chart.h"

#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "gui/charts/chart_font.h"
#include "gui/charts/chart_frame.h"
#include "gui/charts/series_data.h"
#include "gui/charts/time_scale.h"
#include "sim/batch/aggregate_summary.h"
#include "sim/output/chart_palette.h"
#include "sim/output/duration_format.h"

namespace delivsim::gui {

namespace {

constexpr double kPercent = 100.0;

/// A chart title and value-axis title per StrategySeries.
struct SeriesText {
  QString name;
  QString title;
  QString y_title;
};

SeriesText series_text(StrategySeries shown) {
  switch (shown) {
    case StrategySeries::Queue:
      return {QStringLiteral("Queue depth"), QStringLiteral("Queue depth, all providers"),
              QStringLiteral("Messages")};
    case StrategySeries::DeliveredShare:
      return {QStringLiteral("Delivered share"), QStringLiteral("Delivered so far, share of injected"),
              QStringLiteral("Delivered (%)")};
    case StrategySeries::DeferralShare:
      return {QStringLiteral("Deferral share"), QStringLiteral("Deferral share per interval, all providers"),
              QStringLiteral("Deferred / attempts (%)")};
  }
  return {};
}

/// The sum over `providers` of the band column "<provider>.<figure>_mean", per row.
std::vector<double> provider_sum(const Timeseries& bands, const std::vector<ProviderResult>& providers,
                                 const std::string& figure) {
  std::vector<double> total(bands.rows.size(), 0.0);
  for (const ProviderResult& provider : providers) {
    const std::vector<double> values = column_values(bands, provider.name + "." + figure + "_mean");
    for (std::size_t row = 0; row < values.size(); ++row) total[row] += values[row];
  }
  return total;
}

/// What `shown` draws for `strategy`, per row of `bands`; NaN where it has no value.
std::vector<double> strategy_values(const StrategyOutcome& strategy, const Timeseries& bands,
                                    StrategySeries shown) {
  const std::vector<ProviderResult>& providers = strategy.replications.front().providers;
  switch (shown) {
    case StrategySeries::Queue:
      return provider_sum(bands, providers, "queue");
    case StrategySeries::DeliveredShare: {
      double injected = 0;
      for (const RunResult& run : strategy.replications) injected += static_cast<double>(run.totals.injected);
      injected /= static_cast<double>(strategy.replications.size());
      std::vector<double> share = provider_sum(bands, providers, "delivered");
      double delivered = 0;
      for (double& value : share) {
        delivered += value;
        value = injected > 0 ? delivered / injected * kPercent : std::numeric_limits<double>::quiet_NaN();
      }
      return share;
    }
    case StrategySeries::DeferralShare: {
      const std::vector<double> deferred = provider_sum(bands, providers, "deferred");
      std::vector<double> share = provider_sum(bands, providers, "attempts");
      for (std::size_t row = 0; row < share.size(); ++row) {
        share[row] =
            share[row] > 0 ? deferred[row] / share[row] * kPercent : std::numeric_limits<double>::quiet_NaN();
      }
      return share;
    }
  }
  return {};
}

}  // namespace

QStringList strategy_series_names() {
  QStringList names;
  for (const StrategySeries shown :
       {StrategySeries::Queue, StrategySeries::DeliveredShare, StrategySeries::DeferralShare}) {
    names << series_text(shown).name;
  }
  return names;
}

StrategiesChart::StrategiesChart(QWidget* parent) : QChartView(parent) {
  setObjectName("strategies-chart");
  frame_chart(*this, Qt::AlignBottom);
  setMinimumSize(300, 220);  // tall enough for whole tick labels
}

void StrategiesChart::clearChart() {
  clear_chart(*chart());
}

void StrategiesChart::plot(const CompareResult& result, StrategySeries shown, Duration simulated) {
  clearChart();
  const SeriesText text = series_text(shown);
  const TimeScale scale = time_scale_for(simulated);
  scale_ = scale;
  start_date_ = result.start_date;
  auto* time = new QValueAxis;
  auto* value = new QValueAxis;
  for (QValueAxis* axis : {time, value}) {
    axis->setLabelsFont(chart_font(font(), 8));
    axis->setTitleFont(chart_font(font(), 8.5));
    axis->setGridLineColor(QColor(0xe4e4e4));
    axis->setLabelFormat("%g");
  }
  const double end = scale.at(to_seconds(simulated));
  time->setTitleText(scale.title);
  time->setRange(0, end);
  time->setTickType(QValueAxis::TicksDynamic);
  time->setTickAnchor(0);
  time->setTickInterval(scale.tick_step(end));
  value->setTitleText(text.y_title);
  chart()->addAxis(time, Qt::AlignBottom);
  chart()->addAxis(value, Qt::AlignLeft);
  const bool percent = shown != StrategySeries::Queue;
  percent_ = percent;
  double top = 0;
  for (std::size_t s = 0; s < result.strategies.size(); ++s) {
    const StrategyOutcome& strategy = result.strategies[s];
    const Timeseries bands = timeseries_bands(strategy.replications);
    // Queue depth and the delivered share hold at the end of an interval; a deferral share over it.
    const double offset_s = shown == StrategySeries::DeferralShare ? 0 : to_seconds(bands.interval);
    const QList<QPointF> points = to_points(bands, strategy_values(strategy, bands, shown), scale, offset_s);
    for (const QPointF& point : points) top = std::max(top, point.y());
    auto* line = new QLineSeries;
    line->setName(QString::fromStdString(strategy.name));
    line->setPen(QPen(QColor(series_rgb(s)), 2.0));
    line->replace(points);
    chart()->addSeries(line);
    line->attachAxis(time);
    line->attachAxis(value);
    connect(line, &QLineSeries::hovered, this, [this, line](const QPointF& at, bool inside) {
      if (!inside) return QToolTip::hideText();
      QToolTip::showText(QCursor::pos(), readout(line->name(), at), this);
    });
  }
  value->setRange(0, percent ? kPercent : std::max(1.0, top * 1.05));
  if (!percent) value->applyNiceNumbers();
  const QString replications = result.replications == 1
                                   ? QString()
                                   : QStringLiteral(" (mean of %1 replications)").arg(result.replications);
  chart()->setTitle(text.title + replications);
}

QString StrategiesChart::readout(const QString& line, const QPointF& at) const {
  const double seconds = at.x() * scale_.seconds_per_unit;
  const QString figure =
      percent_ ? QString::number(at.y(), 'f', 1) + "%" : QString::number(std::lround(at.y()));
  const QString elapsed = QString::fromStdString(format_elapsed(seconds));
  return QStringLiteral("%1: %2 at %3")
      .arg(line, figure,
           start_date_.empty() ? elapsed + " from the start"
                               : calendar_time(start_date_, seconds) + " (" + elapsed + ")");
}

QStringList StrategiesChart::lineNames() const {
  QStringList names;
  for (const QAbstractSeries* series : chart()->series()) names << series->name();
  return names;
}

}  // namespace delivsim::gui
