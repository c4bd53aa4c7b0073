#include "test_scenarios.h"

#include <QSignalSpy>

#include "gui/main_window.h"

namespace delivsim::gui::test {

QString shipped_scenario(const QString& name) {
  return QStringLiteral(DELIVSIM_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

QString whatif_scenario() {
  return shipped_scenario(QStringLiteral("whatif-100k"));
}

QString long_scenario() {
  return shipped_scenario(QStringLiteral("bench-10m"));
}

QString tiny_strategies_scenario() {
  return QStringLiteral(DELIVSIM_SOURCE_DIR) + "/tests/gui/tiny-strategies.yaml";
}

std::unique_ptr<MainWindow> window_with(const QString& file) {
  auto window = std::make_unique<MainWindow>();
  window->setAutoRun(false);
  if (!window->openFile(file)) return nullptr;
  return window;
}

bool open_and_run(MainWindow& window, const QString& file) {
  QSignalSpy finished(&window.runs(), &RunController::finished);
  if (!window.openFile(file)) return false;
  return finished.wait(kRunTimeoutMs);
}

}  // namespace delivsim::gui::test
