#include "gui/document/scenario_templates.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace delivsim::gui {

QString opening_comment(const QString& text) {
  QStringList lines;
  QStringList text_lines = text.split(QLatin1Char('\n'));
  // A first line pointing a YAML language server at the schema says nothing about what the scenario shows.
  if (text_lines.front().startsWith(QStringLiteral("# yaml-language-server:"))) text_lines.removeFirst();
  for (const QString& line : text_lines) {
    if (!line.startsWith(QLatin1Char('#'))) break;
    const QString words = line.mid(1).trimmed();
    if (words.startsWith(QStringLiteral("Shows:")) && !lines.isEmpty() && !lines.back().isEmpty()) {
      lines.append(QString());  // what the scenario shows: a paragraph of its own
    }
    if (words.isEmpty() || words.startsWith(QStringLiteral("- ")) || lines.isEmpty() ||
        lines.back().isEmpty()) {
      lines.append(words);
    } else {
      lines.back() += QLatin1Char(' ') + words;
    }
  }
  return lines.join(QLatin1Char('\n')).trimmed();
}

std::vector<ScenarioTemplate> scenario_templates(const QString& folder) {
  std::vector<ScenarioTemplate> templates;
  const QFileInfoList files =
      QDir(folder).entryInfoList({QStringLiteral("*.yaml")}, QDir::Files | QDir::Readable, QDir::Name);
  for (const QFileInfo& file : files) {
    QFile in(file.filePath());
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text)) continue;
    templates.push_back(
        {file.completeBaseName(), file.filePath(), opening_comment(QString::fromUtf8(in.readAll()))});
  }
  return templates;
}

}  // namespace delivsim::gui
