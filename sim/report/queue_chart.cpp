#include <algorithm>

#include "sim/report/run_charts.h"

namespace delivsim::report {

std::string queue_chart_svg(const RunView& view, const TimeAxis& time) {
  double most = 0;
  for (const ProviderResult& provider : view.run.providers) {
    if (const SeriesValues* queue = view.series.find(provider.name + ".queue")) {
      most = std::max(most, column_max(*queue));
    }
  }
  SvgChart chart("chart-queue", "Queue depth per provider", time.axis, value_axis("Messages queued", most));
  for (std::size_t i = 0; i < view.run.providers.size(); ++i) {
    const std::string& name = view.run.providers[i].name;
    const SeriesValues* queue = view.series.find(name + ".queue");
    if (!queue) continue;
    // The queue is a snapshot at the end of each interval.
    draw_column(chart, view.series, *queue, time, provider_rgb(i), view.series.interval_s);
    chart.legend(name, provider_rgb(i));
  }
  return chart.svg();
}

}  // namespace delivsim::report
