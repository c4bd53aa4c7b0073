#pragma once
/// @file The shipped scenarios as templates for File > New from template: each file's name, and what it
/// shows, read from the comment every shipped scenario opens with.
#include <QString>
#include <vector>

namespace delivsim::gui {

/// One shipped scenario offered as a template.
struct ScenarioTemplate {
  QString name;         ///< the file's base name, e.g. "whatif-100k"
  QString path;         ///< the file's path
  QString description;  ///< the file's opening comment, without the "# " markers
};

/// The opening comment of a scenario `text`: its leading "#" lines (but a first `# yaml-language-server:`
/// line) without the markers, lines joined by spaces; paragraphs (after a bare "#" line, or from "Shows:"
/// on) and list items ("- ") keep lines of their own.
QString opening_comment(const QString& text);

/// The *.yaml files of `folder` (not its subfolders), by name; an empty list when the folder does not exist.
std::vector<ScenarioTemplate> scenario_templates(const QString& folder);

}  // namespace delivsim::gui
