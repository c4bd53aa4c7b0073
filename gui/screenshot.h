#pragma once
/// @file `delivsim-gui --screenshot OUT.png FILE.yaml`: run a scenario and save the window as an image.
#include <QSize>
#include <QString>

namespace delivsim::gui {

/// Opens `scenario_file` in a window of `size`, runs it on this thread, renders the window to `png_file`.
/// Returns 0 on success, 2 when the scenario cannot be read or is invalid, 1 when the run or the image
/// fails; problems are printed on stderr.
int render_screenshot(const QString& scenario_file, const QString& png_file, const QSize& size);

}  // namespace delivsim::gui
