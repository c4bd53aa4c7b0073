#pragma once
/// @file Tests of the result charts: the deferrals chart, A's own colours and legend entry, the hover readout
/// with calendar time, zoom and reset, legend toggles, coinciding lines, and the chart and run exports.
#include <QObject>

namespace delivsim::gui::test {

class ChartsTest : public QObject {
  Q_OBJECT

 private slots:
  void calendarTimeFromStartDate();
  void deferralsChartSumsToTheSummary();
  void pinnedRunHasItsOwnColoursAndLegend();
  void hoverReadsValueAndCalendarTime();
  void zoomAndReset();
  void samePlotTwiceGivesTheSameAxes();
  void legendEntryTogglesItsSeries();
  void coincidingLinesStayVisible();
  void gridScrollsInOneColumnWhenNarrow();
  void exportWritesImagesWithCaptionAndKey();
  void exportWritesTheRunTheScenarioAndA();
  void exportNeverOverwritesAForeignFile();
};

}  // namespace delivsim::gui::test
