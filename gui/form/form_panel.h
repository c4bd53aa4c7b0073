#pragma once
/// @file The "Form" tab: which traffic entry and destination to edit, then every form section in a
/// scrollable column, kept in step with the document.
#include <QComboBox>
#include <QScrollArea>
#include <vector>

#include "gui/form/form_pending_mark.h"
#include "gui/form/form_section.h"
#include "gui/form/form_wheel_guard.h"

namespace delivsim::gui {

/// The form tab: sections of knobs that edit the document's text.
class FormPanel : public QScrollArea {
  Q_OBJECT

 public:
  /// Shows `document` and sends the sections' edits to it.
  explicit FormPanel(ScenarioDocument& document, QWidget* parent = nullptr);
  /// As wide as the form's fields need (plus the vertical scroll bar): the horizontal scroll bar is off, so a
  /// narrower pane would cut the fields' right edges (spin arrows) off.
  QSize minimumSizeHint() const override;

 private:
  /// Refreshes every section from a valid text; disables the form while the text is invalid.
  void documentChecked();
  /// Fills the two choosers with the scenario's traffic entries and providers, showing target_.
  void showChoices(const Scenario& scenario);
  /// The user chose another traffic entry or destination.
  void targetChosen();

  ScenarioDocument& document_;
  QComboBox* traffic_choice_;
  QComboBox* destination_choice_;
  FormTarget target_;
  std::vector<FormSection*> sections_;
  FormWheelGuard* wheel_guard_;
  FormPendingMark* pending_mark_;
};

}  // namespace delivsim::gui
