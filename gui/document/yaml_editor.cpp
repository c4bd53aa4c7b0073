#include "gui/document/yaml_editor.h"

#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

namespace delivsim::gui {

namespace {

/// Pixels left and right of the line numbers.
constexpr int kGutterPadding = 6;

const QColor kErrorColor(0xc62828);

}  // namespace

YamlEditor::YamlEditor(ScenarioDocument& document, QWidget* parent)
    : QPlainTextEdit(parent), document_(document), gutter_(new YamlGutter(this)) {
  setObjectName("yaml");
  setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  setLineWrapMode(QPlainTextEdit::NoWrap);
  setTabChangesFocus(false);
  pause_.setSingleShot(true);
  pause_.setInterval(kTextCheckDelayMs);
  connect(&pause_, &QTimer::timeout, this, &YamlEditor::commit);
  connect(this, &QPlainTextEdit::textChanged, &pause_, qOverload<>(&QTimer::start));
  connect(this, &QPlainTextEdit::blockCountChanged, this, &YamlEditor::fitGutter);
  connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
  connect(&document_, &ScenarioDocument::textReplaced, this, &YamlEditor::reload);
  connect(&document_, &ScenarioDocument::checked, this, &YamlEditor::highlightError);
  reload();
  fitGutter();
}

void YamlEditor::commit() {
  pause_.stop();
  document_.setText(toPlainText().toStdString());
}

void YamlEditor::goToError() {
  if (document_.valid() || document_.errorLine() <= 0) return;
  const QTextBlock line = document()->findBlockByNumber(document_.errorLine() - 1);
  if (!line.isValid()) return;
  QTextCursor cursor(line);
  cursor.setPosition(line.position() + std::clamp(document_.errorColumn() - 1, 0, line.length() - 1));
  setTextCursor(cursor);
  centerCursor();
  setFocus(Qt::OtherFocusReason);
}

int YamlEditor::gutterWidth() const {
  const int digits = static_cast<int>(QString::number(std::max(1, blockCount())).size());
  return 2 * kGutterPadding + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 2);
}

void YamlEditor::paintGutter(QPaintEvent* event) {
  QPainter painter(gutter_);
  painter.fillRect(event->rect(), palette().color(QPalette::Window));
  const int error_line = document_.valid() ? 0 : document_.errorLine();
  QTextBlock block = firstVisibleBlock();
  int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
  while (block.isValid() && top <= event->rect().bottom()) {
    const int bottom = top + qRound(blockBoundingRect(block).height());
    const int number = block.blockNumber() + 1;
    if (block.isVisible() && bottom >= event->rect().top()) {
      QFont font = painter.font();
      font.setBold(number == error_line);
      painter.setFont(font);
      painter.setPen(number == error_line ? kErrorColor : palette().color(QPalette::PlaceholderText));
      painter.drawText(0, top, gutter_->width() - kGutterPadding, fontMetrics().height(), Qt::AlignRight,
                       QString::number(number));
    }
    block = block.next();
    top = bottom;
  }
}

void YamlEditor::resizeEvent(QResizeEvent* event) {
  QPlainTextEdit::resizeEvent(event);
  const QRect area = contentsRect();
  gutter_->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
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
  fitGutter();  // the blocked signals did not report the new line count
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
  gutter_->update();
}

void YamlEditor::fitGutter() {
  setViewportMargins(gutterWidth(), 0, 0, 0);
  const QRect area = contentsRect();
  gutter_->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void YamlEditor::updateGutter(const QRect& rect, int dy) {
  if (dy != 0) {
    gutter_->scroll(0, dy);
  } else {
    gutter_->update(0, rect.y(), gutter_->width(), rect.height());
  }
  if (rect.contains(viewport()->rect())) fitGutter();
}

}  // namespace delivsim::gui
