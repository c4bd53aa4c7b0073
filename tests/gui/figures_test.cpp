#include "figures_test.h"

#include <QHeaderView>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "cli_run.h"
#include "gui/figures/chart_palette.h"
#include "gui/figures/compare_table.h"
#include "gui/main_window.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

CompareTable* figures_of(MainWindow& window) {
  return window.findChild<CompareTable*>("figures");
}

/// The text in `column` of the row named `name`; a null string when there is no such row.
QString cell_text(const CompareTable& table, const QString& name, int column) {
  const int row = table.rowOf(name);
  return row < 0 || !table.item(row, column) ? QString() : table.item(row, column)->text();
}

/// `difference` as the table should write a count's: "same", "+12", "−1,234".
QString count_difference(std::int64_t difference) {
  if (difference == 0) return QStringLiteral("same");
  return (difference < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) +
         QString::fromStdString(format_count(std::abs(difference)));
}

/// The colour of a difference where lower is better.
QColor lower_is_better_color(double difference) {
  if (difference == 0) return QColor(Qt::gray);
  return difference < 0 ? good_color() : bad_color();
}

}  // namespace

void FiguresTest::lostMailIsRedNotBlack() {
  MainWindow window;
  QVERIFY(open_and_run(window, shipped_scenario("gmail-cold-blast")));
  const RunResult& run = *window.currentResult();
  QVERIFY2(run.totals.delivered_share() < 0.5 && run.totals.expired > 100'000,
           "the cold blast loses most of its mail to expiry");
  const HeadlineBar& headline = *window.headline();
  QCOMPARE(headline.valueColor(Figure::DeliveredShare), bad_color());
  QCOMPARE(headline.valueColor(Figure::Expired), bad_color());
  QVERIFY(headline.valueColor(Figure::Bounced).isValid());
  QVERIFY2(headline.valueColor(Figure::DeliveredShare) != headline.valueColor(Figure::FinalTier) ||
               headline.valueColor(Figure::FinalTier) == bad_color(),
           "the tier is not the only figure in colour");
}

