#pragma once
/// @file Tests that every view shows one run of the file shown (issue 12 points 1, 2, 4 and the stale line):
/// opening a file after a slow run, a pinned A across files, a slow run and its cancel, the automatic
/// re-run rule, and the stale line that never moves the charts.
#include <QObject>

namespace delivsim::gui::test {

class ConsistencyTest : public QObject {
  Q_OBJECT

 private slots:
  void openingAfterASlowRunShowsTheOpenedFile();
  void pinnedRunIsLabelledWithWhatDiffers();
  void openingAnotherFileKeepsOrClearsThePinnedRun();
  void theQuestionAboutAClearsIt();
  void aSlowRunLeavesTheFinishedRunInEveryView();
  void cancelWithoutAFinishedRunClearsEveryChart();
  void autoRunFollowsTheTypicalWallTime();
  void staleLineDoesNotMoveTheCharts();
};

}  // namespace delivsim::gui::test
