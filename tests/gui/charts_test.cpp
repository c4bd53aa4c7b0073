#include "charts_test.h"

#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScrollArea>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <numeric>

#include "gui/charts/chart_panel.h"
#include "gui/charts/time_scale.h"
#include "gui/figures/chart_palette.h"
#include "gui/run/export_folder.h"
#include "gui/run/run_export.h"
#include "sim/output/summary_json.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

/// A scenario and its run, drawn in a shown chart panel (optionally with a pinned run).
struct Plotted {
  Scenario scenario;
  RunResult result;
  std::optional<PinnedRun> pinned;
  ChartPanel panel;

  explicit Plotted(const QString& file, bool pin = false)
      : scenario(load_scenario(file.toStdString())), result(run_scenario(scenario)) {
    if (pin)
      pinned = PinnedRun{result,
                         scenario,
                         YAML::Node(),
                         QStringLiteral("whatif-100k.yaml"),
                         QStringLiteral("A: whatif-100k.yaml"),
                         QString()};
    panel.resize(1400, 1000);
    panel.show();
    panel.plot(&result, pinned ? &*pinned : nullptr, scenario);
    QCoreApplication::processEvents();
  }

  RunChart* chart(const QString& name) const { return panel.findChild<RunChart*>(name); }
};

QLineSeries* series_named(const RunChart* chart, const QString& name) {
  for (QAbstractSeries* series : chart->chart()->series()) {
    if (series->name() == name) return qobject_cast<QLineSeries*>(series);
  }
  return nullptr;
}

QByteArray contents(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QValueAxis* x_axis(const RunChart* chart) {
  return qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Horizontal).front());
}

/// Where `point` of `series` is drawn, in `chart`'s viewport coordinates.
QPoint viewport_pos(const RunChart* chart, const QPointF& point, QAbstractSeries* series) {
  return chart->mapFromScene(chart->chart()->mapToScene(chart->chart()->mapToPosition(point, series)));
}

/// The line colours of the current run (B) in every chart, and every outcome, provider, identity and tier
/// colour the palette has.
QSet<QRgb> colours_a_must_avoid(const ChartPanel& panel, const RunResult& run) {
  QSet<QRgb> colours;
  for (const RunChart* chart : panel.charts()) {
    for (QAbstractSeries* series : chart->chart()->series()) {
      if (series == chart->pinnedKey()) continue;
      if (auto* line = qobject_cast<QLineSeries*>(series);
          line && !series->property("delivsim-pinned").toBool())
        colours.insert(line->pen().color().rgb());
      if (auto* area = qobject_cast<QAreaSeries*>(series)) colours.insert(area->brush().color().rgb());
    }
  }
  for (std::size_t i = 0; i < 8; ++i) {
    colours.insert(provider_color(i).rgb());
    colours.insert(identity_color(i).rgb());
  }
  for (const ProviderResult& provider : run.providers) {
    for (const auto& [reply, count] : provider.deferrals_by_reply)
      colours.insert(reply_color(QString::fromStdString(reply)).rgb());
  }
  for (const Tier tier : {Tier::High, Tier::Medium, Tier::Low, Tier::Bad})
    colours.insert(tier_color(tier).rgb());
  for (const QColor& colour :
       {delivered_color(), bounced_color(), good_color(), warning_color(), bad_color()})
    colours.insert(colour.rgb());
  return colours;
}

}  // namespace

void ChartsTest::calendarTimeFromStartDate() {
  QCOMPARE(calendar_time("2026-01-05T00:00:00Z", 0), QStringLiteral("Mon 2026-01-05 00:00 UTC"));
  QCOMPARE(calendar_time("2026-01-05T00:00:00Z", 1.5 * 86400 + 30),
           QStringLiteral("Tue 2026-01-06 12:00:30 UTC"));
  QCOMPARE(calendar_time("2025-12-31T23:00:00Z", 2 * 3600), QStringLiteral("Thu 2026-01-01 01:00 UTC"));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, calendar_time("5 Jan 2026", 0));
}

// Every reply code a provider deferred with is a line of its own, summing to the summary's count.
void ChartsTest::deferralsChartSumsToTheSummary() {
  Plotted plotted(whatif_scenario());
  const RunChart* chart = plotted.chart("deferrals");
  QVERIFY(chart != nullptr);
  QCOMPARE(plotted.panel.charts().size(), std::size_t{6});
  int lines = 0;
  for (const ProviderResult& provider : plotted.result.providers) {
    for (const auto& [reply, count] : provider.deferrals_by_reply) {
      if (count == 0) continue;
      const QString name = QString::fromStdString(provider.name + " " + reply);
      const QLineSeries* series = series_named(chart, name);
      QVERIFY2(series != nullptr, qPrintable(name));
      const QList<QPointF> points = series->points();
      const double sum = std::accumulate(points.begin(), points.end(), 0.0,
                                         [](double total, const QPointF& p) { return total + p.y(); });
      QCOMPARE(sum, static_cast<double>(count));
      QCOMPARE(series->pen().color(), reply_color(QString::fromStdString(reply)));
      ++lines;
    }
  }
  QVERIFY(lines > 0);
  QCOMPARE(chart->chart()->series().size(), lines);
}

