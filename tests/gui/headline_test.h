#pragma once
/// @file The window's headline figures against the CLI's summary.json, for every shipped scenario.
#include <QObject>

namespace delivsim::gui::test {

class HeadlineTest : public QObject {
  Q_OBJECT

 private slots:
  /// One row per scenarios/*.yaml that describes a single run (no `strategies:` or `sweep:`).
  void headlineEqualsCliSummary_data();
  /// Opens the row's scenario in the window, runs `delivsim run` on the same file, and compares every
  /// headline card with the figures read back from the CLI's summary.json.
  void headlineEqualsCliSummary();
  void formEditsSavedGiveTheCliTheSameHeadline();
  /// A value too wide for its card is drawn smaller; the card's minimum width never follows the text.
  void longValueShrinksInsteadOfWidening();
};

}  // namespace delivsim::gui::test
