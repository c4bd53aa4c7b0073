#pragma once
/// @file delivsim-gui's window: the scenario (form and YAML) on the left, headline figures and charts on
/// the right; runs happen on a worker thread and re-run by themselves while they are fast. Its menus are
/// built in main_window_menus.cpp, its scenario files opened and saved in main_window_files.cpp.
#include <QAction>
#include <QDockWidget>
#include <QGraphicsOpacityEffect>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <optional>
#include <string>

#include "gui/charts/chart_panel.h"
#include "gui/document/scenario_document.h"
#include "gui/document/yaml_editor.h"
#include "gui/figures/compare_table.h"
#include "gui/figures/headline_bar.h"
#include "gui/run/robust_controller.h"
#include "gui/run/robust_panel.h"
#include "gui/run/run_controller.h"
#include "gui/run/run_export.h"
#include "gui/run/strategies_controller.h"
#include "gui/run/strategies_panel.h"
#include "gui/start_screen.h"

namespace delivsim::gui {

/// A run going on this long (wall time) greys the views that still show the last finished run.
inline constexpr int kRunningNoticeMs = 400;

/// The application window.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  /// What opening another scenario does with a pinned run (A).
  enum class PinnedOnOpen {
    Ask,   ///< ask each time (Keep A for comparison / Clear A)
    Keep,  ///< keep A, labelled with its file and what differs
    Clear  ///< forget A
  };

  explicit MainWindow(QWidget* parent = nullptr);

  /// Opens a scenario file and shows only it: the last file's result and views are dropped and the file runs
  /// at once (with automatic runs on), the views saying so meanwhile; a pinned A is kept or cleared as
  /// setPinnedOnOpen() says. False (with the reason in the status label) when the file cannot be read.
  bool openFile(const QString& path);
  /// Starts an untitled document holding `text` (File > New: empty; New from template: a copy).
  void openUntitled(const std::string& text);
  /// Opens an untitled copy of the scenario file `path` (a template), so that saving never overwrites
  /// it; false (with the reason in a message box) when it cannot be read.
  bool openTemplate(const QString& path);
  /// Restores the window's geometry, docks, toolbar and splitter from the settings; false when none
  /// were saved.
  bool restoreLayout();
  /// Saves the window's geometry, docks, toolbar and splitter in the settings (done on close).
  void saveLayout() const;
  /// Whether changes start runs by themselves (on by default; the screenshot mode turns it off).
  void setAutoRun(bool on) { auto_run_ = on; }
  /// What opening another scenario does with a pinned A (Ask by default; the question's "do the same for
  /// the next files" sets it too).
  void setPinnedOnOpen(PinnedOnOpen answer) { pinned_on_open_ = answer; }
  /// Shows a finished run: headline figures, charts, and the A/B comparison when a run is pinned.
  void showResult(const RunResult& result, double wall_seconds);

  /// Runs the current scenario now (Ctrl+R).
  void runNow();
  /// Keeps the current result as A; later runs are compared with it.
  void pinCurrent();
  /// Forgets the pinned result.
  void clearPinned();
  /// Compares the current text's strategies over `worlds` receiver worlds (Run > Robust compare without
  /// its dialog); false, with the reason in the status bar or a message box, when it cannot start.
  bool robustCompare(int worlds);
  /// Runs every strategy of the current text as `delivsim compare` does (Run > Compare strategies); false,
  /// with the reason in the status bar or a message box, when it cannot start.
  bool compareStrategies();
  /// Runs every point of the current text's sweep as `delivsim sweep` does (Run > Sweep); false as
  /// compareStrategies().
  bool runSweep();

  /// The scenario being edited.
  ScenarioDocument& document() { return document_; }
  /// Starts and cancels runs.
  RunController& runs() { return runs_; }
  /// Starts and cancels robust comparisons.
  RobustController& robustRuns() { return robust_; }
  /// Starts and cancels strategy comparisons and sweeps.
  StrategiesController& strategyRuns() { return strategies_; }
  /// The Strategies tab: the file's strategies and sweep, and their results.
  StrategiesPanel* strategiesPanel() const { return strategies_panel_; }
  /// The robust comparison's panel (in a dock, hidden until the first comparison).
  RobustPanel* robustPanel() const { return robust_panel_; }
  /// The headline figures row.
  HeadlineBar* headline() const { return headline_; }
  /// The result charts.
  ChartPanel* charts() const { return charts_; }
  /// What File > Export charts saves: the run charts, headed by the scenario and the A/B key when a run is
  /// pinned, and the Strategies tab's overlay and sweep chart when they show results.
  std::vector<ChartImage> chartImages() const;
  /// What the window shows before a scenario is open.
  StartScreen* startScreen() const { return start_; }
  /// Whether the start screen is shown (no scenario open yet) rather than the scenario and its results.
  bool showsStartScreen() const { return pages_->currentWidget() == start_; }
  /// The splitter between the scenario (left) and the results (right).
  QSplitter* splitter() const { return split_; }
  /// The tabs of the result area: Charts, Figures (this run's, and A, B, B − A when pinned), Strategies.
  QTabWidget* resultTabs() const { return results_; }
  /// The YAML tab.
  YamlEditor* yamlEditor() const { return editor_; }
  /// The message under the scenario tabs: the parser's error, or that the scenario is valid.
  QString scenarioStatus() const { return status_->text(); }
  /// The run shown (B); empty before the first run finishes.
  const std::optional<RunResult>& currentResult() const { return current_; }
  /// The pinned run (A), its label up to date with the run shown.
  const std::optional<PinnedRun>& pinnedRun() const { return pinned_; }

