#pragma once
/// @file Tests that the form changes a value only by a deliberate act, and only the text of that value.
#include <QObject>

namespace delivsim::gui::test {

class EditingTest : public QObject {
  Q_OBJECT

 private slots:
  void wheelOverUnfocusedFieldScrollsTheForm();
  void wheelOverFocusedFieldStepsIt();
  void quotedPatternsSurviveAnotherKeysEdit();
  void eachFieldChangesOnlyItsKeysLines();
  void typedValueIsMarkedUntilApplied();
  void yamlEditorNumbersLinesAndGoesToTheError();
  void shapingKnobsNameTheirPowerMtaDirective();
  void fieldsKeepTheirWidthAfterARun();
  void formFitsItsPaneAt1024x700();
};

}  // namespace delivsim::gui::test
