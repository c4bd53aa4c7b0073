#include "headline_test.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include "cli_run.h"
#include "gui/figures/fit_label.h"
#include "gui/main_window.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

/// Whether the scenario file is a batch description (`strategies:` or `sweep:` at the top level), which
/// the window does not run as it stands.
bool is_batch_file(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return false;
  static const QRegularExpression kBatchKey(QStringLiteral("^(strategies|sweep):"),
                                            QRegularExpression::MultilineOption);
  return kBatchKey.match(QString::fromUtf8(file.readAll())).hasMatch();
}

/// The last row of the CLI's timeseries.csv in `out_dir`, by column name.
QMap<QString, double> last_timeseries_row(const QString& out_dir) {
  QFile file(QDir(out_dir).filePath("timeseries.csv"));
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
  const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
  if (lines.size() < 2) return {};
  const QStringList names = lines.front().split(',');
  const QStringList values = lines.back().split(',');
  QMap<QString, double> row;
  for (qsizetype c = 0; c < names.size() && c < values.size(); ++c) row[names[c]] = values[c].toDouble();
  return row;
}

/// The headline figures as the CLI's files in `out_dir` state them (summary.json's own figures, not a
/// RunResult; for a run that did not drain, whether each undrained provider's queue at the end is at most
/// what it finished in timeseries.csv's last interval: a steady state).
Headline headline_from_cli(const QJsonObject& summary, const QString& out_dir) {
  const QJsonObject totals = summary["totals"].toObject();
  const auto count = [](const QJsonObject& object, const char* key) { return object[key].toInteger(); };
  Headline headline;
  const qint64 injected = count(totals, "injected"), attempts = count(totals, "attempts");
  headline.delivered_share =
      injected > 0 ? static_cast<double>(count(totals, "delivered")) / static_cast<double>(injected) : 0.0;
  headline.deferral_rate =
      attempts > 0 ? static_cast<double>(count(totals, "deferrals")) / static_cast<double>(attempts) : 0.0;
  headline.expired = count(totals, "expired");
  headline.bounced = count(totals, "bounced");
  double drain_s = 0;
  bool drained = true;
  bool steady = true;
  const QMap<QString, double> last_row = last_timeseries_row(out_dir);
  const QJsonObject providers = summary["providers"].toObject();
  for (auto it = providers.begin(); it != providers.end(); ++it) {
    const QJsonObject provider = it.value().toObject();
    headline.p95_latency_s =
        std::max(headline.p95_latency_s, provider["delivery_latency_s"].toObject()["p95"].toDouble());
    if (count(provider, "injected") == 0) continue;
    if (provider["time_to_drain_s"].isNull()) {
      drained = false;
      const double finished = last_row.value(it.key() + ".delivered") + last_row.value(it.key() + ".bounced");
      steady =
          steady && !last_row.isEmpty() && static_cast<double>(count(provider, "queued_at_end")) <= finished;
    } else {
      drain_s = std::max(drain_s, provider["time_to_drain_s"].toDouble());
    }
  }
  if (drained) headline.time_to_drain_s = drain_s;
  headline.steady_state = !drained && steady;
  for (const QJsonValue& identity : summary["identities"].toArray()) {
    const std::optional<Tier> tier = parse_tier(identity.toObject()["final_tier"].toString().toStdString());
    if (tier) headline.final_tier = std::min(headline.final_tier.value_or(Tier::High), *tier);
  }
  return headline;
}

}  // namespace

void HeadlineTest::headlineEqualsCliSummary_data() {
  QTest::addColumn<QString>("scenario");
  const QDir folder(QStringLiteral(DELIVSIM_SOURCE_DIR "/scenarios"));
  const QStringList files = folder.entryList({"*.yaml"}, QDir::Files, QDir::Name);
  QVERIFY(!files.isEmpty());
  for (const QString& file : files) {
    // The ESP-scale speed benchmarks take up to a minute and GiBs: not what-if runs for a window.
    if (file == QStringLiteral("bench-10m.yaml") || file == QStringLiteral("bench-esp.yaml")) continue;
    const QString path = folder.filePath(file);
    if (!is_batch_file(path)) QTest::newRow(qPrintable(file)) << path;
  }
}

