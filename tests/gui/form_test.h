#pragma once
/// @file Tests of the form sections: each knob writes a valid change into the YAML text.
#include <QObject>

namespace delivsim::gui::test {

class FormTest : public QObject {
  Q_OBJECT

 private slots:
  void campaignSizeIsWritten();
  void complaintRateCreatesTheSegmentList();
  void retryListReplacesRetryAfter();
  void invalidDurationIsMarkedAndNotWritten();
  void addedPatternRowBecomesARule();
  void warmupModeSwitchWritesASchedule();
  void chosenTrafficEntryIsEdited();
  void chosenDestinationIsShaped();
  void exponentialRetryIsEditable();
  void providerShareRescalesTheOthers();
  void chosenSegmentIsEdited();
};

}  // namespace delivsim::gui::test
