#include "gui/charts/attempts_chart.h"

#include <algorithm>
#include <numeric>

#include "gui/charts/series_data.h"
#include "gui/figures/chart_palette.h"

namespace delivsim::gui {

namespace {

/// One layer of the stack: its name, colour and per-row counts summed over providers.
struct Layer {
  QString name;
  QColor color;
  std::vector<double> counts;
};

void add_column(const Timeseries& series, const std::string& column, std::vector<double>& sums) {
  const auto values = column_values(series, column);
  for (std::size_t row = 0; row < values.size(); ++row) sums[row] += values[row];
}

/// Delivered, then each deferral reply that occurred (in column order), then bounced.
std::vector<Layer> layers_of(const RunResult& run) {
  const Timeseries& series = run.timeseries;
  const std::size_t rows = series.rows.size();
  Layer delivered{QStringLiteral("delivered"), delivered_color(), std::vector<double>(rows, 0.0)};
  Layer bounced{QStringLiteral("bounced"), bounced_color(), std::vector<double>(rows, 0.0)};
  std::vector<Layer> deferred;
  for (const ProviderResult& provider : run.providers) {
    add_column(series, provider.name + ".delivered", delivered.counts);
    add_column(series, provider.name + ".bounced", bounced.counts);
    const std::string prefix = provider.name + ".deferred[";
    for (const SeriesColumn& column : series.columns) {
      if (!column.name.starts_with(prefix)) continue;
      const QString key =
          QString::fromStdString(column.name.substr(prefix.size(), column.name.size() - prefix.size() - 1));
      auto layer =
          std::find_if(deferred.begin(), deferred.end(), [&](const Layer& l) { return l.name == key; });
      if (layer == deferred.end())
        layer = deferred.insert(deferred.end(), {key, reply_color(key), std::vector<double>(rows, 0.0)});
      add_column(series, column.name, layer->counts);
    }
  }
  std::vector<Layer> layers{delivered};
  for (Layer& layer : deferred) {
    if (std::accumulate(layer.counts.begin(), layer.counts.end(), 0.0) > 0)
      layers.push_back(std::move(layer));
  }
  if (std::accumulate(bounced.counts.begin(), bounced.counts.end(), 0.0) > 0)
    layers.push_back(std::move(bounced));
  return layers;
}

}  // namespace

AttemptsChart::AttemptsChart(QWidget* parent)
    : RunChart(QStringLiteral("SMTP attempts by outcome (all providers)"), QStringLiteral("Per hour"),
               parent) {
  setObjectName("attempts");
}

void AttemptsChart::drawRun(const RunResult& run, bool pinned, const ChartRuns& /*runs*/) {
  if (!pinned) valueAxis()->setTitleText(per_interval_title(run.timeseries));
  std::vector<double> base(run.timeseries.rows.size(), 0.0);
  QList<QPointF> lower = to_points(run.timeseries, base, scale());
  for (const Layer& layer : layers_of(run)) {
    for (std::size_t row = 0; row < base.size(); ++row) base[row] += layer.counts[row];
    const QList<QPointF> upper = to_points(run.timeseries, base, scale());
    if (pinned) {
      line("attempts:" + layer.name, layer.name, layer.color, upper, true);
    } else {
      QColor fill = layer.color;
      fill.setAlpha(220);
      area("attempts:" + layer.name, layer.name, fill, upper, lower);
    }
    lower = upper;
  }
}

}  // namespace delivsim::gui
