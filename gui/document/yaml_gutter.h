#pragma once
/// @file The YAML editor's left margin: line numbers, the current error's line marked (as in Qt's Code Editor
/// example).
#include <QWidget>

namespace delivsim::gui {

class YamlEditor;

/// The line-number margin of a YamlEditor, which paints it.
class YamlGutter : public QWidget {
  Q_OBJECT

 public:
  explicit YamlGutter(YamlEditor* editor);

  QSize sizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  YamlEditor* editor_;
};

}  // namespace delivsim::gui
