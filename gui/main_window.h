#pragma once
/// @file delivsim-gui's window: the scenario (form and YAML) on the left, headline figures and charts on
/// the right; runs happen on a worker thread and re-run by themselves while they are fast.
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QTabWidget>
#include <optional>

#include "gui/chart_panel.h"
#include "gui/compare_table.h"
#include "gui/headline_bar.h"
#include "gui/robust_controller.h"
#include "gui/robust_panel.h"
#include "gui/run_controller.h"
#include "gui/scenario_document.h"
#include "gui/yaml_editor.h"

namespace delivsim::gui {

/// The application window.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

  /// Opens a scenario file; false (with the reason in the status label) when it cannot be read.
  bool openFile(const QString& path);
  /// Whether changes start runs by themselves (on by default; the screenshot mode turns it off).
  void setAutoRun(bool on) { auto_run_ = on; }
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

  /// The scenario being edited.
  ScenarioDocument& document() { return document_; }
  /// Starts and cancels runs.
  RunController& runs() { return runs_; }
  /// Starts and cancels robust comparisons.
  RobustController& robustRuns() { return robust_; }
  /// The robust comparison's panel (in a dock, hidden until the first comparison).
  RobustPanel* robustPanel() const { return robust_panel_; }
  /// The headline figures row.
  HeadlineBar* headline() const { return headline_; }
  /// The result charts.
  ChartPanel* charts() const { return charts_; }
  /// The tabs of the result area: Charts first, then Figures (this run's, and A, B, B − A when pinned).
  QTabWidget* resultTabs() const { return results_; }
  /// The YAML tab.
  YamlEditor* yamlEditor() const { return editor_; }
  /// The message under the scenario tabs: the parser's error, or that the scenario is valid.
  QString scenarioStatus() const { return status_->text(); }
  /// The run shown (B); empty before the first run finishes.
  const std::optional<RunResult>& currentResult() const { return current_; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildActions();
  void buildLayout();
  void documentChecked();
  void updateTitle();
  void runStarted();
  void runProgressed(const RunResult& partial);
  void runCancelled();
  void runFailed(const QString& message);
  void busyChanged(bool busy);
  void setStale(bool stale);
  void replot();
  /// Asks whether to save unsaved changes; false when the user cancels.
  bool maySpoilChanges();
  void openClicked();
  bool saveClicked();
  bool saveAsClicked();
  void exportChartsClicked();
  void exportRunClicked();
  void robustCompareClicked();
  /// The current text's batch for a robust comparison; nullopt (the reason shown) when it has none.
  std::optional<ScenarioBatch> robustBatch();
  void startRobust(const ScenarioBatch& batch, int worlds);
  void updateRobustAction();

  ScenarioDocument document_;
  RunController runs_;
  RobustController robust_;
  YamlEditor* editor_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* stale_ = nullptr;
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
  bool auto_run_ = true;
  std::optional<RunResult> current_;
  std::optional<PinnedRun> pinned_;
  std::optional<RunResult> partial_;  ///< the running run's figures so far
};

}  // namespace delivsim::gui
