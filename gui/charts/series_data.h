#pragma once
/// @file Reading the run's time series for the charts: columns by name, as points on the time axis.
#include <QList>
#include <QPointF>
#include <QString>
#include <string>
#include <vector>

#include "gui/charts/time_scale.h"
#include "sim/output/identity_groups.h"
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

/// The value-axis title of a count per interval: "Per hour", "Per day" or "Per <n> h".
QString per_interval_title(const Timeseries& series);

/// `series` read by column name, for identity_groups() (sim/output/identity_groups.h): column_values(), or
/// nullopt when there is no such column.
SeriesColumns series_columns(const Timeseries& series);

}  // namespace delivsim::gui
