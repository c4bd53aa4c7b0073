#include "gui/document/yaml_gutter.h"

#include "gui/document/yaml_editor.h"

namespace delivsim::gui {

YamlGutter::YamlGutter(YamlEditor* editor) : QWidget(editor), editor_(editor) {
  setObjectName("yaml-gutter");
}

QSize YamlGutter::sizeHint() const {
  return {editor_->gutterWidth(), 0};
}

void YamlGutter::paintEvent(QPaintEvent* event) {
  editor_->paintGutter(event);
}

}  // namespace delivsim::gui
