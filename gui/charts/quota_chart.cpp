#include "gui/charts/quota_chart.h"

#include <QLegendMarker>

#include "gui/charts/series_data.h"
#include "gui/figures/chart_palette.h"

namespace delivsim::gui {

QuotaChart::QuotaChart(QWidget* parent)
    : RunChart(QStringLiteral("Accepted (solid) vs quota (dotted) per hour"), QStringLiteral("Msg / hour"),
               parent) {
  setObjectName("quota");
}

void QuotaChart::drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) {
  const double interval_s = to_seconds(run.timeseries.interval);
  const double per_hour = 1.0 / interval_hours(run.timeseries);
  const auto groups = identity_groups(run.identities, runs.provider, series_columns(run.timeseries));
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const IdentityResult& identity = *groups[i].identity;
    const QString label = QString::fromStdString(groups[i].label);
    const QColor color = identity_color(i);
    const auto quota = column_values(run.timeseries, identity_column(identity, "quota_per_hour"));
    QLineSeries* quota_line =
        line("quota:" + label, "quota " + label, color.lighter(130),
             to_points(run.timeseries, quota, scale(), interval_s), pinned, 1.5, Qt::DotLine);
    for (QLegendMarker* marker : chart()->legend()->markers(quota_line)) marker->setVisible(false);
    const auto accepted = column_values(run.timeseries, identity_column(identity, "accepted"));
    line("accepted:" + label, label, color, to_points(run.timeseries, accepted, scale(), 0, per_hour),
         pinned);
  }
}

}  // namespace delivsim::gui
