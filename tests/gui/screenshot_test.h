#pragma once
/// @file Tests of `--screenshot`: it writes a picture of a finished run.
#include <QObject>

namespace delivsim::gui::test {

class ScreenshotTest : public QObject {
  Q_OBJECT

 private slots:
  void writesAVariedPng();
  void refusesAnInvalidScenario();
  void refusesAbsurdWorkBeforeRunning();
};

}  // namespace delivsim::gui::test
