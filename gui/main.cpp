// delivsim-gui: the what-if desktop. `delivsim-gui [FILE.yaml]` opens a window;
// `delivsim-gui --screenshot OUT.png [--size WxH] FILE.yaml` renders one run to an image and exits.
#include <QApplication>
#include <QTextStream>

#include "gui/command_line.h"
#include "gui/main_window.h"
#include "gui/screenshot.h"
#include "gui/shipped_files.h"
#include "sim/world/rerun_memory.h"

namespace {

constexpr int kExitUsage = 2;

}  // namespace

int main(int argc, char** argv) {
  delivsim::keep_freed_memory_for_reruns();  // every knob change re-runs the scenario
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("delivsim-gui"));
  QApplication::setApplicationVersion(delivsim::gui::delivsim_version());
  QGuiApplication::setDesktopFileName(QStringLiteral("delivsim-gui"));  // packaging/delivsim-gui.desktop
  QString error;
  const auto options = delivsim::gui::parse_command_line(QApplication::arguments(), &error);
  if (!options) {
    QTextStream(stderr) << "delivsim-gui: " << error << "\n";
    return kExitUsage;
  }
  if (!options->screenshot.isEmpty()) {
    return delivsim::gui::render_screenshot(options->file, options->screenshot, options->size);
  }
  delivsim::gui::MainWindow window;
  if (!window.restoreLayout() || options->size_given) window.resize(options->size);
  if (!options->file.isEmpty() && !window.openFile(options->file)) {
    QTextStream(stderr) << "delivsim-gui: " << window.scenarioStatus() << "\n";  // the start screen is shown
  }
  window.show();
  return QApplication::exec();
}
