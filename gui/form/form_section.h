#pragma once
/// @file A group of form knobs: shows values of the parsed scenario and asks for YAML edits when the user
/// changes one.
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>

#include "gui/document/scenario_document.h"
#include "gui/form/form_targets.h"

namespace delivsim::gui {

/// Base of the form's groups of knobs.
class FormSection : public QGroupBox {
  Q_OBJECT

 public:
  explicit FormSection(const QString& title, QWidget* parent = nullptr);

  /// Shows the values of `document`'s (valid) scenario for `target` without sending edits.
  void display(const ScenarioDocument& document, const FormTarget& target);

  /// Sets a spin box's value (signals blocked, any typed text and its pending mark replaced) unless it
  /// already shows it.
  static void show_value(QSpinBox* box, int value);
  /// As above, compared at the box's decimals.
  static void show_value(QDoubleSpinBox* box, double value);
  /// Sets a text field's text (signals blocked, its pending mark cleared) and clears its invalid mark.
  static void show_value(QLineEdit* edit, const QString& text);
  /// Marks a text field as holding text that was not accepted (red frame, `problem` atop its tooltip), or
  /// clears it.
  static void mark_invalid(QLineEdit* edit, const QString& problem);
  /// Shows page `index` of `pages`, sized to that page alone (a stacked widget otherwise takes the size of
  /// its largest page, stretching a one-line page to the height of a form).
  static void show_page(QStackedWidget* pages, int index);

 signals:
  /// The user changed a knob: these edits make the text say so.
  void edited(const delivsim::gui::YamlEdits& edits);

 protected:
  /// Shows the values of `document`'s (valid) scenario for target() without sending edits.
  virtual void refresh(const ScenarioDocument& document) = 0;
  /// The traffic entry and destination the knobs edit.
  const FormTarget& target() const { return target_; }
  /// Asks for one edit that sets `path` to the scalar `text`.
  void set(const YamlPath& path, const std::string& text);

 private:
  FormTarget target_;
};

}  // namespace delivsim::gui
