#include "gui/document/scenario_document.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <stdexcept>

#include "gui/document/yaml_reemit.h"
#include "gui/document/yaml_splice.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim::gui {

namespace {

/// Edits remembered for undo; older ones are forgotten (the memory of a long session stays bounded).
constexpr std::size_t kMaxUndoSteps = 200;

}  // namespace

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent) {}

bool ScenarioDocument::open(const QString& path, QString* error) {
  std::string text;
  try {
    text = read_scenario_file(path.toStdString());
  } catch (const std::exception& e) {
    *error = QString::fromStdString(e.what());
    return false;
  }
  load(std::move(text), path);
  return true;
}

void ScenarioDocument::openUntitled(const std::string& text) {
  load(text, QString());
}

bool ScenarioDocument::save(const QString& path, QString* error) {
  QSaveFile file(path);
  const QByteArray bytes = QByteArray::fromStdString(text_);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    *error = path + ": " + file.errorString();
    return false;
  }
  if (file_path_ != path) {
    file_path_ = path;
    emit filePathChanged(file_path_);
    check();  // messages name the new file
  }
  saved_text_ = text_;
  updateModified();
  return true;
}

void ScenarioDocument::setText(const std::string& text) {
  if (text == text_) return;
  record();
  text_ = text;
  updateModified();
  check();
}

void ScenarioDocument::apply(const std::vector<YamlEdit>& edits) {
  if (!valid_ || edits.empty()) return;
  std::string written;
  try {
    const YAML::Node root = YAML::Load(text_);
    YAML::Node edited = YAML::Clone(root);
    for (const YamlEdit& edit : edits) apply_edit(edited, edit);
    const auto spliced = splice_tree(text_, root, edited);
    written = spliced ? *spliced : reemit(text_, edited);
    parse_scenario(written, sourceName());  // a form edit never leaves the text invalid
  } catch (const std::exception& e) {       // ScenarioError, YAML::Exception, or a path the tree cannot take
    emit editRejected(QString::fromStdString(e.what()));
    return;
  }
  if (written == text_) return;
  record();
  text_ = written;
  updateModified();
  emit textReplaced();
  check();
}

void ScenarioDocument::undo() {
  restore(undo_, redo_);
}

void ScenarioDocument::redo() {
  restore(redo_, undo_);
}

bool ScenarioDocument::hasStrategies() const {
  if (!valid_) return false;
  const YAML::Node& tree = tree_;  // the const operator[] never adds the key
  const YAML::Node strategies = tree["strategies"];
  return strategies && strategies.IsSequence() && strategies.size() > 0;
}

ScenarioBatch ScenarioDocument::batch() const {
  return parse_scenario_batch(text_, sourceName());
}

QString ScenarioDocument::displayName() const {
  return file_path_.isEmpty() ? QStringLiteral("untitled.yaml") : QFileInfo(file_path_).fileName();
}

void ScenarioDocument::check() {
  try {
    Scenario scenario = parse_scenario(text_, sourceName());
    tree_ = YAML::Load(text_);
    scenario_ = std::move(scenario);
    valid_ = true;
    error_.clear();
    error_line_ = 0;
    error_column_ = 0;
  } catch (const ScenarioError& e) {
    valid_ = false;
    error_ = QString::fromStdString(e.what());
    const bool here = e.file == sourceName();
    error_line_ = here ? e.line : 0;
    error_column_ = here ? e.column : 0;
  } catch (const std::exception& e) {
    valid_ = false;
    error_ = QString::fromStdString(e.what());
    error_line_ = 0;
    error_column_ = 0;
  }
  emit checked();
}

void ScenarioDocument::load(std::string text, const QString& path) {
  text_ = std::move(text);
  saved_text_ = text_;
  undo_.clear();
  redo_.clear();
  emit undoStateChanged();
  file_path_ = path;
  emit filePathChanged(file_path_);
  updateModified();
  emit textReplaced();
  check();
}

void ScenarioDocument::record() {
  undo_.push_back(text_);
  if (undo_.size() > kMaxUndoSteps) undo_.pop_front();
  redo_.clear();
  emit undoStateChanged();
}

void ScenarioDocument::restore(std::deque<std::string>& from, std::deque<std::string>& to) {
  if (from.empty()) return;
  to.push_back(std::move(text_));
  text_ = std::move(from.back());
  from.pop_back();
  emit undoStateChanged();
  updateModified();
  emit textReplaced();
  check();
}

void ScenarioDocument::updateModified() {
  const bool modified = text_ != saved_text_;
  if (modified == modified_) return;
  modified_ = modified;
  emit modifiedChanged(modified_);
}

std::string ScenarioDocument::sourceName() const {
  return file_path_.isEmpty() ? std::string("untitled.yaml") : file_path_.toStdString();
}

}  // namespace delivsim::gui
