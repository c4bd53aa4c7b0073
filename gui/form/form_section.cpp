#include "gui/form/form_section.h"

#include <QSignalBlocker>

#include "gui/form/form_pending_mark.h"
#include "gui/form/form_tooltips.h"

namespace delivsim::gui {

FormSection::FormSection(const QString& title, QWidget* parent) : QGroupBox(title, parent) {}

void FormSection::display(const ScenarioDocument& document, const FormTarget& target) {
  target_ = target;
  refresh(document);
}

void FormSection::show_value(QSpinBox* box, int value) {
  if (box->value() == value) return;
  const QSignalBlocker blocker(box);
  box->setValue(value);
  FormPendingMark::clear(box);
}

void FormSection::show_value(QDoubleSpinBox* box, double value) {
  if (box->value() == box->valueFromText(box->textFromValue(value))) return;
  const QSignalBlocker blocker(box);
  box->setValue(value);
  FormPendingMark::clear(box);
}

void FormSection::show_value(QLineEdit* edit, const QString& text) {
  mark_invalid(edit, {});
  if (edit->text() == text) return;
  const QSignalBlocker blocker(edit);
  edit->setText(text);
  FormPendingMark::clear(edit);
}

void FormSection::mark_invalid(QLineEdit* edit, const QString& problem) {
  edit->setStyleSheet(problem.isEmpty() ? QString()
                                        : QStringLiteral("QLineEdit { border: 1px solid #c62828; }"));
  show_field_state(edit, FieldState::Problem, problem);
}

void FormSection::show_page(QStackedWidget* pages, int index) {
  for (int page = 0; page < pages->count(); ++page) {
    const QSizePolicy::Policy policy = page == index ? QSizePolicy::Preferred : QSizePolicy::Ignored;
    pages->widget(page)->setSizePolicy(policy, policy);
  }
  pages->setCurrentIndex(index);
  pages->adjustSize();
}

void FormSection::set(const YamlPath& path, const std::string& text) {
  emit edited({{path, scalar(text)}});
}

}  // namespace delivsim::gui
