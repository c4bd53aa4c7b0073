#include "gui/series_data.h"

#include <algorithm>
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

std::string identity_column(const IdentityResult& identity, const std::string& figure) {
  return identity.provider + "." + std::string(identity_kind_name(identity.kind)) + "[" + identity.id + "]." +
         figure;
}

QString identity_label(const IdentityResult& identity) {
  return QString::fromStdString(std::string(identity_kind_name(identity.kind)) + " " + identity.id);
}

std::vector<IdentityGroup> identity_groups(const RunResult& run, const std::string& provider) {
  static const std::vector<std::string> kFigures{"score", "spam_rate", "quota_per_hour", "accepted"};
  const auto same_series = [&](const IdentityResult& a, const IdentityResult& b) {
    return std::all_of(kFigures.begin(), kFigures.end(), [&](const std::string& figure) {
      return column_values(run.timeseries, identity_column(a, figure)) ==
             column_values(run.timeseries, identity_column(b, figure));
    });
  };
  std::vector<IdentityGroup> groups;
  std::vector<std::string> kinds;  // per group: "dkim+spf"
  for (const IdentityResult& identity : run.identities) {
    if (identity.provider != provider) continue;
    const std::string kind(identity_kind_name(identity.kind));
    const auto same = std::find_if(groups.begin(), groups.end(), [&](const IdentityGroup& group) {
      return group.identity->id == identity.id && same_series(*group.identity, identity);
    });
    if (same == groups.end()) {
      groups.push_back({&identity, identity_label(identity)});
      kinds.push_back(kind);
      continue;
    }
    std::string& merged = kinds[static_cast<std::size_t>(same - groups.begin())];
    merged += "+" + kind;
    same->label = QString::fromStdString(merged + " " + identity.id);
  }
  return groups;
}

}  // namespace delivsim::gui
