#pragma once
/// @file Reading the run's time series for the charts: columns by name, as points on the time axis.
#include <QList>
#include <QPointF>
#include <QString>
#include <string>
#include <vector>

#include "gui/time_scale.h"
#include "sim/output/run_result.h"

namespace delivsim::gui {

/// The values of column `name`, one per row; empty when the series has no such column.
std::vector<double> column_values(const Timeseries& series, const std::string& name);

/// `values` (one per row) as points: x is the row's interval start plus `offset_s` seconds in `scale`
/// units, y is the value times `factor`. Non-finite values are left out.
QList<QPointF> to_points(const Timeseries& series, const std::vector<double>& values, const TimeScale& scale,
                         double offset_s = 0, double factor = 1);

/// Length of one time-series interval, hours.
double interval_hours(const Timeseries& series);

/// The column name of one of an identity's figures ("score", "tier", "spam_rate", "quota_per_hour",
/// "accepted"), e.g. "gmail.ip[203.0.113.10].score".
std::string identity_column(const IdentityResult& identity, const std::string& figure);

/// "ip 203.0.113.10", "dkim news.example.com".
QString identity_label(const IdentityResult& identity);

/// Identities of one provider whose series are identical (a domain used for both DKIM and SPF), shown as
/// one: `label` names them all ("dkim+spf news.example.com"), `identity` is the first.
struct IdentityGroup {
  const IdentityResult* identity = nullptr;
  QString label;
};

/// The identities of `provider` in `run`, identical ones merged, in the order of RunResult::identities.
std::vector<IdentityGroup> identity_groups(const RunResult& run, const std::string& provider);

}  // namespace delivsim::gui
