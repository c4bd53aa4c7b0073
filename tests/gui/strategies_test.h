#pragma once
/// @file Tests of the Strategies tab: the file's strategies listed, Compare strategies and Sweep giving the
/// CLI's numbers, the overlay's lines, cancel and the stale mark.
#include <QObject>

namespace delivsim::gui::test {

class StrategiesTest : public QObject {
  Q_OBJECT

 private slots:
  void listsTheStrategiesAndTheirOverrides();
  void compareGivesTheCliNumbers();
  void overlayHasALinePerStrategy();
  void exportIncludesTheStrategiesChart();
  void sweepTableHasTheCliRows();
  void cancelStopsTheComparison();
  void editingTheDocumentMarksTheResultsStale();
};

}  // namespace delivsim::gui::test
