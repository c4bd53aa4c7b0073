#include "gui/yaml_editor.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>

namespace delivsim::gui {

YamlEditor::YamlEditor(ScenarioDocument& document, QWidget* parent)
    : QPlainTextEdit(parent), document_(document) {
  setObjectName("yaml");
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  setLineWrapMode(QPlainTextEdit::NoWrap);
  setTabChangesFocus(false);
  pause_.setSingleShot(true);
  pause_.setInterval(kTextCheckDelayMs);
  connect(&pause_, &QTimer::timeout, this, &YamlEditor::commit);
  connect(this, &QPlainTextEdit::textChanged, &pause_, qOverload<>(&QTimer::start));
  connect(&document_, &ScenarioDocument::textReplaced, this, &YamlEditor::reload);
  connect(&document_, &ScenarioDocument::checked, this, &YamlEditor::highlightError);
  reload();
}

void YamlEditor::commit() {
  pause_.stop();
  document_.setText(toPlainText().toStdString());
}

void YamlEditor::reload() {
  const int scroll = verticalScrollBar()->value();
  const int cursor = textCursor().position();
  {
    const QSignalBlocker blocker(this);
    setPlainText(QString::fromStdString(document_.text()));
  }
  QTextCursor restored = textCursor();
  restored.setPosition(std::min(cursor, document()->characterCount() - 1));
  setTextCursor(restored);
  verticalScrollBar()->setValue(scroll);
  pause_.stop();
}

void YamlEditor::highlightError() {
  QList<QTextEdit::ExtraSelection> selections;
  if (!document_.valid() && document_.errorLine() > 0) {
    QTextEdit::ExtraSelection selection;
    selection.format.setBackground(QColor(0xffebee));
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.cursor = QTextCursor(document()->findBlockByNumber(document_.errorLine() - 1));
    selections << selection;
  }
  setExtraSelections(selections);
}

}  // namespace delivsim::gui
