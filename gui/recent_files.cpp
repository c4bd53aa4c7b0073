#include "gui/recent_files.h"

#include <QFileInfo>

#include "gui/app_settings.h"

namespace delivsim::gui {

namespace {

const QString kKey = QStringLiteral("recentFiles");

void store(const QStringList& files) {
  app_settings()->setValue(kKey, files);
}

}  // namespace

QStringList recent_files() {
  const QStringList stored = app_settings()->value(kKey).toStringList();
  QStringList existing;
  for (const QString& file : stored) {
    if (QFileInfo(file).isFile()) existing.append(file);
  }
  if (existing != stored) store(existing);
  return existing;
}

void add_recent_file(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList files = recent_files();
  files.removeAll(absolute);
  files.prepend(absolute);
  while (files.size() > kMaxRecentFiles) files.removeLast();
  store(files);
}

void clear_recent_files() {
  app_settings()->remove(kKey);
}

}  // namespace delivsim::gui
