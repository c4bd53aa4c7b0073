#pragma once
/// @file Saving results: the charts as PNG images, the run as summary.json and timeseries.csv (written by
/// the project's writers).
#include <QString>
#include <QStringList>
#include <vector>

#include "gui/run_chart.h"

namespace delivsim::gui {

/// Saves each chart as "<its object name>.png" in `folder`. Returns the paths written; throws
/// std::runtime_error naming the first file that could not be written.
QStringList export_chart_images(const std::vector<RunChart*>& charts, const QString& folder);

/// Writes summary.json and timeseries.csv for `result` into `folder` (other files there are left alone).
/// Returns the paths written; throws std::runtime_error naming a file that could not be written.
QStringList export_run_files(const RunResult& result, const QString& folder);

}  // namespace delivsim::gui
