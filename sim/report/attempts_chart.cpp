#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/report/run_charts.h"

namespace delivsim::report {

namespace {

/// Opacity of a stacked layer.
constexpr double kLayerOpacity = 0.85;

/// One layer of the stack: its name, colour and per-row counts summed over providers.
struct Layer {
  std::string name;
  RgbColor color;
  std::vector<double> counts;
};

void add_column(const RunSeries& series, const std::string& column, std::vector<double>& sums) {
  const std::vector<double> values = series.values_or_zero(column);
  for (std::size_t row = 0; row < values.size() && row < sums.size(); ++row) {
    if (std::isfinite(values[row])) sums[row] += values[row];
  }
}

bool any_count(const Layer& layer) {
  return std::accumulate(layer.counts.begin(), layer.counts.end(), 0.0) > 0;
}

/// Delivered, then each deferral reply that occurred (in column order), then bounced when any.
std::vector<Layer> layers_of(const RunView& view) {
  const std::size_t rows = view.series.t_s.size();
  Layer delivered{"delivered", delivered_rgb(), std::vector<double>(rows, 0.0)};
  Layer bounced{"bounced", bounced_rgb(), std::vector<double>(rows, 0.0)};
  std::vector<Layer> deferred;
  for (const ProviderResult& provider : view.run.providers) {
    add_column(view.series, provider.name + ".delivered", delivered.counts);
    add_column(view.series, provider.name + ".bounced", bounced.counts);
    const std::string prefix = provider.name + ".deferred[";
    for (const std::string& column : view.series.names) {
      if (!column.starts_with(prefix) || !column.ends_with("]")) continue;
      const std::string key = column.substr(prefix.size(), column.size() - prefix.size() - 1);
      auto layer =
          std::find_if(deferred.begin(), deferred.end(), [&](const Layer& l) { return l.name == key; });
      if (layer == deferred.end()) {
        layer = deferred.insert(deferred.end(), {key, reply_rgb(key), std::vector<double>(rows, 0.0)});
      }
      add_column(view.series, column, layer->counts);
    }
  }
  std::vector<Layer> layers{delivered};
  for (Layer& layer : deferred) {
    if (any_count(layer)) layers.push_back(std::move(layer));
  }
  if (any_count(bounced)) layers.push_back(std::move(bounced));
  return layers;
}

}  // namespace

std::string attempts_chart_svg(const RunView& view, const TimeAxis& time) {
  const std::vector<Layer> layers = layers_of(view);
  std::vector<double> top(view.series.t_s.size(), 0.0);
  for (const Layer& layer : layers) {
    for (std::size_t row = 0; row < top.size(); ++row) top[row] += layer.counts[row];
  }
  const double most = top.empty() ? 0 : *std::max_element(top.begin(), top.end());
  const std::string title = view.series.columns.empty() || !view.series.columns.begin()->second.has_band()
                                ? "SMTP attempts by outcome (all providers)"
                                : "SMTP attempts by outcome (all providers, replication means)";
  SvgChart chart("chart-attempts", title, time.axis,
                 value_axis("Attempts " + per_interval(view.series.interval_s), most));
  std::vector<double> base(view.series.t_s.size(), 0.0);
  std::vector<ChartPoint> lower = series_points(view.series, base, time);
  for (const Layer& layer : layers) {
    for (std::size_t row = 0; row < base.size(); ++row) base[row] += layer.counts[row];
    const std::vector<ChartPoint> upper = series_points(view.series, base, time);
    chart.area(upper, lower, layer.color, kLayerOpacity);
    chart.legend(layer.name, layer.color, LegendMark::Box);
    lower = upper;
  }
  return chart.svg();
}

}  // namespace delivsim::report