// A is drawn in its own greys and dashes, named by its label, under one legend entry of its own.
void ChartsTest::pinnedRunHasItsOwnColoursAndLegend() {
  Plotted plotted(whatif_scenario(), true);
  const QSet<QRgb> avoid = colours_a_must_avoid(plotted.panel, plotted.result);
  for (const RunChart* chart : plotted.panel.charts()) {
    int pinned = 0;
    for (QAbstractSeries* series : chart->chart()->series()) {
      if (!series->property("delivsim-pinned").toBool()) continue;
      ++pinned;
      const auto* line = qobject_cast<QLineSeries*>(series);
      QVERIFY2(!avoid.contains(line->pen().color().rgb()),
               qPrintable(series->name() + " " + line->pen().color().name()));
      QVERIFY(line->pen().style() != Qt::SolidLine);
      QVERIFY2(series->name().startsWith(QStringLiteral("A: whatif-100k.yaml \u00b7 ")),
               qPrintable(series->name()));
      for (const QLegendMarker* marker : chart->chart()->legend()->markers(series))
        QVERIFY(!marker->isVisible());
    }
    QVERIFY2(pinned > 0, qPrintable(chart->objectName()));
    QVERIFY(chart->pinnedKey() != nullptr);
    QCOMPARE(chart->pinnedKey()->name(), QStringLiteral("A: whatif-100k.yaml"));
    QVERIFY(!avoid.contains(chart->pinnedKey()->pen().color().rgb()));
    QVERIFY(chart->chart()->legend()->markers(chart->pinnedKey()).front()->isVisible());
  }
  plotted.panel.plot(&plotted.result, nullptr, plotted.scenario);  // unpinned: no A entry, no A series
  for (const RunChart* chart : plotted.panel.charts()) {
    QVERIFY(chart->pinnedKey() == nullptr);
    for (QAbstractSeries* series : chart->chart()->series())
      QVERIFY(!series->property("delivsim-pinned").toBool());
  }
}

// The readout names the series, its value and the calendar time of the point under the mouse.
void ChartsTest::hoverReadsValueAndCalendarTime() {
  Plotted plotted(whatif_scenario());
  RunChart* chart = plotted.chart("queue-depth");
  QLineSeries* gmail = series_named(chart, QStringLiteral("gmail"));
  QVERIFY(gmail != nullptr);
  const QList<QPointF> points = gmail->points();
  // The fullest queue at the end of one of the first day's first 23 hours; a few hours of axis around it,
  // so no other point is as near.
  const auto fullest = std::max_element(points.begin(), points.begin() + 23,
                                        [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
  QVERIFY(fullest->y() > 0);
  x_axis(chart)->setRange(fullest->x() - 2.0 / 24, fullest->x() + 2.0 / 24);  // the axis is in days
  QCoreApplication::processEvents();
  const QString text = chart->readout(viewport_pos(chart, *fullest, gmail));
  const int hour = static_cast<int>(std::lround(fullest->x() * 24));
  const QString expected_time = QStringLiteral("Mon 2026-01-05 %1:00 UTC").arg(hour, 2, 10, QLatin1Char('0'));
  QCOMPARE(text, QStringLiteral("gmail\n%1 messages\n%2")
                     .arg(QLocale(QLocale::English).toString(fullest->y(), 'g', 4), expected_time));
  QTest::mouseMove(chart->viewport(), viewport_pos(chart, *fullest, gmail));
  const auto* label = chart->findChild<QLabel*>("readout");
  QTRY_VERIFY(label->isVisible());
  QCOMPARE(label->text(), text);
  QCOMPARE(chart->readout(QPoint(2, 2)), QString());  // outside the plot area
  QTest::mouseMove(chart->viewport(), QPoint(2, 2));
  QTRY_VERIFY(!label->isVisible());
}

// Zooming narrows the time axis; a double-click or the next run resets it.
// Redrawing a run must not change its scale: Qt's applyNiceNumbers() also changes the tick count, so the
// second plot of gmail-cold-blast's queue went to 400,000 where the first showed 300,000.
void ChartsTest::samePlotTwiceGivesTheSameAxes() {
  Plotted plotted(shipped_scenario(QStringLiteral("gmail-cold-blast")));
  QMap<QString, QString> first;
  for (const RunChart* chart : plotted.panel.charts()) {
    const auto* y = qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Vertical).front());
    first[chart->objectName()] =
        QStringLiteral("%1..%2 in %3 ticks").arg(y->min()).arg(y->max()).arg(y->tickCount());
  }
  for (int again = 0; again < 2; ++again) {
    plotted.panel.plot(&plotted.result, nullptr, plotted.scenario);
    for (const RunChart* chart : plotted.panel.charts()) {
      const auto* y = qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Vertical).front());
      QCOMPARE(QStringLiteral("%1..%2 in %3 ticks").arg(y->min()).arg(y->max()).arg(y->tickCount()),
               first[chart->objectName()]);
    }
  }
}

