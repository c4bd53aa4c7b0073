#include "window_test.h"

#include <QAction>
#include <QChartView>
#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <sstream>

#include "gui/charts/series_data.h"
#include "gui/form/form_targets.h"
#include "gui/form/provider_mix.h"
#include "gui/main_window.h"
#include "gui/run/run_export.h"
#include "gui/run/run_worker.h"
#include "sim/output/summary_json.h"
#include "sim/output/timeseries_csv.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

/// Replaces `from` with `to` in the YAML tab and sends the text to the document.
void edit_yaml(MainWindow& window, const QString& from, const QString& to) {
  QString yaml = window.yamlEditor()->toPlainText();
  yaml.replace(from, to);
  window.yamlEditor()->setPlainText(yaml);
  window.yamlEditor()->commit();
}

}  // namespace

void WindowTest::formEditShowsInYaml() {
  MainWindow window;
  QVERIFY(open_and_run(window, whatif_scenario()));
  auto* smtp_out = window.findChild<QSpinBox*>("max-smtp-out");
  QVERIFY(smtp_out != nullptr);
  QCOMPARE(smtp_out->value(), 8);
  smtp_out->setValue(5);
  QTRY_VERIFY(window.yamlEditor()->toPlainText().contains("      max_smtp_out: 5\n"));
  QCOMPARE(window.document().scenario()->policy_for("gmail").max_smtp_out, 5);
  QVERIFY(window.yamlEditor()->toPlainText().startsWith(
      "# yaml-language-server: $schema=../docs/scenario.schema.json\n"
      "# The GUI's typical what-if run"));
  QVERIFY(window.windowTitle().startsWith("whatif-100k.yaml"));
  QVERIFY(window.isWindowModified());
}

void WindowTest::yamlEditShowsInForm() {
  MainWindow window;
  QVERIFY(open_and_run(window, whatif_scenario()));
  edit_yaml(window, "max_smtp_out: 8", "max_smtp_out: 12");
  QCOMPARE(window.findChild<QSpinBox*>("max-smtp-out")->value(), 12);
  edit_yaml(window, "unknown_user_share: 0.01", "unknown_user_share: 0.025");
  QCOMPARE(window.findChild<QDoubleSpinBox*>("unknown-user-share")->value(), 2.5);
  edit_yaml(window, "{match: \"421 4.3.2\", retry_after: 5m}", "{match: \"421 4.3.2\", suspend_for: 2h}");
  const QTableWidget* patterns = window.findChild<QTableWidget*>("patterns");
  const int last = patterns->rowCount() - 1;
  QCOMPARE(patterns->item(last, 0)->text(), QStringLiteral("421 4.3.2"));
  QCOMPARE(patterns->item(last, 2)->text(), QStringLiteral("2h"));
}

void WindowTest::gmailShareKeepsTheMixValid() {
  MainWindow window;
  QVERIFY(open_and_run(window, whatif_scenario()));
  auto* share = window.findChild<QDoubleSpinBox*>("share-gmail");
  QCOMPARE(share->value(), 60.0);
  share->setValue(80);
  QTRY_VERIFY(window.yamlEditor()->toPlainText().contains("gmail.com: 0.7733"));
  const Scenario& scenario = *window.document().scenario();
  QVERIFY(window.document().valid());
  QCOMPARE(provider_share(scenario, scenario.traffic.front().domain_mix, "gmail"), 0.8);
}

void WindowTest::invalidYamlShowsErrorAndStaysUsable() {
  MainWindow window;
  QVERIFY(open_and_run(window, whatif_scenario()));
  edit_yaml(window, "max_smtp_out: 8", "max_smtp_out: [8");
  QVERIFY2(window.scenarioStatus().contains(QRegularExpression("whatif-100k\\.yaml:\\d+:\\d+: error: ")),
           qPrintable(window.scenarioStatus()));
  QVERIFY(!window.findChild<QSpinBox*>("max-smtp-out")->isEnabled());
  edit_yaml(window, "max_smtp_out: [8", "max_smtp_out: 0");
  QVERIFY2(window.scenarioStatus().contains("max_smtp_out"), qPrintable(window.scenarioStatus()));
  QSignalSpy finished(&window.runs(), &RunController::finished);
  edit_yaml(window, "max_smtp_out: 0", "max_smtp_out: 6");
  QVERIFY(window.scenarioStatus().startsWith(QStringLiteral("\u2713")));
  QVERIFY(window.findChild<QSpinBox*>("max-smtp-out")->isEnabled());
  QVERIFY(finished.wait(kRunTimeoutMs));  // fast runs re-run by themselves
}

void WindowTest::cancelStopsALongRunPromptly() {
  MainWindow window;
  window.show();  // Esc is a window shortcut
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QVERIFY(window.openFile(long_scenario()));
  QVERIFY(window.runs().busy());  // a file's first run starts at once
  QTest::qWait(300);              // well inside the run
  QSignalSpy cancelled(&window.runs(), &RunController::cancelled);
  QElapsedTimer clock;
  clock.start();
  QTest::keyClick(&window, Qt::Key_Escape);
  QVERIFY(cancelled.wait(2000));
  const qint64 stop_ms = clock.elapsed();
  qInfo("cancel took %lld ms", static_cast<long long>(stop_ms));
  QVERIFY2(stop_ms < 200, qPrintable(QString::number(stop_ms) + " ms"));
  QVERIFY(!window.runs().busy());
  QVERIFY(!window.currentResult().has_value());
  QVERIFY(open_and_run(window, whatif_scenario()));  // usable afterwards
  QCOMPARE(window.currentResult()->scenario, std::string("whatif-100k"));
}

