#pragma once
/// @file The scenario being edited. Its YAML text is the one source of truth: the form's changes are edits
/// of the text's tree, and every text is checked by the project's scenario parser. Undo and redo step
/// through snapshots of the text, so form and YAML edits share one history.
#include <yaml-cpp/yaml.h>

#include <QObject>
#include <QString>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "gui/document/yaml_path.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim::gui {

/// The scenario text being edited, its parse, its file and its saved state.
class ScenarioDocument : public QObject {
  Q_OBJECT

 public:
  explicit ScenarioDocument(QObject* parent = nullptr);

  /// Replaces the text with the file's content; false (and `error` says why) when it cannot be read.
  bool open(const QString& path, QString* error);
  /// Starts an untitled document holding `text` (e.g. a template's copy): no file, so saving asks for one;
  /// not modified; nothing to undo.
  void openUntitled(const std::string& text);
  /// Writes the text to `path`, which becomes the document's file; false (and `error`) on failure.
  bool save(const QString& path, QString* error);

  /// The text as the YAML editor changed it (one undo step): checked again.
  void setText(const std::string& text);
  /// Applies the form's edits to the text's tree and writes the text back, changing only the text of the
  /// values that differ (splice_tree: every other line, comment and quote kept; the whole tree is re-emitted
  /// only for a layout splice_tree does not follow). Ignored while the text is invalid; edits the
  /// tree cannot take, or that would make the scenario invalid, leave the text as it is and are reported
  /// by editRejected(). A change is one undo step.
  void apply(const std::vector<YamlEdit>& edits);

  /// Whether there is an edit to undo.
  bool canUndo() const { return !undo_.empty(); }
  /// Whether there is an undone edit to redo.
  bool canRedo() const { return !redo_.empty(); }
  /// Restores the text before the last edit: the views reload it, and it is checked (and re-run) like an
  /// edit.
  void undo();
  /// Re-applies the last undone edit.
  void redo();

  /// The current YAML text.
  const std::string& text() const { return text_; }
  /// Whether the current text is a valid scenario.
  bool valid() const { return valid_; }
  /// The parser's message for the current text ("file:line:col: error: ..."); empty when valid.
  const QString& error() const { return error_; }
  /// 1-based line of the current error in this text, or 0.
  int errorLine() const { return error_line_; }
  /// 1-based column of the current error in this text, or 0.
  int errorColumn() const { return error_column_; }
  /// The scenario of the last valid text (nullopt until one was valid).
  const std::optional<Scenario>& scenario() const { return scenario_; }
  /// The YAML tree of the last valid text.
  const YAML::Node& tree() const { return tree_; }
  /// Whether the current text is valid and has a non-empty `strategies:` list (what Robust compare runs).
  bool hasStrategies() const;
  /// The current text with its strategies, sweep and `uncertainty:` block (parse_scenario_batch, errors
  /// naming this document's file). Throws ScenarioError (or YAML::Exception) when they are invalid.
  ScenarioBatch batch() const;

  /// The file the text was opened from or saved to; empty for a new document.
  const QString& filePath() const { return file_path_; }
  /// The file's name, or "untitled.yaml".
  QString displayName() const;
  /// Whether the text differs from what was last opened or saved.
  bool isModified() const { return modified_; }

 signals:
  /// The whole text was replaced by open() or apply(): views of the text must reload it.
  void textReplaced();
  /// The text was checked again: valid(), error(), scenario() and tree() are up to date.
  void checked();
  /// The text now differs from (true) or matches (false) the file.
  void modifiedChanged(bool modified);
  /// apply() could not make a change (the message says where and why).
  void editRejected(const QString& message);
  /// The document belongs to another file (open, Save As, or untitled).
  void filePathChanged(const QString& path);
  /// canUndo() or canRedo() may have changed.
  void undoStateChanged();

 private:
  void check();
  /// Makes `text` the whole text of the document belonging to `path` (empty: untitled), with no history.
  void load(std::string text, const QString& path);
  /// Pushes the current text on the undo history (an edit is about to replace it); clears the redo history.
  void record();
  /// Makes the last text of `from` current, pushing the current one on `to` (undo and redo).
  void restore(std::deque<std::string>& from, std::deque<std::string>& to);
  /// Sets isModified() to whether the text differs from the file's.
  void updateModified();
  std::string sourceName() const;

  std::string text_;
  std::string saved_text_;  ///< the text as last opened or saved
  bool valid_ = false;
  QString error_;
  int error_line_ = 0;
  int error_column_ = 0;
  std::optional<Scenario> scenario_;
  YAML::Node tree_;
  QString file_path_;
  bool modified_ = false;
  std::deque<std::string> undo_;  ///< texts before each edit, oldest first
  std::deque<std::string> redo_;  ///< texts undone, the next redo last
};

}  // namespace delivsim::gui
