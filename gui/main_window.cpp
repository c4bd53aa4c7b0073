#include "gui/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <cmath>

#include "gui/form_panel.h"
#include "gui/robust_dialog.h"
#include "gui/run_export.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

constexpr int kScenarioPaneWidth = 400;
constexpr int kRobustPaneWidth = 560;
const QString kScenarioFilter = QStringLiteral("Scenarios (*.yaml *.yml);;All files (*)");

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  buildActions();
  buildLayout();
  connect(&document_, &ScenarioDocument::checked, this, &MainWindow::documentChecked);
  connect(&document_, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
  connect(&document_, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
  connect(&document_, &ScenarioDocument::editRejected, this,
          [this](const QString& message) { statusBar()->showMessage("Change not made: " + message, 8000); });
  connect(&runs_, &RunController::started, this, &MainWindow::runStarted);
  connect(&runs_, &RunController::progressed, progress_, &QProgressBar::setValue);
  connect(&runs_, &RunController::snapshot, this, &MainWindow::runProgressed);
  connect(&runs_, &RunController::finished, this, &MainWindow::showResult);
  connect(&runs_, &RunController::cancelled, this, &MainWindow::runCancelled);
  connect(&runs_, &RunController::failed, this, &MainWindow::runFailed);
  connect(&runs_, &RunController::busyChanged, this, &MainWindow::busyChanged);
  connect(&document_, &ScenarioDocument::checked, this,
          [this] { robust_panel_->documentChanged(document_.text()); });
  connect(&robust_, &RobustController::progressed, robust_panel_, &RobustPanel::setProgress);
  connect(&robust_, &RobustController::finished, robust_panel_, &RobustPanel::showResult);
  connect(&robust_, &RobustController::cancelled, this, [this] {
    robust_panel_->stopped();
    statusBar()->showMessage(QStringLiteral("Robust compare cancelled"), 5000);
  });
  connect(&robust_, &RobustController::failed, this, [this](const QString& message) {
    robust_panel_->stopped();
    statusBar()->showMessage(QStringLiteral("Robust compare failed: ") + message);
    QMessageBox::warning(this, QStringLiteral("Robust compare failed"), message);
  });
  connect(&robust_, &RobustController::busyChanged, this, &MainWindow::updateRobustAction);
  connect(robust_panel_, &RobustPanel::cancelRequested, &robust_, &RobustController::cancel);
  updateTitle();
  documentChecked();
  busyChanged(false);
}

bool MainWindow::openFile(const QString& path) {
  QString error;
  if (!document_.open(path, &error)) {
    status_->setText(error);
    status_->setStyleSheet("color: #c62828;");
    return false;
  }
  current_.reset();
  headline_->clear();
  compare_->clearRuns();
  robust_.cancel();
  robust_panel_->clear();
  return true;
}

void MainWindow::showResult(const RunResult& result, double wall_seconds) {
  current_ = result;
  replot();
  setStale(false);
  const QString speed = wall_seconds < kAutoRunMaxSeconds
                            ? QStringLiteral("changes re-run automatically")
                            : QStringLiteral("press Run (Ctrl+R) after changes");
  const QString wall = wall_seconds < 1 ? QStringLiteral("%1 ms").arg(std::lround(wall_seconds * 1000))
                                        : QString::fromStdString(format_short_duration(wall_seconds));
  run_info_->setText(QStringLiteral("Run: %1 wall \u00b7 %2 events \u00b7 seed %3 \u00b7 %4")
                         .arg(wall, QString::fromStdString(format_count(result.events_processed)))
                         .arg(result.seed)
                         .arg(speed));
  pin_->setEnabled(true);
  export_charts_->setEnabled(true);
  export_run_->setEnabled(true);
}

void MainWindow::runNow() {
  editor_->commit();
  if (!document_.valid()) {
    statusBar()->showMessage(QStringLiteral("The scenario has an error; fix it to run"), 5000);
    return;
  }
  runs_.start(*document_.scenario());
}

void MainWindow::pinCurrent() {
  if (!current_ || !document_.scenario()) return;
  const QString source = document_.displayName();
  pinned_ = PinnedRun{*current_, *document_.scenario(), source, QStringLiteral("A: ") + source};
  unpin_->setEnabled(true);
  replot();
  statusBar()->showMessage(QStringLiteral("Pinned as A: later runs are drawn solid over A dashed"), 5000);
}

void MainWindow::clearPinned() {
  pinned_.reset();
  unpin_->setEnabled(false);
  replot();
}

bool MainWindow::robustCompare(int worlds) {
  const std::optional<ScenarioBatch> batch = robustBatch();
  if (!batch) return false;
  startRobust(*batch, worlds);
  return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maySpoilChanges()) {
    runs_.cancel();
    event->accept();
  } else {
    event->ignore();
  }
}