void HeadlineTest::headlineEqualsCliSummary() {
  QFETCH(QString, scenario);
  QTemporaryDir out;
  QString error;
  const QJsonObject summary = cli_summary(scenario, out.path(), error);
  QVERIFY2(!summary.isEmpty(), qPrintable(error));
  MainWindow window;
  QVERIFY(open_and_run(window, scenario));
  QCOMPARE(window.currentResult()->seed, static_cast<std::uint64_t>(summary["seed"].toInteger()));
  const Headline expected = headline_from_cli(summary, out.path());
  for (const Figure figure : kFigures) {
    QCOMPARE(window.headline()->valueText(figure), figure_text(expected, figure));
  }
}

void HeadlineTest::formEditsSavedGiveTheCliTheSameHeadline() {
  MainWindow window;
  QVERIFY(open_and_run(window, shipped_scenario("shared-ip-mixed")));
  QSignalSpy finished(&window.runs(), &RunController::finished);
  // Edits in several sections: the blast entry's size, its own pool, shaping towards 'other', and an
  // exponential retry towards Gmail.
  window.findChild<QComboBox*>("traffic-entry")->setCurrentIndex(1);
  window.findChild<QSpinBox*>("recipients")->setValue(90000);
  QTRY_COMPARE(window.document().scenario()->traffic[1].campaign->recipients, std::int64_t{90000});
  window.findChild<QPushButton*>("own-pool")->click();
  QTRY_COMPARE(window.document().scenario()->traffic[1].pool, std::string("blast"));
  window.findChild<QComboBox*>("destination")->setCurrentText(QStringLiteral("other"));
  window.findChild<QSpinBox*>("max-smtp-out")->setValue(4);
  QTRY_COMPARE(window.document().scenario()->policy_for("other").max_smtp_out, 4);
  window.findChild<QComboBox*>("destination")->setCurrentText(QStringLiteral("gmail"));
  window.findChild<QComboBox*>("retry-kind")->setCurrentIndex(1);
  QTRY_COMPARE(window.document().scenario()->policy_for("gmail").retry.kind,
               RetrySchedule::Kind::Exponential);
  QTRY_VERIFY_WITH_TIMEOUT(!window.runs().busy() && finished.count() > 0, kRunTimeoutMs);

  QTemporaryDir dir;
  const QString saved = dir.filePath("edited.yaml");
  QString error;
  QVERIFY2(window.document().save(saved, &error), qPrintable(error));
  const QJsonObject summary = cli_summary(saved, dir.filePath("out"), error);
  QVERIFY2(!summary.isEmpty(), qPrintable(error));
  const Headline expected = headline_from_cli(summary, dir.filePath("out"));
  for (const Figure figure : kFigures) {
    QCOMPARE(window.headline()->valueText(figure), figure_text(expected, figure));
  }
  QCOMPARE(summary["totals"].toObject()["injected"].toInteger(), window.currentResult()->totals.injected);
}

void HeadlineTest::longValueShrinksInsteadOfWidening() {
  FitLabel label(60);
  QFont big = label.font();
  big.setPointSizeF(14.0);
  label.setFont(big);
  label.resize(60, label.minimumSizeHint().height());
  label.show();  // a hidden widget gets its resize events when shown
  label.setFitText(QStringLiteral("1"));
  QCOMPARE(label.shownPointSize(), 14.0);
  const QSize minimum = label.minimumSizeHint();
  label.setFitText(QStringLiteral("99,999,999"));  // about 100 px at 14 pt
  QVERIFY(label.shownPointSize() < 14.0);
  QVERIFY(QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.contentsRect().width() + 1);
  QCOMPARE(label.minimumSizeHint(), minimum);
  label.resize(2000, label.height());  // room again: the full size comes back
  QCOMPARE(label.shownPointSize(), 14.0);
}

}  // namespace delivsim::gui::test
