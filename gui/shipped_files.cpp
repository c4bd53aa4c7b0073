#include "gui/shipped_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace delivsim::gui {

namespace {

/// <executable>/../`installed` when that folder exists, else `source_tree`.
QString installed_or_source(const QString& installed, const QString& source_tree) {
  const QString beside =
      QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../") + installed);
  return QFileInfo(beside).isDir() ? QDir::cleanPath(beside) : source_tree;
}

}  // namespace

QString shipped_scenarios_folder() {
  const QString chosen = qEnvironmentVariable("DELIVSIM_SCENARIOS");
  if (!chosen.isEmpty()) return chosen;
  return installed_or_source(QStringLiteral("share/delivsim/scenarios"),
                             QStringLiteral(DELIVSIM_SOURCE_DIR "/scenarios"));
}

QString shipped_docs_folder() {
  return installed_or_source(QStringLiteral("share/doc/delivsim"),
                             QStringLiteral(DELIVSIM_SOURCE_DIR "/docs"));
}

QString delivsim_version() {
  return QStringLiteral(DELIVSIM_VERSION);
}

}  // namespace delivsim::gui
