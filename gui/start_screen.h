#pragma once
/// @file What the window shows before a scenario is open: what to do first (start from a shipped scenario,
/// open a file, or reopen a recent one) instead of blank charts and a disabled form.
#include <QStringList>
#include <QVBoxLayout>
#include <QWidget>

namespace delivsim::gui {

/// The start page of the window.
class StartScreen : public QWidget {
  Q_OBJECT

 public:
  explicit StartScreen(QWidget* parent = nullptr);

  /// Lists `files` (newest first) as buttons that open them.
  void setRecentFiles(const QStringList& files);

 signals:
  /// "New from template…" was clicked.
  void newFromTemplateRequested();
  /// "Open…" was clicked.
  void openRequested();
  /// A recent file was clicked.
  void recentFileChosen(const QString& path);

 private:
  QWidget* recent_box_ = nullptr;
  QVBoxLayout* recent_ = nullptr;
};

}  // namespace delivsim::gui
