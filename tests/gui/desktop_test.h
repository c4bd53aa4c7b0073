#pragma once
/// @file Tests of the window's desktop conventions: menus and shortcuts, New from template, recent files,
/// one undo history for form and YAML edits, the remembered layout, the start screen.
#include <QObject>
#include <QTemporaryDir>

namespace delivsim::gui::test {

class DesktopTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void init();
  void cleanupTestCase();
  void menusAndShortcutsExist();
  void aboutNamesVersionQtAndTheModelsLimits();
  void shippedFilesAreFound();
  void windowShowsTheMenusIcon();
  void everyTemplateIsDescribed();
  void openingCommentKeepsParagraphsAndItems();
  void newFromTemplateOpensAnUntitledCopy();
  void recentFilesUpdateAndDropMissingOnes();
  void undoAndRedoAFormEdit();
  void undoKeysInTheYamlAndTheFormUndoTheDocument();
  void layoutIsRestoredFromSettings();
  void startScreenUntilAFileIsOpen();

 private:
  QTemporaryDir settings_;  ///< where the tests' QSettings live
};

}  // namespace delivsim::gui::test
