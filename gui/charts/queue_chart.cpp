#include "gui/charts/queue_chart.h"

#include "gui/charts/series_data.h"
#include "gui/figures/chart_palette.h"

namespace delivsim::gui {

QueueChart::QueueChart(QWidget* parent)
    : RunChart(QStringLiteral("Queue depth per provider"), QStringLiteral("Messages"), parent) {
  setObjectName("queue-depth");
}

void QueueChart::drawRun(const RunResult& run, bool pinned, const ChartRuns& /*runs*/) {
  const double interval_s = to_seconds(run.timeseries.interval);
  for (std::size_t i = 0; i < run.providers.size(); ++i) {
    const std::string& name = run.providers[i].name;
    const auto values = column_values(run.timeseries, name + ".queue");
    line(QString::fromStdString("queue:" + name), QString::fromStdString(name), provider_color(i),
         to_points(run.timeseries, values, scale(), interval_s), pinned);
  }
}

}  // namespace delivsim::gui
