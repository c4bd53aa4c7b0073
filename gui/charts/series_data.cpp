#include "gui/charts/series_data.h"

#include <cmath>

namespace delivsim::gui {

std::vector<double> column_values(const Timeseries& series, const std::string& name) {
  const int column = series.column_index(name);
  if (column < 0) return {};
  std::vector<double> values;
  values.reserve(series.rows.size());
  for (const std::vector<double>& row : series.rows) values.push_back(row[static_cast<std::size_t>(column)]);
  return values;
}

QList<QPointF> to_points(const Timeseries& series, const std::vector<double>& values, const TimeScale& scale,
                         double offset_s, double factor) {
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(values.size()));
  for (std::size_t row = 0; row < values.size() && row < series.rows.size(); ++row) {
    if (!std::isfinite(values[row])) continue;
    points.append(QPointF(scale.at(series.rows[row][0] + offset_s), values[row] * factor));
  }
  return points;
}

double interval_hours(const Timeseries& series) {
  return to_seconds(series.interval) / 3600.0;
}

QString per_interval_title(const Timeseries& series) {
  const double hours = interval_hours(series);
  if (hours == 1) return QStringLiteral("Per hour");
  if (hours == 24) return QStringLiteral("Per day");
  return QStringLiteral("Per %1 h").arg(hours, 0, 'g', 3);
}

SeriesColumns series_columns(const Timeseries& series) {
  return [&series](const std::string& column) -> std::optional<std::vector<double>> {
    if (series.column_index(column) < 0) return std::nullopt;
    return column_values(series, column);
  };
}

}  // namespace delivsim::gui
