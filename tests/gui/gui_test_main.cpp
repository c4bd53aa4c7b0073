// The GUI tests: every QtTest class in one headless program (QT_QPA_PLATFORM=offscreen unless set).
// `gui_test` runs them all; `gui_test WindowTest [QtTest options, e.g. a test function]` runs one class.
#include <QApplication>
#include <QStandardPaths>
#include <QTest>
#include <memory>
#include <vector>

#include "charts_test.h"
#include "consistency_test.h"
#include "desktop_test.h"
#include "document_test.h"
#include "editing_test.h"
#include "figures_test.h"
#include "form_test.h"
#include "headline_test.h"
#include "ip_form_test.h"
#include "robust_test.h"
#include "screenshot_test.h"
#include "sim/world/rerun_memory.h"
#include "strategies_test.h"
#include "window_test.h"

int main(int argc, char** argv) {
  delivsim::keep_freed_memory_for_reruns();  // as delivsim-gui does: its timings are the GUI's
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);  // recent files and layouts go to a test folder, not the user's
  QApplication app(argc, argv);
  std::vector<std::unique_ptr<QObject>> tests;
  tests.push_back(std::make_unique<delivsim::gui::test::DocumentTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::FormTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::IpFormTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::WindowTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::HeadlineTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::ScreenshotTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::RobustTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::EditingTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::ConsistencyTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::ChartsTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::DesktopTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::StrategiesTest>());
  tests.push_back(std::make_unique<delivsim::gui::test::FiguresTest>());
  const QString chosen = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
  for (const auto& test : tests) {
    if (QString::fromLatin1(test->metaObject()->className()).section("::", -1) == chosen) {
      return QTest::qExec(test.get(), argc - 1, argv + 1) == 0 ? 0 : 1;
    }
  }
  int failures = 0;
  for (const auto& test : tests) failures += QTest::qExec(test.get(), argc, argv);
  return failures == 0 ? 0 : 1;
}
