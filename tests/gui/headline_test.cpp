#include "headline_test.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

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

/// `delivsim run FILE --out DIR --quiet`; the parsed summary.json, or an empty object (with the CLI's
/// output in `error`) when it failed.
QJsonObject cli_summary(const QString& scenario, const QString& out_dir, QString& error) {
  QProcess cli;
  cli.setProcessChannelMode(QProcess::MergedChannels);
  cli.start(QStringLiteral(DELIVSIM_BIN), {"run", scenario, "--out", out_dir, "--quiet"});
  if (!cli.waitForFinished(kRunTimeoutMs) || cli.exitCode() != 0) {
    error = QString::fromUtf8(cli.readAll());
    return {};
  }
  QFile summary(QDir(out_dir).filePath("summary.json"));
  if (!summary.open(QIODevice::ReadOnly)) {
    error = summary.errorString();
    return {};
  }
  return QJsonDocument::fromJson(summary.readAll()).object();
}

/// The headline figures as summary.json states them (the file's own figures, not a RunResult).
Headline headline_from_summary(const QJsonObject& summary) {
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
  for (const QJsonValue& value : summary["providers"].toObject()) {
    const QJsonObject provider = value.toObject();
    headline.p95_latency_s =
        std::max(headline.p95_latency_s, provider["delivery_latency_s"].toObject()["p95"].toDouble());
    if (count(provider, "injected") == 0) continue;
    if (provider["time_to_drain_s"].isNull()) {
      drained = false;
    } else {
      drain_s = std::max(drain_s, provider["time_to_drain_s"].toDouble());
    }
  }
  if (drained) headline.time_to_drain_s = drain_s;
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
  const Headline expected = headline_from_summary(summary);
  for (const Figure figure : kFigures) {
    QCOMPARE(window.headline()->valueText(figure), figure_text(expected, figure));
  }
}

}  // namespace delivsim::gui::test
