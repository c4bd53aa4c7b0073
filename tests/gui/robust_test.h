#pragma once
/// @file Tests of Run > Robust compare: when it may run, what the panel shows, staleness and cancel.
#include <QObject>

namespace delivsim::gui::test {

class RobustTest : public QObject {
  Q_OBJECT

 private slots:
  void actionIsDisabledWithoutStrategies();
  void dialogStartsAtTheDefaultWorlds();
  void runFillsTheTableAsTheEngineComputes();
  void editingTheDocumentMarksTheResultStale();
  void cancelStopsTheComparison();
};

}  // namespace delivsim::gui::test
