#include "gui/form_section.h"

#include <QSignalBlocker>

namespace delivsim::gui {

FormSection::FormSection(const QString& title, QWidget* parent) : QGroupBox(title, parent) {}

void FormSection::show(QSpinBox* box, int value) {
  if (box->value() == value) return;
  const QSignalBlocker blocker(box);
  box->setValue(value);
}

void FormSection::show(QDoubleSpinBox* box, double value) {
  if (box->value() == box->valueFromText(box->textFromValue(value))) return;
  const QSignalBlocker blocker(box);
  box->setValue(value);
}

void FormSection::show(QLineEdit* edit, const QString& text) {
  mark_invalid(edit, {});
  if (edit->text() == text) return;
  const QSignalBlocker blocker(edit);
  edit->setText(text);
}

void FormSection::mark_invalid(QLineEdit* edit, const QString& problem) {
  edit->setStyleSheet(problem.isEmpty() ? QString()
                                        : QStringLiteral("QLineEdit { border: 1px solid #c62828; }"));
  edit->setToolTip(problem);
}

void FormSection::set(const YamlPath& path, const std::string& text) {
  emit edited({{path, scalar(text)}});
}

}  // namespace delivsim::gui
