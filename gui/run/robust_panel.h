#pragma once
/// @file The robust comparison's panel: what was run and on which text, its progress, a chosen figure's
/// table (win shares and the difference's spread per strategy), and for a chosen strategy its verdict line
/// and tornado chart on that figure. A result is kept with the
/// scenario text it was computed from and marked stale as soon as the document's text differs.
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QWidget>
#include <optional>
#include <string>

#include "gui/charts/tornado_chart.h"
#include "gui/run/robust_share_table.h"
#include "sim/batch/robust_compare.h"

namespace delivsim::gui {

/// Shows one robust comparison (or the one running).
class RobustPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RobustPanel(QWidget* parent = nullptr);

  /// A comparison of `source_name`'s text `source_text` started: shows its progress and a Cancel button.
  void started(const std::string& source_text, const QString& source_name);
  /// `done` of `total` runs have finished.
  void setProgress(int done, int total);
  /// The running comparison ended without a result (cancelled or failed): the progress goes away.
  void stopped();
  /// The running comparison finished in `wall_seconds`: fills the table and the chart.
  void showResult(const RobustResult& result, double wall_seconds);
  /// The document's text is now `text`: the result is marked stale unless it was computed from it.
  void documentChanged(const std::string& text);
  /// Forgets the result (another file was opened).
  void clear();

  /// The result shown; empty before the first comparison finishes.
  const std::optional<RobustResult>& result() const { return result_; }
  /// Whether the result shown was computed from another text than the document's.
  bool isStale() const { return stale_->isVisibleTo(this); }
  /// The chosen figure's table.
  RobustShareTable* table() const { return table_; }
  /// The tornado chart.
  TornadoChart* tornado() const { return tornado_; }

 signals:
  /// The user pressed Cancel.
  void cancelRequested();

 private:
  void choiceChanged();

  QLabel* facts_;
  QLabel* stale_;
  QProgressBar* progress_;
  QPushButton* cancel_;
  RobustShareTable* table_;
  QComboBox* strategy_;
  QComboBox* figure_;
  QLabel* verdict_;
  TornadoChart* tornado_;
  std::optional<RobustResult> result_;
  std::string result_text_;    ///< the text the result was computed from
  std::string running_text_;   ///< the text of the comparison in progress
  QString running_name_;       ///< its file's name
  QDateTime running_since_;    ///< when it started
  std::string document_text_;  ///< the document's text as last told
};

}  // namespace delivsim::gui