void MainWindow::buildActions() {
  QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
  QAction* open = file->addAction(QStringLiteral("&Open\u2026"), this, &MainWindow::openClicked);
  open->setShortcut(QKeySequence::Open);
  QAction* save = file->addAction(QStringLiteral("&Save"), this, &MainWindow::saveClicked);
  save->setShortcut(QKeySequence::Save);
  file->addAction(QStringLiteral("Save &As\u2026"), this, &MainWindow::saveAsClicked)
      ->setShortcut(QKeySequence::SaveAs);
  file->addSeparator();
  export_charts_ =
      file->addAction(QStringLiteral("Export charts as &PNG\u2026"), this, &MainWindow::exportChartsClicked);
  export_run_ = file->addAction(QStringLiteral("Export &run (summary.json, timeseries.csv)\u2026"), this,
                                &MainWindow::exportRunClicked);
  file->addSeparator();
  file->addAction(QStringLiteral("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

  QMenu* run = menuBar()->addMenu(QStringLiteral("&Run"));
  run_ = run->addAction(QStringLiteral("&Run"), this, &MainWindow::runNow);
  run_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
  run_->setToolTip(QStringLiteral("Run the scenario (Ctrl+R)"));
  cancel_ = run->addAction(QStringLiteral("&Cancel"), &runs_, &RunController::cancel);
  cancel_->setShortcut(QKeySequence(Qt::Key_Escape));
  cancel_->setToolTip(QStringLiteral("Stop the run in progress (Esc)"));
  run->addSeparator();
  pin_ = run->addAction(QStringLiteral("&Pin as A"), this, &MainWindow::pinCurrent);
  pin_->setToolTip(QStringLiteral("Keep this result as A and compare later runs (B) with it"));
  unpin_ = run->addAction(QStringLiteral("C&lear A"), this, &MainWindow::clearPinned);
  run->addSeparator();
  robust_action_ =
      run->addAction(QStringLiteral("R&obust compare…"), this, &MainWindow::robustCompareClicked);
  robust_action_->setObjectName("robust-compare");
  robust_action_->setIconText(QStringLiteral("Robust compare"));
  robust_action_->setToolTip(
      QStringLiteral("Run the file's strategies in many plausible receiver worlds: in what share of them "
                     "does each win, and which assumptions does that hinge on?"));
  for (QAction* action : {pin_, unpin_, export_charts_, export_run_}) action->setEnabled(false);

  QToolBar* tools = addToolBar(QStringLiteral("Main"));
  tools->setObjectName("main-toolbar");
  tools->setMovable(false);
  tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
  tools->addAction(open);
  tools->addAction(save);
  tools->addSeparator();
  tools->addAction(run_);
  tools->addAction(cancel_);
  tools->addSeparator();
  tools->addAction(pin_);
  tools->addAction(unpin_);
  tools->addSeparator();
  tools->addAction(robust_action_);
  tools->addSeparator();
  tools->addAction(export_charts_);
  tools->addAction(export_run_);
  export_charts_->setIconText(QStringLiteral("Export charts"));
  export_run_->setIconText(QStringLiteral("Export run"));
}

void MainWindow::buildLayout() {
  auto* left = new QWidget;
  auto* left_column = new QVBoxLayout(left);
  left_column->setContentsMargins(6, 6, 0, 6);
  auto* tabs = new QTabWidget(left);
  editor_ = new YamlEditor(document_, tabs);
  tabs->addTab(new FormPanel(document_, tabs), QStringLiteral("Form"));
  tabs->addTab(editor_, QStringLiteral("YAML"));
  status_ = new QLabel(left);
  status_->setObjectName("scenario-status");
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  left_column->addWidget(tabs, 1);
  left_column->addWidget(status_);

  auto* right = new QWidget;
  auto* right_column = new QVBoxLayout(right);
  right_column->setContentsMargins(0, 6, 6, 6);
  headline_ = new HeadlineBar(right);
  stale_ =
      new QLabel(QStringLiteral("The scenario changed since this run: press Run (Ctrl+R) to update."), right);
  stale_->setStyleSheet("background: #fff3e0; color: #8a4b00; padding: 4px; border-radius: 3px;");
  stale_->hide();
  results_ = new QTabWidget(right);
  results_->setObjectName("result-tabs");
  charts_ = new ChartPanel(results_);
  compare_ = new CompareTable(results_);
  results_->addTab(charts_, QStringLiteral("Charts"));
  results_->addTab(compare_, QStringLiteral("Figures"));
  right_column->addWidget(headline_);
  right_column->addWidget(stale_);
  right_column->addWidget(results_, 1);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(left);
  split->addWidget(right);
  split->setStretchFactor(1, 1);
  split->setSizes({kScenarioPaneWidth, 1000});
  split->setChildrenCollapsible(false);
  left->setMinimumWidth(300);
  setCentralWidget(split);

  progress_ = new QProgressBar(this);
  progress_->setRange(0, 100);
  progress_->setMaximumWidth(220);
  progress_->setFormat(QStringLiteral("running %p%"));
  run_info_ = new QLabel(this);
  statusBar()->addPermanentWidget(run_info_);
  statusBar()->addPermanentWidget(progress_);

  robust_panel_ = new RobustPanel;
  robust_dock_ = new QDockWidget(QStringLiteral("Robust comparison"), this);
  robust_dock_->setObjectName("robust-dock");
  robust_dock_->setWidget(robust_panel_);
  addDockWidget(Qt::RightDockWidgetArea, robust_dock_);
  robust_dock_->hide();
}

void MainWindow::documentChecked() {
  if (document_.valid()) {
    const Scenario& scenario = *document_.scenario();
    status_->setText(QStringLiteral("\u2713 %1: %2 traffic, %3 providers, %4 simulated")
                         .arg(QString::fromStdString(scenario.name))
                         .arg(scenario.traffic.size())
                         .arg(scenario.providers.size())
                         .arg(QString::fromStdString(format_elapsed(to_seconds(scenario.duration)))));
    status_->setStyleSheet("color: #2e7d32;");
  } else {
    status_->setText(document_.error());
    status_->setStyleSheet("color: #c62828;");
  }
  run_->setEnabled(document_.valid());
  updateRobustAction();
  if (!document_.valid()) return;
  if (!auto_run_) {
    setStale(current_.has_value());
    return;
  }
  if (!current_ || runs_.autoRunAllowed()) {
    runs_.scheduleAutoRun(*document_.scenario());
  } else {
    setStale(true);
  }
}

void MainWindow::updateTitle() {
  setWindowTitle(document_.displayName() + QStringLiteral("[*] \u2014 delivsim"));
  setWindowModified(document_.isModified());
}

void MainWindow::runStarted() {
  progress_->setValue(0);
  progress_->show();
}

void MainWindow::runProgressed(const RunResult& partial) {
  if (!document_.scenario()) return;
  partial_ = partial;
  charts_->plotProgress(&*partial_, pinned_ ? &*pinned_ : nullptr, *document_.scenario());
}

void MainWindow::runCancelled() {
  replot();  // the last finished run again, over any figures of the cancelled one
  statusBar()->showMessage(QStringLiteral("Run cancelled"), 5000);
}

void MainWindow::runFailed(const QString& message) {
  statusBar()->showMessage(QStringLiteral("Run failed: ") + message);
  QMessageBox::warning(this, QStringLiteral("Run failed"), message);
}

void MainWindow::busyChanged(bool busy) {
  cancel_->setEnabled(busy);
  progress_->setVisible(busy);
}

void MainWindow::setStale(bool stale) {
  stale_->setVisible(stale);
}

void MainWindow::replot() {
  if (!current_ || !document_.scenario()) return;
  const Scenario& scenario = *document_.scenario();
  headline_->setHeadline(*current_, scenario);
  charts_->plot(&*current_, pinned_ ? &*pinned_ : nullptr, scenario);
  compare_->setRuns(*current_, pinned_ ? &*pinned_ : nullptr);
}

bool MainWindow::maySpoilChanges() {
  editor_->commit();
  if (!document_.isModified()) return true;
  const auto answer = QMessageBox::question(
      this, QStringLiteral("Unsaved changes"),
      QStringLiteral("%1 has unsaved changes. Save them?").arg(document_.displayName()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return saveClicked();
  return answer == QMessageBox::Discard;
}

void MainWindow::openClicked() {
  if (!maySpoilChanges()) return;
  const QString start =
      document_.filePath().isEmpty() ? QString() : QFileInfo(document_.filePath()).absolutePath();
  const QString path =
      QFileDialog::getOpenFileName(this, QStringLiteral("Open scenario"), start, kScenarioFilter);
  if (!path.isEmpty()) openFile(path);
}

bool MainWindow::saveClicked() {
  if (document_.filePath().isEmpty()) return saveAsClicked();
  editor_->commit();
  QString error;
  if (document_.save(document_.filePath(), &error)) return true;
  QMessageBox::warning(this, QStringLiteral("Save failed"), error);
  return false;
}

bool MainWindow::saveAsClicked() {
  const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save scenario as"),
                                                    document_.filePath(), kScenarioFilter);
  if (path.isEmpty()) return false;
  editor_->commit();
  QString error;
  if (document_.save(path, &error)) return true;
  QMessageBox::warning(this, QStringLiteral("Save failed"), error);
  return false;
}

void MainWindow::exportChartsClicked() {
  const QString folder = QFileDialog::getExistingDirectory(this, QStringLiteral("Export charts to folder"));
  if (folder.isEmpty()) return;
  try {
    const QStringList written = export_chart_images(charts_->charts(), folder);
    statusBar()->showMessage(QStringLiteral("Wrote %1 charts to %2").arg(written.size()).arg(folder), 8000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, QStringLiteral("Export failed"), QString::fromStdString(e.what()));
  }
}

void MainWindow::exportRunClicked() {
  if (!current_) return;
  const QString folder = QFileDialog::getExistingDirectory(this, QStringLiteral("Export run to folder"));
  if (folder.isEmpty()) return;
  try {
    const QStringList written = export_run_files(*current_, folder);
    statusBar()->showMessage(QStringLiteral("Wrote %1").arg(written.join(", ")), 8000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, QStringLiteral("Export failed"), QString::fromStdString(e.what()));
  }
}

void MainWindow::robustCompareClicked() {
  const std::optional<ScenarioBatch> batch = robustBatch();
  if (!batch) return;
  RobustDialog dialog(default_world_count(*batch), batch->strategies.size(), this);
  if (dialog.exec() == QDialog::Accepted) startRobust(*batch, dialog.worlds());
}

std::optional<ScenarioBatch> MainWindow::robustBatch() {
  editor_->commit();
  if (!document_.hasStrategies()) {
    statusBar()->showMessage(QStringLiteral("Robust compare needs a valid scenario with strategies:"), 5000);
    return std::nullopt;
  }
  try {
    return document_.batch();
  } catch (const std::exception& e) {  // a strategy's override or the uncertainty: block is invalid
    QMessageBox::warning(this, QStringLiteral("Robust compare"), QString::fromStdString(e.what()));
    return std::nullopt;
  }
}

void MainWindow::startRobust(const ScenarioBatch& batch, int worlds) {
  if (!robust_.start(batch, worlds)) return;
  robust_panel_->started(document_.text(), document_.displayName());
  if (robust_dock_->isHidden()) {
    robust_dock_->show();
    resizeDocks({robust_dock_}, {kRobustPaneWidth}, Qt::Horizontal);
  }
  robust_dock_->raise();
}

void MainWindow::updateRobustAction() {
  robust_action_->setEnabled(document_.hasStrategies() && !robust_.busy());
}

}  // namespace delivsim::gui