void ChartsTest::zoomAndReset() {
  Plotted plotted(whatif_scenario());
  RunChart* chart = plotted.chart("queue-depth");
  QValueAxis* axis = x_axis(chart);
  const double full_max = axis->max();
  const QRectF plot_area = chart->chart()->plotArea();
  chart->chart()->zoomIn(QRectF(plot_area.topLeft(), QSizeF(plot_area.width() / 4, plot_area.height())));
  QVERIFY(axis->max() < full_max / 2);
  QVERIFY(chart->chart()->isZoomed());
  QTest::mouseDClick(chart->viewport(), Qt::LeftButton, {}, viewport_pos(chart, QPointF(1, 0), nullptr));
  QCOMPARE(axis->min(), 0.0);
  QCOMPARE(axis->max(), full_max);
  chart->chart()->zoomIn(QRectF(plot_area.topLeft(), QSizeF(plot_area.width() / 4, plot_area.height())));
  QVERIFY(axis->max() < full_max / 2);
  plotted.panel.plot(&plotted.result, nullptr, plotted.scenario);
  QCOMPARE(axis->max(), full_max);
}

// A click on a legend entry hides its series and greys the entry; a second click shows it again. A's one
// entry hides all of A.
void ChartsTest::legendEntryTogglesItsSeries() {
  Plotted plotted(whatif_scenario(), true);
  RunChart* chart = plotted.chart("queue-depth");
  QLineSeries* gmail = series_named(chart, QStringLiteral("gmail"));
  QLegendMarker* marker = chart->chart()->legend()->markers(gmail).front();
  emit marker->clicked();
  QVERIFY(!gmail->isVisible());
  QVERIFY(marker->isVisible());
  QVERIFY(marker->labelBrush().color() != chart->chart()->legend()->labelColor());
  plotted.panel.plot(&plotted.result, &*plotted.pinned, plotted.scenario);  // stays hidden through a replot
  QVERIFY(!gmail->isVisible());
  emit marker->clicked();
  QVERIFY(gmail->isVisible());
  QCOMPARE(marker->labelBrush().color(), chart->chart()->legend()->labelColor());

  emit chart->chart()->legend()->markers(chart->pinnedKey()).front()->clicked();
  int pinned = 0;
  for (QAbstractSeries* series : chart->chart()->series()) {
    if (!series->property("delivsim-pinned").toBool()) continue;
    ++pinned;
    QVERIFY(!series->isVisible());
    for (const QLegendMarker* hidden : chart->chart()->legend()->markers(series))
      QVERIFY(!hidden->isVisible());
  }
  QVERIFY(pinned > 0);
  QVERIFY(chart->chart()->legend()->showToolTips());  // elided entries show their full name on hover
}

// In the cold blast the IP and the DKIM domain have the same reputation: the earlier line is drawn wider, so
// the later one on top leaves it visible.
void ChartsTest::coincidingLinesStayVisible() {
  Plotted plotted(shipped_scenario(QStringLiteral("gmail-cold-blast")));
  int pairs = 0;
  for (const RunChart* chart : plotted.panel.charts()) {
    const QList<QAbstractSeries*> series = chart->chart()->series();
    for (qsizetype i = 0; i < series.size(); ++i) {
      auto* earlier = qobject_cast<QLineSeries*>(series[i]);
      if (earlier == nullptr || earlier->points().isEmpty()) continue;
      for (qsizetype j = i + 1; j < series.size(); ++j) {
        auto* later = qobject_cast<QLineSeries*>(series[j]);
        if (later == nullptr || later->points() != earlier->points()) continue;
        ++pairs;
        QVERIFY2(earlier->pen().widthF() >= later->pen().widthF() + 2,
                 qPrintable(chart->objectName() + ": " + earlier->name() + " / " + later->name()));
      }
    }
  }
  QVERIFY(pairs > 0);
}

