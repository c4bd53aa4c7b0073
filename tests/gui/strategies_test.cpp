#include "strategies_test.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "gui/document/yaml_editor.h"
#include "gui/main_window.h"
#include "sim/batch/compare_figure_text.h"
#include "sim/batch/compare_files.h"
#include "sim/batch/compare_table.h"
#include "sim/batch/sweep_files.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

QString tiny_sweep_scenario() {
  return QStringLiteral(DELIVSIM_SOURCE_DIR) + "/tests/gui/tiny-sweep.yaml";
}

QAction* action(const MainWindow& window, const char* name) {
  return window.findChild<QAction*>(name);
}

/// Runs `delivsim <command> <scenario>` into a new folder of `dir` and returns the text of its `file`; empty
/// (with `error` set) when the CLI fails.
std::string cli_output(const QString& command, const QString& scenario, const QTemporaryDir& dir,
                       const QString& file, QString& error) {
  const QString out = dir.filePath(command);
  QProcess cli;
  cli.setProcessChannelMode(QProcess::MergedChannels);
  cli.start(QStringLiteral(DELIVSIM_BIN), {command, scenario, "--out", out, "--quiet"});
  if (!cli.waitForFinished(kRunTimeoutMs) || cli.exitCode() != 0) {
    error = QString::fromUtf8(cli.readAll());
    return {};
  }
  QFile written(out + "/" + file);
  if (!written.open(QIODevice::ReadOnly)) {
    error = "no " + file;
    return {};
  }
  return written.readAll().toStdString();
}

/// The window's comparison of its current text, once finished; false when it did not finish in time.
bool compare_now(MainWindow& window) {
  QSignalSpy finished(&window.strategyRuns(), &StrategiesController::compareFinished);
  return window.compareStrategies() && finished.wait(kRunTimeoutMs);
}

QStringList csv_fields(const QString& line) {
  return line.split(',');
}

}  // namespace

void StrategiesTest::listsTheStrategiesAndTheirOverrides() {
  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  QTabWidget& tabs = *window->resultTabs();
  QCOMPARE(tabs.tabText(tabs.indexOf(window->strategiesPanel())), QStringLiteral("Strategies"));
  const QTableWidget& list = *window->strategiesPanel()->strategyList();
  QCOMPARE(list.rowCount(), 3);
  QCOMPARE(list.item(1, 0)->text(), QStringLiteral("gentle"));
  QCOMPARE(
      list.item(1, 1)->text(),
      QStringLiteral("sender.destinations.gmail.max_smtp_out=2, sender.destinations.gmail.retry_after=30m"));
  QVERIFY(action(*window, "compare-strategies")->isEnabled());
  QVERIFY(!action(*window, "run-sweep")->isEnabled());  // the file has no sweep:
  QVERIFY(!window->runSweep());

  QVERIFY(window->openFile(tiny_sweep_scenario()));
  QCOMPARE(list.rowCount(), 0);
  QVERIFY(!action(*window, "compare-strategies")->isEnabled());
  QVERIFY(!window->compareStrategies());
  QVERIFY(action(*window, "run-sweep")->isEnabled());
  QVERIFY(window->findChild<QLabel*>("sweep-facts")->text().contains("4 points"));
}

void StrategiesTest::compareGivesTheCliNumbers() {
  QTemporaryDir dir;
  QString error;
  const std::string cli_json =
      cli_output("compare", tiny_strategies_scenario(), dir, QStringLiteral("compare.json"), error);
  QVERIFY2(!cli_json.empty(), qPrintable(error));

  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  QVERIFY(compare_now(*window));
  const StrategiesPanel& panel = *window->strategiesPanel();
  QVERIFY(panel.compareResult().has_value());
  const CompareResult& shown = *panel.compareResult();
  QCOMPARE(compare_json(shown), cli_json);  // every figure, difference and best mark

  // The table shows them as `delivsim compare` prints them, the best marked '*'.
  const QTableWidget& table = *panel.compareTable();
  const auto figures = headline_figures();
  QCOMPARE(table.columnCount(), 3);
  const int figure_rows = static_cast<int>(figures.size()) * 2;
  QCOMPARE(table.rowCount(), figure_rows + static_cast<int>(kCompareTopReplies));
  QCOMPARE(table.verticalHeaderItem(1)->text(), QStringLiteral("  vs blast"));
  int marked = 0;
  for (std::size_t f = 0; f < figures.size(); ++f) {
    const int row = static_cast<int>(f) * 2;
    for (std::size_t s = 0; s < shown.strategies.size(); ++s) {
      const bool best = shown.best[f] == s;
      marked += best ? 1 : 0;
      QCOMPARE(table.item(row, static_cast<int>(s))->text(),
               QString::fromStdString(format_figure_stats(figures[f], shown.strategies[s].figures[f])) +
                   (best ? "*" : ""));
      QCOMPARE(table.item(row, static_cast<int>(s))->font().bold(), best);
    }
    QCOMPARE(table.item(row + 1, 1)->text(),
             QString::fromStdString(format_difference_cell(figures[f], shown.strategies[1].differences[f])));
  }
  QVERIFY(marked > 0);
  // Then each strategy's commonest deferral replies, as the CLI's "Top deferral replies".
  const ReplyDeferrals& top = shown.strategies[1].top_replies.front();
  QCOMPARE(table.verticalHeaderItem(figure_rows)->text(), QStringLiteral("deferral reply 1"));
  QCOMPARE(
      table.item(figure_rows, 1)->text(),
      QString::fromStdString(top.reply + ": " + format_fixed_grouped(top.mean_deferrals, 1) + " per run"));
  QVERIFY(!panel.isStale(StrategiesPanel::Kind::Compare));
}