void WindowTest::knobChangeToUpdatedCharts() {
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QVERIFY(open_and_run(window, whatif_scenario()));
  window.repaint();
  const std::int64_t attempts_before = window.currentResult()->totals.attempts;
  QSignalSpy finished(&window.runs(), &RunController::finished);
  QElapsedTimer clock;
  clock.start();
  window.findChild<QSpinBox*>("max-smtp-out")->setValue(2);
  QVERIFY(finished.wait(kRunTimeoutMs));  // the window's own slot (charts replaced) ran before the spy's
  const qint64 updated_ms = clock.elapsed();
  window.repaint();
  const qint64 painted_ms = clock.elapsed();
  qInfo("knob change -> charts updated: %lld ms (run %.0f ms wall); painted: %lld ms",
        static_cast<long long>(updated_ms), *window.runs().lastWallSeconds() * 1000,
        static_cast<long long>(painted_ms));
  // The charts show the new run: two connections instead of eight change the attempts, and the queue
  // chart's Gmail line holds the new run's queue column.
  const RunResult& result = *window.currentResult();
  QVERIFY(result.totals.attempts != attempts_before);
  const auto* queue_chart = window.findChild<QChartView*>("queue-depth");
  QVERIFY(queue_chart != nullptr);
  const auto series = queue_chart->chart()->series();
  const auto gmail = std::find_if(series.begin(), series.end(), [](const QAbstractSeries* s) {
    return s->name() == QStringLiteral("gmail");
  });
  QVERIFY(gmail != series.end());
  const QList<QPointF> expected =
      to_points(result.timeseries, column_values(result.timeseries, "gmail.queue"),
                time_scale_for(result.simulated), to_seconds(result.timeseries.interval));
  QCOMPARE(qobject_cast<const QLineSeries*>(*gmail)->points(), expected);
  QVERIFY2(painted_ms < 1000, qPrintable(QString::number(painted_ms) + " ms"));
}

void WindowTest::changesDuringAQuickRunAreGathered() {
  MainWindow window;
  QVERIFY(open_and_run(window, whatif_scenario()));
  QVERIFY(window.runs().autoRunAllowed());
  QSignalSpy started(&window.runs(), &RunController::started);
  QSignalSpy finished(&window.runs(), &RunController::finished);
  auto* connections = window.findChild<QSpinBox*>("max-smtp-out");
  // Three changes before the first of their runs can end: the first starts at once, the second is
  // dropped, the third runs after the first has reported.
  connections->setValue(2);
  connections->setValue(3);
  connections->setValue(4);
  QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kRunTimeoutMs);
  QCOMPARE(started.count(), 2);
  QCOMPARE(window.document().scenario()->policy_for("gmail").max_smtp_out, 4);
  Scenario two = *window.document().scenario();
  for (auto& [name, policy] : two.destinations) {
    if (name == "gmail") policy.max_smtp_out = 2;
  }
  const auto attempts = [&](int row) { return finished.at(row).at(0).value<RunResult>().totals.attempts; };
  QCOMPARE(attempts(0), run_scenario(two).totals.attempts);
  QCOMPARE(attempts(1), run_scenario(*window.document().scenario()).totals.attempts);
  QCOMPARE(window.currentResult()->totals.attempts, attempts(1));
  QVERIFY(!window.runs().busy());
}

void WindowTest::exportWritesChartsAndRunFiles() {
  MainWindow window;
  QVERIFY(open_and_run(window, whatif_scenario()));
  QTemporaryDir folder;
  const QStringList images = export_chart_images(window.chartImages(), folder.path());
  QCOMPARE(images.size(), 12);  // six charts, PNG and SVG
  for (const QString& image : images) QVERIFY2(!QImage(image).isNull(), qPrintable(image));
  const QStringList files = export_run_files(
      *window.currentResult(), QString::fromStdString(window.document().text()), nullptr, folder.path());
  QCOMPARE(files.size(), 3);
  QFile summary(files[0]);
  QVERIFY(summary.open(QIODevice::ReadOnly));
  QCOMPARE(summary.readAll().toStdString(), summary_json(*window.currentResult()));
  std::ostringstream csv;
  write_timeseries_csv(window.currentResult()->timeseries, csv);
  QFile timeseries(files[1]);
  QVERIFY(timeseries.open(QIODevice::ReadOnly));
  QCOMPARE(timeseries.readAll().toStdString(), csv.str());
}

void WindowTest::absurdWorkFailsBeforeRunning() {
  // A stream of a million messages a second for the scenario's 14 days: refused at once, naming the key.
  const Scenario scenario =
      load_scenario(whatif_scenario().toStdString(), {"traffic[0].stream.rate=1000000/s"});
  const std::atomic<bool> cancel{false};
  RunWorker worker(&cancel);
  QSignalSpy failed(&worker, &RunWorker::failed);
  QSignalSpy finished(&worker, &RunWorker::finished);
  worker.run(1, scenario);
  QCOMPARE(finished.count(), 0);
  QCOMPARE(failed.count(), 1);
  const QString message = failed.front().at(1).toString();
  QVERIFY2(message.startsWith("--set:1:24: error: traffic[0].stream.rate: asks for about"),
           qPrintable(message));
}

}  // namespace delivsim::gui::test
