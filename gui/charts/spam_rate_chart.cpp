#include "gui/charts/spam_rate_chart.h"

#include <QLegendMarker>

#include "gui/charts/series_data.h"
#include "gui/figures/chart_palette.h"
#include "gui/figures/headline.h"

namespace delivsim::gui {

namespace {

constexpr double kPercent = 100.0;

}  // namespace

SpamRateChart::SpamRateChart(QWidget* parent)
    : RunChart(QStringLiteral("Daily spam rate per identity (dotted: Google's limits)"),
               QStringLiteral("Percent"), parent) {
  setObjectName("spam-rate");
}

void SpamRateChart::decorate(const ChartRuns& runs) {
  const ReceiverParams& params = provider_params(*runs.scenario, runs.provider);
  const double end = scale().at(to_seconds(runs.current->simulated));
  const auto threshold = [&](const QString& key, double rate, const QString& what, const QColor& color) {
    const double y = rate * kPercent;
    QLineSeries* limit = line(key, QStringLiteral("%1: %2%").arg(what).arg(y, 0, 'g', 3), color,
                              {QPointF(0, y), QPointF(end, y)}, false, 1.5, Qt::DotLine);
    for (QLegendMarker* marker : chart()->legend()->markers(limit)) marker->setVisible(false);
  };
  threshold("spam:good", params.spam_rate_good, QStringLiteral("keep below"), warning_color());
  threshold("spam:bad", params.spam_rate_bad, QStringLiteral("never reach"), bad_color());
  includeY(params.spam_rate_bad * kPercent * 1.2);
}

void SpamRateChart::drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) {
  const double interval_s = to_seconds(run.timeseries.interval);
  const auto groups = identity_groups(run.identities, runs.provider, series_columns(run.timeseries));
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto values = column_values(run.timeseries, identity_column(*groups[i].identity, "spam_rate"));
    const QString label = QString::fromStdString(groups[i].label);
    line("spam:" + label, label, identity_color(i),
         to_points(run.timeseries, values, scale(), interval_s, kPercent), pinned);
  }
}

}  // namespace delivsim::gui
