#include "gui/screenshot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTextStream>

#include "gui/main_window.h"
#include "sim/world/run.h"
#include "sim/world/work_limits.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim::gui {

int render_screenshot(const QString& scenario_file, const QString& png_file, const QSize& size) {
  QTextStream err(stderr);
  MainWindow window;
  window.setAutoRun(false);
  window.resize(size);
  if (!window.openFile(scenario_file) || !window.document().valid()) {
    err << window.scenarioStatus() << "\n";
    return 2;
  }
  window.show();
  try {
    check_one_run_within_default_limits(*window.document().scenario());
  } catch (const ScenarioError& e) {
    err << e.what() << "\n";
    return 2;
  }
  try {
    QElapsedTimer clock;
    clock.start();
    const RunResult result = run_scenario(*window.document().scenario());
    window.showResult(result, static_cast<double>(clock.nsecsElapsed()) / 1e9);
  } catch (const std::exception& e) {
    err << "run failed: " << e.what() << "\n";
    return 1;
  }
  QApplication::processEvents();
  if (!window.grab().save(png_file, "PNG")) {
    err << png_file << ": cannot be written\n";
    return 1;
  }
  return 0;
}

}  // namespace delivsim::gui
