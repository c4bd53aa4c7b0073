#pragma once
/// @file Saving results: the charts as PNG (at twice their size) and SVG images carrying the scenario and the
/// A/B key, the run as summary.json and timeseries.csv (written by the project's writers) with the scenario's
/// YAML, and the pinned run A beside it. Nothing delivsim did not write is overwritten (ExportFolder).
#include <QString>
#include <QStringList>
#include <vector>

#include "gui/charts/run_chart.h"
#include "gui/figures/pinned_run.h"

namespace delivsim::gui {

/// The line above each exported chart image.
struct ImageCaption {
  QString scenario;      ///< what ran, e.g. the document's display name "whatif-100k.yaml"
  QString pinned_label;  ///< A's label (PinnedRun::label) when a run is pinned: the image carries the A/B key
};

/// The device pixel ratio of exported PNG images: a chart of 500 x 300 is saved as 1000 x 600 pixels (plus
/// the caption).
inline constexpr int kImagePixelRatio = 2;

/// One chart to save and the line above it.
struct ChartImage {
  QChartView* chart;
  ImageCaption caption;
};

/// `charts`, each headed by `caption`.
std::vector<ChartImage> captioned(const std::vector<RunChart*>& charts, const ImageCaption& caption);

/// Saves each image's chart as "<its object name>.png" and "<its object name>.svg" in `folder`, headed by
/// its caption. Returns the paths written; throws std::runtime_error naming a file that exists and delivsim
/// did not write (then nothing is written) or that could not be written.
QStringList export_chart_images(const std::vector<ChartImage>& images, const QString& folder);

/// Writes summary.json, timeseries.csv and scenario.yaml (`yaml`, the document's text) for `result` into
/// `folder`; when `pinned` is set, the same three for A (its result and PinnedRun::yaml) into `folder`/A/.
/// Other files there are left alone. Returns the paths written; throws std::runtime_error as
/// export_chart_images() does.
QStringList export_run_files(const RunResult& result, const QString& yaml, const PinnedRun* pinned,
                             const QString& folder);

}  // namespace delivsim::gui
