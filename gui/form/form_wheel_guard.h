#pragma once
/// @file The form's rule for the mouse wheel: over a field that does not have the keyboard focus it scrolls
/// the form and never changes the field's value.
#include <QAbstractScrollArea>
#include <QObject>

namespace delivsim::gui {

/// Sends the wheel events of unfocused spin boxes and combo boxes to a scroll area.
class FormWheelGuard : public QObject {
  Q_OBJECT

 public:
  /// Guards fields inside `area`, which the wheel then scrolls.
  explicit FormWheelGuard(QAbstractScrollArea* area);

  /// Guards every spin box and combo box below `root` (call again when fields were added): each takes the
  /// focus by a click or Tab only (Qt::StrongFocus, not the wheel), and the wheel steps it only while it
  /// has the focus.
  void guard(QWidget* root);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QAbstractScrollArea* area_;
};

}  // namespace delivsim::gui
