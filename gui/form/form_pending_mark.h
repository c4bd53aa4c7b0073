#pragma once
/// @file The form's mark on a field whose typed text is not applied yet (typed, no Enter or focus change
/// yet): italic on an amber background, and a tooltip saying how to apply it.
#include <QObject>
#include <QWidget>

namespace delivsim::gui {

/// Marks fields while their typed text waits to be applied.
class FormPendingMark : public QObject {
  Q_OBJECT

 public:
  explicit FormPendingMark(QObject* parent = nullptr);

  /// Watches every text field and spin box below `root` (call again when fields were added): typing marks
  /// the field, Enter or leaving it clears the mark.
  void watch(QWidget* root);

  /// Whether `field` is marked as holding typed text not applied yet.
  static bool isPending(const QWidget* field);
  /// Clears `field`'s mark: its text was applied, or replaced by the document's value.
  static void clear(QWidget* field);

 private:
  /// The user typed into the sending line edit.
  void typed();
  /// The sending field finished its edit (Enter or focus out).
  void finished();
};

}  // namespace delivsim::gui