 protected:
  void closeEvent(QCloseEvent* event) override;
  /// Sends Undo/Redo keys pressed in the scenario's form or YAML editor to the document's history, not to
  /// the focused field's own undo.
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildActions();
  void buildFileMenu(QMenu* file);
  void buildEditMenu(QMenu* edit);
  void buildViewMenu(QMenu* view);
  void buildHelpMenu(QMenu* help);
  void buildLayout();
  /// Shows the scenario and its results instead of the start screen; remembers `path` as recent.
  void documentOpened(const QString& path);
  void fillRecentMenu();
  void openRecent(const QString& path);
  void newClicked();
  void newFromTemplateClicked();
  void undoClicked();
  void redoClicked();
  void resetLayout();
  /// Opens docs/`name` with the desktop's viewer.
  void openDoc(const QString& name);
  void documentChecked();
  void updateTitle();
  void runStarted();
  void runCancelled();
  void runFailed(const QString& message);
  void busyChanged(bool busy);
  void setStale(bool stale);
  void replot();
  /// The document holds another scenario (opened): drops the result, settles A, clears the views, runs.
  void scenarioReplaced();
  /// Whether a pinned A stays when another scenario is opened (setPinnedOnOpen(), or the question).
  bool keepPinned();
  /// Empties the headline, the charts (each showing `note`) and the A/B table: no run is shown.
  void clearViews(const QString& note);
  /// Why no run is shown and what to do: open a file, fix its error, or press Run.
  QString idleNote() const;
  /// What the views say while the current file's first run goes on.
  QString runningNote() const;
  /// The line above the result tabs (which run the views show, stale, running) and the views' greying.
  void showRunState();
  /// Asks whether to save unsaved changes; false when the user cancels.
  bool maySpoilChanges();
  void openClicked();
  bool saveClicked();
  bool saveAsClicked();
  void exportChartsClicked();
  void exportRunClicked();
  void robustCompareClicked();
  /// The current text's batch for `action`, which runs its `part` (strategies or sweep points); nullopt
  /// (the reason shown) when the text is invalid, has no such part (`needs` names it) or cannot be read.
  std::optional<ScenarioBatch> documentBatch(const QString& action,
                                             std::vector<ScenarioVariant> ScenarioBatch::*part,
                                             const QString& needs);
  void startRobust(const ScenarioBatch& batch, int worlds);
  void updateRobustAction();
  /// Adds Run > Compare strategies and Run > Sweep to `run`.
  void addStrategyActions(QMenu* run);
  /// Starts the comparison or sweep of the current text; false when it cannot start.
  bool startStrategies(StrategiesPanel::Kind kind);
  void updateStrategyActions();

  ScenarioDocument document_;
  RunController runs_;
  RobustController robust_;
  StrategiesController strategies_;
  YamlEditor* editor_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* run_state_ = nullptr;  ///< always shown, one line: the layout never moves when it changes
  QStackedWidget* pages_ = nullptr;
  StartScreen* start_ = nullptr;
  QSplitter* split_ = nullptr;
  QMenu* recent_menu_ = nullptr;
  QAction* undo_ = nullptr;
  QAction* redo_ = nullptr;
  QByteArray default_state_;  ///< docks and toolbar as built, for View > Reset layout
  HeadlineBar* headline_ = nullptr;
  QTabWidget* results_ = nullptr;
  ChartPanel* charts_ = nullptr;
  CompareTable* compare_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* run_info_ = nullptr;
  QAction* run_ = nullptr;
  QAction* cancel_ = nullptr;
  QAction* pin_ = nullptr;
  QAction* unpin_ = nullptr;
  QAction* export_charts_ = nullptr;
  QAction* export_run_ = nullptr;
  QAction* robust_action_ = nullptr;
  QDockWidget* robust_dock_ = nullptr;
  RobustPanel* robust_panel_ = nullptr;
  QAction* compare_action_ = nullptr;
  QAction* sweep_action_ = nullptr;
  StrategiesPanel* strategies_panel_ = nullptr;
  bool auto_run_ = true;
  std::optional<RunResult> current_;
  std::optional<PinnedRun> pinned_;
  bool opening_ = false;  ///< openFile() is replacing the document: documentChecked() starts no run
  bool stale_ = false;    ///< the scenario changed since the run shown and no run of the change is due
  PinnedOnOpen pinned_on_open_ = PinnedOnOpen::Ask;
  QTimer running_notice_;       ///< single shot, kRunningNoticeMs after a run began with no result since
  bool running_shown_ = false;  ///< the views are greyed: a run has gone on for kRunningNoticeMs
  QString shown_run_;           ///< which run the views show, for the run-state line
  QGraphicsOpacityEffect* headline_dim_ = nullptr;
  QGraphicsOpacityEffect* results_dim_ = nullptr;
};

}  // namespace delivsim::gui