void StrategiesTest::overlayHasALinePerStrategy() {
  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  QVERIFY(compare_now(*window));
  const StrategiesChart& overlay = *window->strategiesPanel()->overlay();
  auto* series = window->findChild<QComboBox*>("strategies-series");
  QVERIFY(series != nullptr);
  QCOMPARE(series->count(), strategy_series_names().size());
  const QStringList strategies{"blast", "gentle", "same-as-blast"};
  for (int i = 0; i < series->count(); ++i) {
    series->setCurrentIndex(i);
    QCOMPARE(overlay.lineNames(), strategies);
    for (QAbstractSeries* line : overlay.chart()->series())
      QVERIFY(!static_cast<QXYSeries*>(line)->points().isEmpty());
  }
  // The delivered share ends where the comparison's delivered share does.
  series->setCurrentIndex(static_cast<int>(StrategySeries::DeliveredShare));
  const std::size_t delivered = *headline_figure_index("delivered_share");
  const CompareResult& shown = *window->strategiesPanel()->compareResult();
  for (int s = 0; s < 3; ++s) {
    const auto* line = static_cast<QXYSeries*>(overlay.chart()->series()[s]);
    QVERIFY(qAbs(line->points().last().y() - *shown.strategies[s].figures[delivered].mean * 100) < 1e-6);
  }
  // Hovering reads the calendar time (tiny-strategies starts at the default 2026-01-05 00:00 UTC; its two
  // days are drawn in hours), then the time since the start.
  QCOMPARE(overlay.readout(QStringLiteral("blast"), QPointF(28, 42.54)),
           QStringLiteral("blast: 42.5% at Tue 2026-01-06 04:00 UTC (1d 4h)"));
}

// File > Export charts saves the overlay beside the run charts once a comparison has run, headed by the
// scenario without the A/B key (it draws strategies, not A and B).
void StrategiesTest::exportIncludesTheStrategiesChart() {
  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  const auto names = [&] {
    QStringList shown;
    for (const ChartImage& image : window->chartImages()) shown << image.chart->objectName();
    return shown;
  };
  QVERIFY(!names().contains(QStringLiteral("strategies-chart")));
  QVERIFY(compare_now(*window));
  QVERIFY(names().contains(QStringLiteral("strategies-chart")));
  QTemporaryDir folder;
  export_chart_images(window->chartImages(), folder.path());
  QFile svg(folder.filePath(QStringLiteral("strategies-chart.svg")));
  QVERIFY(svg.open(QIODevice::ReadOnly));
  const QByteArray text = svg.readAll();
  QVERIFY(text.contains("tiny-strategies.yaml \xc2\xb7 strategies"));
  QVERIFY(!text.contains("B: this run"));
}

void StrategiesTest::sweepTableHasTheCliRows() {
  QTemporaryDir dir;
  QString error;
  const std::string cli_csv =
      cli_output("sweep", tiny_sweep_scenario(), dir, QStringLiteral("sweep.csv"), error);
  QVERIFY2(!cli_csv.empty(), qPrintable(error));

  const auto window = window_with(tiny_sweep_scenario());
  QVERIFY(window != nullptr);
  QSignalSpy finished(&window->strategyRuns(), &StrategiesController::sweepFinished);
  QVERIFY(window->runSweep());
  QVERIFY(finished.wait(kRunTimeoutMs));
  const StrategiesPanel& panel = *window->strategiesPanel();
  QVERIFY(panel.sweepResult().has_value());
  const SweepResult& shown = *panel.sweepResult();
  QCOMPARE(sweep_csv(shown), cli_csv);

  // A row per line of sweep.csv: its point, swept values and feasibility; the best point marked '*'.
  QStringList lines = QString::fromStdString(cli_csv).split('\n', Qt::SkipEmptyParts);
  const QStringList header = csv_fields(lines.takeFirst());
  const QTableWidget& table = *panel.sweepTable();
  QCOMPARE(table.rowCount(), lines.size());
  QCOMPARE(table.rowCount(), 4);
  QCOMPARE(table.horizontalHeaderItem(1)->text(), QStringLiteral("max_smtp_out"));
  QCOMPARE(table.horizontalHeaderItem(table.columnCount() - 2)->text(), QStringLiteral("ok"));
  const int feasible = static_cast<int>(header.indexOf("feasible"));
  QVERIFY(feasible > 0);
  int best_rows = 0;
  for (int r = 0; r < lines.size(); ++r) {
    const QStringList fields = csv_fields(lines[r]);
    const bool best = shown.best == static_cast<std::size_t>(r);
    best_rows += best ? 1 : 0;
    QCOMPARE(table.item(r, 0)->text(), fields[0] + (best ? "*" : ""));
    QCOMPARE(table.item(r, 1)->text(), fields[1]);
    QCOMPARE(table.item(r, 2)->text(), fields[2]);
    QCOMPARE(table.item(r, table.columnCount() - 2)->text(),
             fields[feasible] == "true" ? QStringLiteral("yes") : QStringLiteral("no"));
  }
  QCOMPARE(best_rows, shown.best ? 1 : 0);

  // The objective chart: a line per value of the second swept parameter.
  QCOMPARE(panel.sweepChart()->lineNames(), (QStringList{"retry_after = 30m", "retry_after = 1h"}));

  // A change makes the sweep stale; the comparison, never run, is not.
  std::string edited = window->document().text();
  edited.replace(edited.find("seed: 5"), 7, "seed: 6");
  window->document().setText(edited);
  QVERIFY(panel.isStale(StrategiesPanel::Kind::Sweep));
  QVERIFY(!panel.sweepTable()->isEnabled());
  QVERIFY(!panel.isStale(StrategiesPanel::Kind::Compare));
}

