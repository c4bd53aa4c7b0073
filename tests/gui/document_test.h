#pragma once
/// @file Tests of the scenario document: the text stays the source of truth through form edits.
#include <QObject>

namespace delivsim::gui::test {

class DocumentTest : public QObject {
  Q_OBJECT

 private slots:
  void openParsesTheScenario();
  void scalarEditKeepsCommentsAndLayout();
  void structuralEditKeepsOpeningComment();
  void editThatWouldBreakTheScenarioIsRejected();
  void invalidTextReportsFileLineColumn();
  void editCreatesMissingKeys();
};

}  // namespace delivsim::gui::test