// Narrower than two charts side by side, the grid has one column and scrolls; wide, two columns.
void ChartsTest::gridScrollsInOneColumnWhenNarrow() {
  Plotted plotted(whatif_scenario());
  QCOMPARE(plotted.panel.columns(), 2);
  plotted.panel.resize(600, 500);
  QCoreApplication::processEvents();
  QCOMPARE(plotted.panel.columns(), 1);
  for (const RunChart* chart : plotted.panel.charts()) {
    QVERIFY(chart->width() >= chart->minimumWidth());
    QVERIFY(chart->height() >= chart->minimumHeight());
  }
  QVERIFY(plotted.panel.findChild<QScrollArea*>("chart-scroll") != nullptr);
}

// PNG at twice the chart's size and SVG, both headed by the scenario and, with A pinned, the A/B key.
void ChartsTest::exportWritesImagesWithCaptionAndKey() {
  Plotted plotted(whatif_scenario(), true);
  QTemporaryDir folder;
  const QStringList written = export_chart_images(
      captioned(plotted.panel.charts(), {QStringLiteral("whatif-100k.yaml"), plotted.pinned->label}),
      folder.path());
  QCOMPARE(written.size(), 12);
  for (const RunChart* chart : plotted.panel.charts()) {
    const QImage png(folder.filePath(chart->objectName() + ".png"));
    QCOMPARE(png.width(), 2 * chart->width());
    QVERIFY(png.height() > 2 * chart->height());
    const QByteArray svg = contents(folder.filePath(chart->objectName() + ".svg"));
    QVERIFY2(svg.startsWith("<?xml") && svg.contains("<svg"), qPrintable(chart->objectName()));
    QVERIFY(svg.contains("whatif-100k.yaml"));
    QVERIFY(svg.contains("A: whatif-100k.yaml (grey, dashed)"));
    QVERIFY(svg.contains("B: this run"));
  }
}

// The run export holds the run, the document's YAML and, when pinned, A's run and YAML in A/.
void ChartsTest::exportWritesTheRunTheScenarioAndA() {
  Plotted plotted(whatif_scenario(), true);
  const RunResult a = run_scenario(load_scenario(whatif_scenario().toStdString(), {"seed=7"}));
  const PinnedRun pinned{a,
                         plotted.scenario,
                         YAML::Node(),
                         QStringLiteral("whatif-100k.yaml"),
                         QStringLiteral("A: whatif-100k.yaml"),
                         QStringLiteral("name: a\n")};
  QTemporaryDir folder;
  const QStringList written =
      export_run_files(plotted.result, QStringLiteral("name: b\n"), &pinned, folder.path());
  QCOMPARE(written.size(), 6);
  QCOMPARE(contents(folder.filePath("summary.json")).toStdString(), summary_json(plotted.result));
  QCOMPARE(contents(folder.filePath("scenario.yaml")), QByteArray("name: b\n"));
  QCOMPARE(contents(folder.filePath("A/summary.json")).toStdString(), summary_json(a));
  QCOMPARE(contents(folder.filePath("A/scenario.yaml")), QByteArray("name: a\n"));
  QVERIFY(!contents(folder.filePath("A/timeseries.csv")).isEmpty());
  // Exporting again into the same folder replaces delivsim's own files.
  QCOMPARE(export_run_files(plotted.result, QStringLiteral("name: c\n"), nullptr, folder.path()).size(), 3);
  QCOMPARE(contents(folder.filePath("scenario.yaml")), QByteArray("name: c\n"));
}

// A file of the user's where an export would write: refused, naming it, and nothing is written.
void ChartsTest::exportNeverOverwritesAForeignFile() {
  Plotted plotted(whatif_scenario());
  QTemporaryDir folder;
  QFile mine(folder.filePath("scenario.yaml"));
  QVERIFY(mine.open(QIODevice::WriteOnly));
  mine.write("my own notes\n");
  mine.close();
  try {
    export_run_files(plotted.result, QStringLiteral("name: b\n"), nullptr, folder.path());
    QFAIL("the export overwrote a file delivsim did not write");
  } catch (const std::runtime_error& e) {
    QCOMPARE(
        QString::fromUtf8(e.what()),
        folder.filePath("scenario.yaml") + ": exists and was not written by delivsim: choose another folder");
  }
  QCOMPARE(contents(folder.filePath("scenario.yaml")), QByteArray("my own notes\n"));
  QVERIFY(!QFile::exists(folder.filePath("summary.json")));
  QVERIFY(!QFile::exists(folder.filePath(kExportListName)));
  QFile image(folder.filePath("queue-depth.svg"));
  QVERIFY(image.open(QIODevice::WriteOnly));
  image.close();
  QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                           export_chart_images(captioned(plotted.panel.charts(), {}), folder.path()));
  QVERIFY(!QFile::exists(folder.filePath("queue-depth.png")));
}

}  // namespace delivsim::gui::test
