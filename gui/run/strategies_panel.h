#pragma once
/// @file The Strategies tab: the document's `strategies:` (name, what each overrides) and `sweep:`, the
/// progress of a comparison or sweep, and their results as `delivsim compare` and `delivsim sweep` compute
/// them: the compare table with an overlay chart (a line per strategy), the sweep table with its objective
/// chart. Each result keeps the scenario text it was computed from and is marked stale as soon as the
/// document's text differs.
#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QWidget>
#include <optional>
#include <string>

#include "gui/charts/strategies_chart.h"
#include "gui/charts/sweep_objective_chart.h"
#include "gui/document/scenario_document.h"
#include "gui/run/strategies_table.h"
#include "gui/run/sweep_points_table.h"
#include "sim/batch/compare.h"
#include "sim/batch/sweep.h"

namespace delivsim::gui {

/// Shows the document's strategies and sweep, and the last comparison and sweep (or the one running).
class StrategiesPanel : public QWidget {
  Q_OBJECT

 public:
  /// Which batch command a result comes from.
  enum class Kind { Compare, Sweep };

  explicit StrategiesPanel(QWidget* parent = nullptr);

  /// Buttons for the window's Run > Compare strategies and Run > Sweep actions (they follow the actions'
  /// enabled state).
  void setActions(QAction* compare, QAction* sweep);
  /// Lists `document`'s strategies and sweep, and marks the results stale unless computed from its text.
  void documentChanged(const ScenarioDocument& document);
  /// A comparison or sweep of `source_name`'s text `source_text` started: shows its progress and Cancel.
  void started(Kind kind, const std::string& source_text, const QString& source_name);
  /// `done` of `total` runs have finished.
  void setProgress(int done, int total);
  /// The running work ended without a result (cancelled or failed): the progress goes away.
  void stopped();
  /// The running comparison finished in `wall_seconds`: fills the compare table and the overlay.
  void showCompare(const CompareResult& result, double wall_seconds);
  /// The running sweep finished in `wall_seconds`: fills the sweep table and its chart.
  void showSweep(const SweepResult& result, double wall_seconds);
  /// Forgets both results (another file was opened).
  void clear();

  /// The comparison shown; empty before the first one finishes.
  const std::optional<CompareResult>& compareResult() const { return compare_; }
  /// The sweep shown; empty before the first one finishes.
  const std::optional<SweepResult>& sweepResult() const { return sweep_; }
  /// Whether the result of `kind` was computed from another text than the document's.
  bool isStale(Kind kind) const;
  /// The document's strategies: name, overrides, description.
  QTableWidget* strategyList() const { return list_; }
  /// The compare table.
  StrategiesTable* compareTable() const { return table_; }
  /// The overlay chart of the comparison.
  StrategiesChart* overlay() const { return chart_; }
  /// The sweep table.
  SweepPointsTable* sweepTable() const { return sweep_table_; }
  /// The sweep's objective chart.
  SweepObjectiveChart* sweepChart() const { return sweep_chart_; }
  /// The results' tabs: Compare, then Sweep.
  QTabWidget* resultTabs() const { return pages_; }

 signals:
  /// The user pressed Cancel.
  void cancelRequested();

 private:
  /// One result's page: what was run on which text, and its stale mark.
  struct Page {
    QWidget* widget = nullptr;
    QLabel* facts = nullptr;
    QLabel* stale = nullptr;
    QWidget* content = nullptr;  ///< the table and the chart, disabled while stale
    QString intro;               ///< what the page shows before its first result
    QString result_facts;        ///< how its result was computed
    std::string text;            ///< the text the result was computed from
    QDateTime since;             ///< when it started
    bool shown = false;          ///< whether it has a result
  };

  QWidget* buildPage(Page& page, const QString& intro, QWidget* table, QWidget* chart, QWidget* chooser);
  Page& page(Kind kind) { return kind == Kind::Compare ? compare_page_ : sweep_page_; }
  /// Sets `page`'s result as computed from the running text, with `facts`.
  void finish(Page& page, const QString& facts);
  /// The facts line of a finished run: "3 strategies × 2 replications (common random numbers, seed 5), as
  /// delivsim compare runs them. Computed from FILE as it read at 12:00:00, in 1.2 s."
  QString runFacts(const QString& variants, int replications, std::uint64_t seed, const QString& command,
                   double wall_seconds) const;
  void markStale(Page& page);
  void replotOverlay();

  QLabel* listing_;
  QTableWidget* list_;
  QLabel* sweep_facts_;
  QToolButton* compare_button_;
  QToolButton* sweep_button_;
  QProgressBar* progress_;
  QPushButton* cancel_;
  QTabWidget* pages_;
  StrategiesTable* table_;
  QComboBox* series_;
  StrategiesChart* chart_;
  SweepPointsTable* sweep_table_;
  SweepObjectiveChart* sweep_chart_;
  Page compare_page_;
  Page sweep_page_;
  std::optional<CompareResult> compare_;
  std::optional<SweepResult> sweep_;
  Kind running_kind_ = Kind::Compare;
  std::string running_text_;   ///< the text of the work in progress
  QString running_name_;       ///< its file's name
  QDateTime running_since_;    ///< when it started
  std::string document_text_;  ///< the document's text as last told
};

}  // namespace delivsim::gui
