#include "robust_test.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include "gui/main_window.h"
#include "gui/run/robust_dialog.h"
#include "sim/batch/compare_figure_text.h"
#include "sim/output/headline.h"
#include "sim/output/world_share_text.h"
#include "sim/scenario/scenario_batch.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

QString share(double value) {
  return QString::fromStdString(format_world_share(value));
}

QAction* robust_action(const MainWindow& window) {
  return window.findChild<QAction*>("robust-compare");
}

/// The tiny batch's text with `from` replaced by `to`.
std::string tiny_text_with(MainWindow& window, const std::string& from, const std::string& to) {
  std::string text = window.document().text();
  const std::size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

void RobustTest::actionIsDisabledWithoutStrategies() {
  const auto window = window_with(whatif_scenario());
  QVERIFY(window != nullptr);
  QVERIFY(robust_action(*window) != nullptr);
  QVERIFY(!robust_action(*window)->isEnabled());
  QVERIFY(!window->robustCompare(4));
  QVERIFY(!window->robustRuns().busy());

  QVERIFY(window->openFile(tiny_strategies_scenario()));
  QVERIFY(robust_action(*window)->isEnabled());
  const std::string with_strategies = window->document().text();
  window->document().setText(with_strategies.substr(0, with_strategies.find("strategies:")));
  QVERIFY(window->document().valid());
  QVERIFY(!robust_action(*window)->isEnabled());
  window->document().setText(with_strategies + "  - {name: [broken\n");  // the text no longer parses
  QVERIFY(!window->document().valid());
  QVERIFY(!robust_action(*window)->isEnabled());
  window->document().setText(with_strategies);
  QVERIFY(robust_action(*window)->isEnabled());
}

void RobustTest::dialogStartsAtTheDefaultWorlds() {
  const ScenarioBatch batch = load_scenario_batch(tiny_strategies_scenario().toStdString());
  QCOMPARE(default_world_count(batch), 32);
  RobustDialog dialog(default_world_count(batch), batch.strategies.size());
  auto* worlds = dialog.findChild<QSpinBox*>("robust-worlds");
  QVERIFY(worlds != nullptr);
  QCOMPARE(worlds->value(), 32);
  QCOMPARE(worlds->maximum(), kMaxWorlds);
  worlds->setValue(5);
  QCOMPARE(dialog.worlds(), 5);
  // The file's `uncertainty.worlds` is the default, as for `delivsim compare --robust` without a number.
  QFile file(tiny_strategies_scenario());
  QVERIFY(file.open(QIODevice::ReadOnly));
  const ScenarioBatch with_worlds = parse_scenario_batch(
      file.readAll().toStdString() + "uncertainty: {worlds: 12}\n", "tiny-strategies.yaml");
  QCOMPARE(default_world_count(with_worlds), 12);
}

void RobustTest::runFillsTheTableAsTheEngineComputes() {
  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  QSignalSpy finished(&window->robustRuns(), &RobustController::finished);
  QVERIFY(window->robustCompare(4));
  QVERIFY(!robust_action(*window)->isEnabled());  // one comparison at a time
  QVERIFY(finished.wait(kRunTimeoutMs));
  QVERIFY(robust_action(*window)->isEnabled());

  // The window's comparison (on every core) is the engine's on one thread, world for world.
  RobustOptions one_thread;
  one_thread.worlds = 4;
  one_thread.threads = 1;
  const RobustResult expected =
      run_robust_compare(load_scenario_batch(tiny_strategies_scenario().toStdString()), one_thread);
  const RobustPanel& panel = *window->robustPanel();
  QVERIFY(panel.result().has_value());
  const RobustResult& shown = *panel.result();
  QCOMPARE(shown.strategies.size(), std::size_t{3});
  QCOMPARE(shown.design.values.size(), std::size_t{4});
  QVERIFY(!shown.design.varied.empty());
  for (std::size_t s = 0; s < expected.strategies.size(); ++s) {
    for (std::size_t w = 0; w < 4; ++w) {
      QCOMPARE(shown.strategies[s].worlds[w].figures, expected.strategies[s].worlds[w].figures);
    }
  }

  // The table shows the chosen figure as `delivsim compare --robust` prints it.
  const QTableWidget& table = *panel.table();
  auto* figure_choice = window->findChild<QComboBox*>("robust-figure");
  QVERIFY(figure_choice != nullptr);
  QCOMPARE(figure_choice->currentIndex(), 0);
  QCOMPARE(table.columnCount(), 3);
  QCOMPARE(table.rowCount(), 7);
  QCOMPARE(table.verticalHeaderItem(1)->text(), QStringLiteral("beats blast"));
  QCOMPARE(table.horizontalHeaderItem(2)->text(), QStringLiteral("same-as-blast"));
  const auto figures = headline_figures();
  for (std::size_t f = 0; f < figures.size(); ++f) {
    figure_choice->setCurrentIndex(static_cast<int>(f));
    QCOMPARE(table.item(0, 0)->text(), share(expected.strategies[0].figures[f].best_share));
    QCOMPARE(table.item(1, 0)->text(), QStringLiteral("-"));  // the first is not compared with itself
    const RobustFigure& gentle = expected.strategies[1].figures[f];
    QCOMPARE(table.item(0, 1)->text(), share(gentle.best_share));
    QCOMPARE(table.item(1, 1)->text(), share(gentle.versus_first->wins));
    QCOMPARE(table.item(2, 1)->text(), share(gentle.versus_first->ties));
    QCOMPARE(table.item(3, 1)->text(), share(gentle.versus_first->losses));
    if (gentle.difference_p50) {
      QCOMPARE(table.item(5, 1)->text(),
               QString::fromStdString(format_figure_difference(figures[f], *gentle.difference_p50)));
    }
    // A copy of the first strategy ties with it in every world, by exactly 0.
    QCOMPARE(table.item(1, 2)->text(), QStringLiteral("0%"));
    QCOMPARE(table.item(2, 2)->text(), QStringLiteral("100%"));
    QCOMPARE(table.item(3, 2)->text(), QStringLiteral("0%"));
    QCOMPARE(window->findChild<QLabel*>("robust-verdict")->text(),
             QString::fromStdString(robust_verdict(expected, 1, f)));
  }
  figure_choice->setCurrentIndex(0);

  // The chooser starts at the second strategy and the first figure: its verdict and tornado.
  QCOMPARE(window->findChild<QLabel*>("robust-verdict")->text(),
           QString::fromStdString(robust_verdict(expected, 1, 0)));
  const std::vector<Sensitivity>& sensitivity = expected.strategies[1].figures[0].sensitivity;
  QStringList top;
  for (std::size_t i = 0; i < std::min(kTornadoBars, sensitivity.size()); ++i) {
    top << QString::fromStdString(expected.design.varied[sensitivity[i].param].label());
  }
  QVERIFY(!top.isEmpty());
  QCOMPARE(panel.tornado()->parameters(), top);
  QVERIFY(!panel.isStale());
}

void RobustTest::editingTheDocumentMarksTheResultStale() {
  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  const std::string original = window->document().text();
  QSignalSpy finished(&window->robustRuns(), &RobustController::finished);
  QVERIFY(window->robustCompare(2));
  QVERIFY(finished.wait(kRunTimeoutMs));
  const RobustPanel& panel = *window->robustPanel();
  QVERIFY(!panel.isStale());
  QVERIFY(panel.table()->isEnabled());

  window->document().setText(
      tiny_text_with(*window, "gmail: {max_smtp_out: 20}", "gmail: {max_smtp_out: 19}"));
  QVERIFY(panel.isStale());
  QVERIFY(!panel.table()->isEnabled());
  QVERIFY(!panel.tornado()->isEnabled());
  window->document().setText(original);  // back to the text it was computed from
  QVERIFY(!panel.isStale());
  QVERIFY(panel.table()->isEnabled());

  // A change made while a comparison runs: its result arrives already stale.
  QVERIFY(window->robustCompare(2));
  window->document().setText(tiny_text_with(*window, "seed: 5", "seed: 6"));
  QVERIFY(finished.wait(kRunTimeoutMs));
  QVERIFY(panel.isStale());

  // Another file: the comparison is forgotten.
  QVERIFY(window->openFile(whatif_scenario()));
  QVERIFY(!panel.result().has_value());
  QCOMPARE(panel.table()->rowCount(), 0);
  QVERIFY(!panel.isStale());
}

void RobustTest::cancelStopsTheComparison() {
  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  QSignalSpy progressed(&window->robustRuns(), &RobustController::progressed);
  QSignalSpy cancelled(&window->robustRuns(), &RobustController::cancelled);
  QSignalSpy finished(&window->robustRuns(), &RobustController::finished);
  QVERIFY(window->robustCompare(200));  // 600 runs: several seconds
  QVERIFY(progressed.wait(kRunTimeoutMs));
  auto* cancel = window->findChild<QPushButton*>("robust-cancel");
  QVERIFY(cancel != nullptr && cancel->isVisibleTo(window->robustPanel()));
  QElapsedTimer clock;
  clock.start();
  cancel->click();
  QVERIFY(cancelled.wait(5000));
  qInfo("robust cancel took %lld ms", static_cast<long long>(clock.elapsed()));
  QCOMPARE(finished.count(), 0);
  QVERIFY(progressed.count() < 600);
  QVERIFY(!window->robustRuns().busy());
  QVERIFY(!window->robustPanel()->result().has_value());
  QVERIFY(!cancel->isVisibleTo(window->robustPanel()));
  QVERIFY(robust_action(*window)->isEnabled());
}

}  // namespace delivsim::gui::test
