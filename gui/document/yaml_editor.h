#pragma once
/// @file The "YAML" tab: the scenario's text, sent to the document after a short pause in typing, with line
/// numbers and the line of the current error highlighted.
#include <QPlainTextEdit>
#include <QTimer>

#include "gui/document/scenario_document.h"
#include "gui/document/yaml_gutter.h"

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
  /// Puts the cursor on the current error's line and column (the line's start when the error has no
  /// column) and shows it; does nothing while the text is valid.
  void goToError();

  /// The line-number margin's width in pixels: the digits of the last line number and some padding.
  int gutterWidth() const;
  /// Paints the visible part of the line-number margin (YamlGutter's paint event).
  void paintGutter(QPaintEvent* event);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void reload();
  void highlightError();
  /// Makes room for the margin as the line count's digits change.
  void fitGutter();
  /// Repaints the margin where the text's view changed (scrolled by `dy` pixels).
  void updateGutter(const QRect& rect, int dy);

  ScenarioDocument& document_;
  QTimer pause_;
  YamlGutter* gutter_;
};

}  // namespace delivsim::gui