void FiguresTest::aSmallQueueOfAStreamIsASteadyState() {
  MainWindow window;
  QVERIFY(open_and_run(window, shipped_scenario("shared-ip-mixed")));
  const RunResult& run = *window.currentResult();
  QVERIFY2(run.totals.queued_at_end > 0 && run.totals.queued_at_end < 1'000, "a small queue at the end");
  const HeadlineBar& headline = *window.headline();
  QCOMPARE(headline.valueText(Figure::TimeToDrain), QStringLiteral("steady state"));
  QVERIFY2(!headline.valueColor(Figure::TimeToDrain).isValid(), "neutral, not red");
  const QString queued = QString::fromStdString(format_count(run.totals.queued_at_end));
  QVERIFY2(headline.valueToolTip(Figure::TimeToDrain).startsWith(QStringLiteral("Steady state")) &&
               headline.valueToolTip(Figure::TimeToDrain).contains(queued + " messages queued at the end"),
           qPrintable(headline.valueToolTip(Figure::TimeToDrain)));
  const CompareTable& table = *figures_of(window);
  QCOMPARE(cell_text(table, QStringLiteral("Time to drain"), 1), QStringLiteral("steady state"));
  window.pinCurrent();  // A is this run: both in steady state, the same
  QCOMPARE(cell_text(table, QStringLiteral("Time to drain"), 3), QStringLiteral("same"));
  QCOMPARE(table.columnSpan(table.rowOf(QStringLiteral("Totals")), 0), 4);
  QCOMPARE(table.columnSpan(table.rowOf(QStringLiteral("Attempts")), 0), 1);
}

void FiguresTest::aProviderWithoutMailHasNoLatency() {
  MainWindow window;
  QVERIFY(open_and_run(window, shipped_scenario("gmail-warmup")));
  const RunResult& run = *window.currentResult();
  QVERIFY2(run.providers.size() > 1 && run.providers[1].name == "microsoft" &&
               run.providers[1].counts.injected == 0,
           "microsoft gets no mail");
  const CompareTable& table = *figures_of(window);
  QCOMPARE(cell_text(table, QStringLiteral("microsoft \u00b7 p95 latency"), 1), QStringLiteral("\u2014"));
  QCOMPARE(cell_text(table, QStringLiteral("microsoft \u00b7 max queue"), 1), QStringLiteral("0"));
  QCOMPARE(cell_text(table, QStringLiteral("gmail \u00b7 p95 latency"), 1),
           QString::fromStdString(format_elapsed(run.providers[0].latency.p95_s)));
}

void FiguresTest::perTrafficFiguresEqualTheCliSummary() {
  const QString scenario = shipped_scenario("shared-ip-mixed");
  QTemporaryDir out;
  QString error;
  const QJsonObject summary = cli_summary(scenario, out.path(), error);
  QVERIFY2(!summary.isEmpty(), qPrintable(error));
  MainWindow window;
  QVERIFY(open_and_run(window, scenario));
  const CompareTable& table = *figures_of(window);
  QVERIFY(window.resultTabs()->isTabEnabled(window.resultTabs()->indexOf(figures_of(window))));
  QCOMPARE(table.columnCount(), 2);
  QCOMPARE(table.horizontalHeaderItem(1)->text(), QStringLiteral("This run"));
  const QJsonObject traffic = summary["traffic"].toObject();
  QVERIFY(traffic.contains("receipts"));
  for (auto it = traffic.begin(); it != traffic.end(); ++it) {
    const QJsonObject source = it.value().toObject();
    const QJsonObject latency = source["delivery_latency_s"].toObject();
    const QString prefix = it.key() + QStringLiteral(" \u00b7 ");
    QCOMPARE(cell_text(table, prefix + "p50 latency", 1),
             QString::fromStdString(format_elapsed(latency["p50"].toDouble())));
    QCOMPARE(cell_text(table, prefix + "p95 latency", 1),
             QString::fromStdString(format_elapsed(latency["p95"].toDouble())));
    const double delivered_share = static_cast<double>(source["delivered"].toInteger()) /
                                   static_cast<double>(source["injected"].toInteger());
    QCOMPARE(cell_text(table, prefix + "delivered share", 1),
             QString::fromStdString(format_percent(delivered_share, 2)));
    QCOMPARE(cell_text(table, prefix + "inbox share", 1),
             QString::fromStdString(format_percent(source["inbox_share"].toDouble(), 2)));
    // A share's tooltip gives the counts it divides.
    QCOMPARE(table.item(table.rowOf(prefix + "delivered share"), 1)->toolTip(),
             QString::fromStdString(format_count(source["delivered"].toInteger()) + " of " +
                                    format_count(source["injected"].toInteger())));
  }
  const QJsonObject totals = summary["totals"].toObject();
  QCOMPARE(cell_text(table, QStringLiteral("Attempts"), 1),
           QString::fromStdString(format_count(totals["attempts"].toInteger())));
  QCOMPARE(cell_text(table, QStringLiteral("Deferrals"), 1),
           QString::fromStdString(format_count(totals["deferrals"].toInteger())));
  QCOMPARE(table.item(table.rowOf(QStringLiteral("Deferral rate")), 1)->toolTip(),
           QString::fromStdString(format_count(totals["deferrals"].toInteger()) + " of " +
                                  format_count(totals["attempts"].toInteger())));
}

void FiguresTest::eachReplyCodeHasARow() {
  const QString scenario = shipped_scenario("gmail-cold-blast");
  QTemporaryDir out;
  QString error;
  const QJsonObject summary = cli_summary(scenario, out.path(), error);
  QVERIFY2(!summary.isEmpty(), qPrintable(error));
  MainWindow window;
  QVERIFY(open_and_run(window, scenario));
  const CompareTable& table = *figures_of(window);
  int replies = 0;
  const QJsonObject providers = summary["providers"].toObject();
  for (auto provider = providers.begin(); provider != providers.end(); ++provider) {
    const QJsonObject by_reply = provider.value().toObject()["deferrals_by_reply"].toObject();
    for (auto reply = by_reply.begin(); reply != by_reply.end(); ++reply, ++replies) {
      const QString name = provider.key() + QStringLiteral(" \u00b7 ") + reply.key();
      QCOMPARE(cell_text(table, name, 1), QString::fromStdString(format_count(reply.value().toInteger())));
    }
  }
  QVERIFY2(replies > 1, "the cold blast is deferred with several reply codes");
}

void FiguresTest::pinnedPairShowsExactColouredDifferences() {
  MainWindow window;
  QVERIFY(open_and_run(window, whatif_scenario()));
  const RunResult a = *window.currentResult();
  window.pinCurrent();
  QSignalSpy finished(&window.runs(), &RunController::finished);
  window.findChild<QSpinBox*>("max-smtp-out")->setValue(2);
  QVERIFY(finished.wait(kRunTimeoutMs));
  const RunResult b = *window.currentResult();
  QVERIFY2(a.totals.attempts != b.totals.attempts, "max_smtp_out changes the run");

  const CompareTable& table = *figures_of(window);
  QCOMPARE(table.columnCount(), 4);
  QVERIFY2(table.horizontalHeaderItem(1)->text().startsWith(QStringLiteral("A: whatif-100k.yaml")),
           qPrintable(table.horizontalHeaderItem(1)->text()));
  QCOMPARE(table.horizontalHeaderItem(3)->text(), QStringLiteral("B \u2212 A"));
  const struct {
    const char* name;
    std::int64_t a, b;
  } counts[] = {{"Attempts", a.totals.attempts, b.totals.attempts},
                {"Deferrals", a.totals.deferrals, b.totals.deferrals},
                {"Expired", a.totals.expired, b.totals.expired},
                {"Bounced", a.totals.bounced, b.totals.bounced},
                {"Queued at end", a.totals.queued_at_end, b.totals.queued_at_end}};
  for (const auto& count : counts) {
    const int row = table.rowOf(QString::fromLatin1(count.name));
    QVERIFY2(row >= 0, count.name);
    QCOMPARE(table.item(row, 1)->text(), QString::fromStdString(format_count(count.a)));
    QCOMPARE(table.item(row, 2)->text(), QString::fromStdString(format_count(count.b)));
    QCOMPARE(table.item(row, 3)->text(), count_difference(count.b - count.a));
    QCOMPARE(table.item(row, 3)->foreground().color(),
             lower_is_better_color(static_cast<double>(count.b - count.a)));
  }
  const double share_difference = b.totals.deferral_rate() - a.totals.deferral_rate();
  const int share_row = table.rowOf(QStringLiteral("Deferral rate"));
  QVERIFY(share_row >= 0 && share_difference != 0);
  QCOMPARE(table.item(share_row, 3)->text(),
           (share_difference < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) +
               QString::fromStdString(format_fixed(std::abs(share_difference) * 100, 3)) + " pp");
  QCOMPARE(table.item(share_row, 3)->foreground().color(), lower_is_better_color(share_difference));
  const double latency_difference = b.providers[0].latency.p95_s - a.providers[0].latency.p95_s;
  const int latency_row = table.rowOf(QString::fromStdString(a.providers[0].name) + " \u00b7 p95 latency");
  QVERIFY(latency_row >= 0);
  QCOMPARE(table.item(latency_row, 3)->text(),
           latency_difference == 0
               ? QStringLiteral("same")
               : (latency_difference < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) +
                     QString::fromStdString(format_exact_elapsed(latency_difference)));
  QCOMPARE(table.item(latency_row, 3)->foreground().color(), lower_is_better_color(latency_difference));

  window.clearPinned();
  QCOMPARE(table.columnCount(), 2);
}

}  // namespace delivsim::gui::test
