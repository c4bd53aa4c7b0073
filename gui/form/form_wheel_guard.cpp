#include "gui/form/form_wheel_guard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>

namespace delivsim::gui {

FormWheelGuard::FormWheelGuard(QAbstractScrollArea* area) : QObject(area), area_(area) {}

void FormWheelGuard::guard(QWidget* root) {
  QList<QWidget*> fields;
  for (QAbstractSpinBox* box : root->findChildren<QAbstractSpinBox*>()) fields << box;
  for (QComboBox* box : root->findChildren<QComboBox*>()) fields << box;
  for (QWidget* field : fields) {
    field->setFocusPolicy(Qt::StrongFocus);
    field->removeEventFilter(this);  // installed once, however often guard() runs
    field->installEventFilter(this);
  }
}

bool FormWheelGuard::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::Wheel) return false;
  const auto* field = qobject_cast<QWidget*>(watched);
  if (field == nullptr || field->hasFocus()) return false;
  QCoreApplication::sendEvent(area_->viewport(), event);
  return true;
}

}  // namespace delivsim::gui