void StrategiesTest::cancelStopsTheComparison() {
  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  // 9,000 runs: minutes, so that even on a loaded machine the comparison cannot end before the click.
  // Typed into the editor, as a user would: the comparison starts from the editor's text (a text set on
  // the document alone was replaced by it, and the test compared 3 runs).
  YamlEditor* editor = window->yamlEditor();
  editor->setPlainText(editor->toPlainText() + "replications: 3000\n");
  QSignalSpy progressed(&window->strategyRuns(), &StrategiesController::progressed);
  QSignalSpy cancelled(&window->strategyRuns(), &StrategiesController::cancelled);
  QSignalSpy finished(&window->strategyRuns(), &StrategiesController::compareFinished);
  QVERIFY(window->compareStrategies());
  auto* cancel = window->findChild<QPushButton*>("strategies-cancel");
  QVERIFY(cancel != nullptr && cancel->isVisibleTo(window->strategiesPanel()));  // shown as it starts
  QVERIFY(!action(*window, "compare-strategies")->isEnabled());                  // one at a time
  QVERIFY(!window->compareStrategies());
  QVERIFY(window->document().text().ends_with("replications: 3000\n"));
  QVERIFY(progressed.wait(kRunTimeoutMs));
  QVERIFY2(finished.isEmpty(), "9,000 runs ended before the first progress report was handled");
  QElapsedTimer clock;
  clock.start();
  cancel->click();
  QVERIFY(cancelled.wait(5000));
  qInfo("strategies cancel took %lld ms", static_cast<long long>(clock.elapsed()));
  QCOMPARE(finished.count(), 0);
  QVERIFY(progressed.count() < 9000);
  QVERIFY(!window->strategyRuns().busy());
  QVERIFY(!window->strategiesPanel()->compareResult().has_value());
  QVERIFY(!cancel->isVisibleTo(window->strategiesPanel()));
  QVERIFY(action(*window, "compare-strategies")->isEnabled());
}

void StrategiesTest::editingTheDocumentMarksTheResultsStale() {
  const auto window = window_with(tiny_strategies_scenario());
  QVERIFY(window != nullptr);
  const std::string original = window->document().text();
  QVERIFY(compare_now(*window));
  const StrategiesPanel& panel = *window->strategiesPanel();
  QVERIFY(!panel.isStale(StrategiesPanel::Kind::Compare));
  QVERIFY(panel.compareTable()->isEnabled());

  std::string edited = original;
  edited.replace(edited.find("seed: 5"), 7, "seed: 6");
  window->document().setText(edited);
  QVERIFY(panel.isStale(StrategiesPanel::Kind::Compare));
  QVERIFY(!panel.compareTable()->isEnabled());
  QVERIFY(!panel.overlay()->isEnabled());
  window->document().setText(original);  // back to the text it was computed from
  QVERIFY(!panel.isStale(StrategiesPanel::Kind::Compare));
  QVERIFY(panel.compareTable()->isEnabled());

  // A change made while a comparison runs: its result arrives already stale.
  QSignalSpy finished(&window->strategyRuns(), &StrategiesController::compareFinished);
  QVERIFY(window->compareStrategies());
  window->document().setText(edited);
  QVERIFY(finished.wait(kRunTimeoutMs));
  QVERIFY(panel.isStale(StrategiesPanel::Kind::Compare));

  // Another file: the results are forgotten.
  QVERIFY(window->openFile(tiny_sweep_scenario()));
  QVERIFY(!panel.compareResult().has_value());
  QCOMPARE(panel.compareTable()->rowCount(), 0);
  QVERIFY(!panel.isStale(StrategiesPanel::Kind::Compare));
}

}  // namespace delivsim::gui::test
