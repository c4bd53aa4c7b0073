#pragma once
/// @file Tests of the main window: runs, form and YAML in step, errors, cancel, compare, update speed.
#include <QObject>

namespace delivsim::gui::test {

class WindowTest : public QObject {
  Q_OBJECT

 private slots:
  void formEditShowsInYaml();
  void yamlEditShowsInForm();
  void gmailShareKeepsTheMixValid();
  void invalidYamlShowsErrorAndStaysUsable();
  void cancelStopsALongRunPromptly();
  void knobChangeToUpdatedCharts();
  void changesDuringAQuickRunAreGathered();
  void exportWritesChartsAndRunFiles();
  void absurdWorkFailsBeforeRunning();
};

}  // namespace delivsim::gui::test
