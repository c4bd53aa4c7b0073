#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

#include "test_scenarios.h"

namespace delivsim::gui::test {

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

}  // namespace delivsim::gui::test
