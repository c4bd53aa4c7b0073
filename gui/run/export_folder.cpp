#include "gui/run/export_folder.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <stdexcept>

namespace delivsim::gui {

namespace {

[[noreturn]] void fail(const QString& path, const QString& why) {
  throw std::runtime_error((path + ": " + why).toStdString());
}

}  // namespace

ExportFolder::ExportFolder(const QString& folder, const QStringList& names) : dir_(folder) {
  if (!dir_.exists()) fail(folder, QStringLiteral("no such folder"));
  QFile list(dir_.filePath(kExportListName));
  if (list.open(QIODevice::ReadOnly | QIODevice::Text)) {
    listed_ = QString::fromUtf8(list.readAll()).split('\n', Qt::SkipEmptyParts);
  }
  for (const QString& name : names) {
    const QString path = dir_.filePath(name);
    if (QFileInfo::exists(path) && !listed_.contains(name)) {
      fail(path, QStringLiteral("exists and was not written by delivsim: choose another folder"));
    }
  }
}

QString ExportFolder::write(const QString& name, const QByteArray& bytes) {
  const QString path = dir_.filePath(name);
  if (!dir_.mkpath(QFileInfo(name).path())) fail(QFileInfo(path).path(), QStringLiteral("cannot be created"));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    fail(path, file.errorString());
  }
  if (!listed_.contains(name)) {
    listed_ << name;
    saveList();
  }
  return path;
}

void ExportFolder::saveList() {
  QSaveFile list(dir_.filePath(kExportListName));
  const QByteArray bytes = (listed_.join('\n') + '\n').toUtf8();
  if (!list.open(QIODevice::WriteOnly) || list.write(bytes) != bytes.size() || !list.commit()) {
    fail(list.fileName(), list.errorString());
  }
}

}  // namespace delivsim::gui
