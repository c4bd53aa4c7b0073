#include "gui/form/form_pending_mark.h"

#include <QAbstractSpinBox>
#include <QLineEdit>
#include <QVariant>

#include "gui/form/form_tooltips.h"

namespace delivsim::gui {

namespace {

constexpr const char* kPendingProperty = "delivsim-pending-edit";

/// The background of a field whose typed text is not applied yet (amber 50).
const QColor kPendingBackground(0xfff8e1);

/// The field a line edit belongs to: its spin box, or itself.
QWidget* field_of(QLineEdit* edit) {
  if (auto* box = qobject_cast<QAbstractSpinBox*>(edit->parentWidget())) return box;
  return edit;
}

}  // namespace

FormPendingMark::FormPendingMark(QObject* parent) : QObject(parent) {}

void FormPendingMark::watch(QWidget* root) {
  for (QLineEdit* edit : root->findChildren<QLineEdit*>()) {
    QWidget* field = field_of(edit);
    connect(edit, &QLineEdit::textEdited, this, &FormPendingMark::typed, Qt::UniqueConnection);
    if (auto* box = qobject_cast<QAbstractSpinBox*>(field)) {
      connect(box, &QAbstractSpinBox::editingFinished, this, &FormPendingMark::finished,
              Qt::UniqueConnection);
    } else {
      connect(edit, &QLineEdit::editingFinished, this, &FormPendingMark::finished, Qt::UniqueConnection);
    }
  }
}

bool FormPendingMark::isPending(const QWidget* field) {
  return field->property(kPendingProperty).toBool();
}

void FormPendingMark::clear(QWidget* field) {
  if (!isPending(field)) return;
  field->setProperty(kPendingProperty, false);
  field->setFont(QFont());  // inherit again
  field->setPalette(QPalette());
  show_field_state(field, FieldState::Pending, {});
}

void FormPendingMark::typed() {
  auto* edit = qobject_cast<QLineEdit*>(sender());
  if (edit == nullptr) return;
  QWidget* field = field_of(edit);
  if (isPending(field)) return;
  field->setProperty(kPendingProperty, true);
  QFont font = field->font();
  font.setItalic(true);
  field->setFont(font);
  QPalette palette = field->palette();
  palette.setColor(QPalette::Base, kPendingBackground);
  field->setPalette(palette);
  show_field_state(field, FieldState::Pending,
                   QStringLiteral("Typed, not applied yet: press Enter (or leave the field) to apply"));
}

void FormPendingMark::finished() {
  if (auto* field = qobject_cast<QWidget*>(sender())) clear(field);
}

}  // namespace delivsim::gui
