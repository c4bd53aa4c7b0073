#pragma once
/// @file The "YAML" tab: the scenario's text, sent to the document after a short pause in typing, with the
/// line of the current error highlighted.
#include <QPlainTextEdit>
#include <QTimer>

#include "gui/scenario_document.h"

namespace delivsim::gui {

/// Typing pause before the text is checked, milliseconds.
inline constexpr int kTextCheckDelayMs = 300;

/// The YAML text editor bound to the document.
class YamlEditor : public QPlainTextEdit {
  Q_OBJECT

 public:
  explicit YamlEditor(ScenarioDocument& document, QWidget* parent = nullptr);

  /// Sends the typed text to the document now (instead of after the pause).
  void commit();

 private:
  void reload();
  void highlightError();

  ScenarioDocument& document_;
  QTimer pause_;
};

}  // namespace delivsim::gui
