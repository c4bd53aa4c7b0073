#include "gui/charts/reputation_chart.h"

#include <QLegendMarker>
#include "gui/charts/series_data.h"
#include "gui/figures/chart_palette.h"
#include "gui/figures/headline.h"
#include "models/identity_reputation.h"

namespace delivsim::gui {

ReputationChart::ReputationChart(QWidget* parent)
    : RunChart(QStringLiteral("Reputation score per identity"), QStringLiteral("Score"), parent),
      tier_axis_(new QCategoryAxis) {
  setObjectName("reputation");
  tier_axis_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
  tier_axis_->setLabelsFont(valueAxis()->labelsFont());
  tier_axis_->setGridLineVisible(false);
  tier_axis_->setRange(0, 1);
  chart()->addAxis(tier_axis_, Qt::AlignRight);
}

void ReputationChart::decorate(const ChartRuns& runs) {
  const ReceiverParams& params = provider_params(*runs.scenario, runs.provider);
  const double end = scale().at(to_seconds(runs.current->simulated));
  const std::array<double, 3> bounds{params.tier_low_min, params.tier_medium_min, params.tier_high_min};
  const bool relabel = bounds != tier_bounds_;  // the axis relayouts on every change: only when needed
  if (relabel) {
    for (const QString& label : tier_axis_->categoriesLabels()) tier_axis_->remove(label);
    tier_bounds_ = bounds;
  }
  for (const TierScoreBand& band : tier_score_bands(params)) {
    const QString name = QString::fromStdString(std::string(tier_name(band.tier)));
    QColor fill = tier_color(band.tier);
    fill.setAlpha(45);
    QAreaSeries* series = area("band:" + name, name, fill, {QPointF(0, band.high), QPointF(end, band.high)},
                               {QPointF(0, band.low), QPointF(end, band.low)}, tier_axis_);
    for (QLegendMarker* marker : chart()->legend()->markers(series)) marker->setVisible(false);
    if (relabel) tier_axis_->append(name, band.high);
  }
  fixY(0, 1);
}

void ReputationChart::drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) {
  const double interval_s = to_seconds(run.timeseries.interval);
  const auto groups = identity_groups(run.identities, runs.provider, series_columns(run.timeseries));
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto values = column_values(run.timeseries, identity_column(*groups[i].identity, "score"));
    const QString label = QString::fromStdString(groups[i].label);
    line("score:" + label, label, identity_color(i), to_points(run.timeseries, values, scale(), interval_s),
         pinned);
  }
}

}  // namespace delivsim::gui
