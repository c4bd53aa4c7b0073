#pragma once
/// @file The "Form" tab: every form section in a scrollable column, kept in step with the document.
#include <QScrollArea>
#include <vector>

#include "gui/form_section.h"

namespace delivsim::gui {

/// The form tab: sections of knobs that edit the document's text.
class FormPanel : public QScrollArea {
  Q_OBJECT

 public:
  /// Shows `document` and sends the sections' edits to it.
  explicit FormPanel(ScenarioDocument& document, QWidget* parent = nullptr);

 private:
  /// Refreshes every section from a valid text; disables the form while the text is invalid.
  void documentChecked();

  ScenarioDocument& document_;
  std::vector<FormSection*> sections_;
};

}  // namespace delivsim::gui
