#include "gui/main_window.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QKeyEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>
#include <memory>

#include "gui/app_settings.h"
#include "gui/figures/headline.h"
#include "gui/figures/pinned_label.h"
#include "gui/form/form_panel.h"
#include "gui/recent_files.h"
#include "gui/run/robust_dialog.h"
#include "gui/run/run_export.h"
#include "gui/shipped_files.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

constexpr int kScenarioPaneWidth = 400;
constexpr int kResultsPaneWidth = 1000;  ///< with kScenarioPaneWidth: the split's proportions at first start
constexpr int kRobustPaneWidth = 560;
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  // packaging/delivsim.svg, the icon the desktop's menu shows; the window's dialogs inherit it.
  setWindowIcon(QIcon(QStringLiteral(":/icons/delivsim.svg")));
  buildActions();
  buildLayout();
  connect(&document_, &ScenarioDocument::checked, this, &MainWindow::documentChecked);
  connect(&document_, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
  connect(&document_, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
  connect(&document_, &ScenarioDocument::editRejected, this,
          [this](const QString& message) { statusBar()->showMessage("Change not made: " + message, 8000); });
  connect(&runs_, &RunController::started, this, &MainWindow::runStarted);
  connect(&runs_, &RunController::progressed, progress_, &QProgressBar::setValue);
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
  running_notice_.setSingleShot(true);
  running_notice_.setInterval(kRunningNoticeMs);
  connect(&running_notice_, &QTimer::timeout, this, [this] {
    running_shown_ = true;
    showRunState();
  });
  connect(&document_, &ScenarioDocument::filePathChanged, this, &MainWindow::documentOpened);
  connect(start_, &StartScreen::newFromTemplateRequested, this, &MainWindow::newFromTemplateClicked);
  connect(start_, &StartScreen::openRequested, this, &MainWindow::openClicked);
  connect(start_, &StartScreen::recentFileChosen, this, &MainWindow::openRecent);
  editor_->setUndoRedoEnabled(false);  // the document's history undoes YAML and form edits alike
  qApp->installEventFilter(this);      // ... also when a form field, with its own undo, has the focus
  connect(&document_, &ScenarioDocument::checked, this,
          [this] { strategies_panel_->documentChanged(document_); });
  connect(&strategies_, &StrategiesController::progressed, strategies_panel_, &StrategiesPanel::setProgress);
  connect(&strategies_, &StrategiesController::compareFinished, strategies_panel_,
          &StrategiesPanel::showCompare);
  connect(&strategies_, &StrategiesController::sweepFinished, strategies_panel_, &StrategiesPanel::showSweep);
  connect(&strategies_, &StrategiesController::cancelled, this, [this] {
    strategies_panel_->stopped();
    statusBar()->showMessage(QStringLiteral("Cancelled"), 5000);
  });
  connect(&strategies_, &StrategiesController::failed, this, [this](const QString& message) {
    strategies_panel_->stopped();
    statusBar()->showMessage(QStringLiteral("Failed: ") + message);
    QMessageBox::warning(this, QStringLiteral("Strategies"), message);
  });
  connect(&strategies_, &StrategiesController::busyChanged, this, &MainWindow::updateStrategyActions);
  connect(strategies_panel_, &StrategiesPanel::cancelRequested, &strategies_, &StrategiesController::cancel);
  updateTitle();
  documentChecked();
  busyChanged(false);
  clearViews(idleNote());
  default_state_ = saveState();
}

bool MainWindow::restoreLayout() {
  const std::unique_ptr<QSettings> settings = app_settings();
  if (!settings->contains(kGeometryKey)) return false;
  restoreGeometry(settings->value(kGeometryKey).toByteArray());
  restoreState(settings->value(kStateKey).toByteArray());
  split_->restoreState(settings->value(kSplitterKey).toByteArray());
  return true;
}

void MainWindow::saveLayout() const {
  const std::unique_ptr<QSettings> settings = app_settings();
  settings->setValue(kGeometryKey, saveGeometry());
  settings->setValue(kStateKey, saveState());
  settings->setValue(kSplitterKey, split_->saveState());
}

void MainWindow::showResult(const RunResult& result, double wall_seconds) {
  current_ = result;
  replot();
  shown_run_ = QStringLiteral("Showing the run of %1 that finished at %2")
                   .arg(document_.displayName(), QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
  running_shown_ = false;
  if (runs_.busy()) running_notice_.start();  // the next run (gathered changes) is under way
  setStale(false);
  const QString speed = runs_.autoRunAllowed() ? QStringLiteral("changes re-run automatically")
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
  pinned_ = PinnedRun{*current_, *document_.scenario(),          YAML::Clone(document_.tree()),
                      source,    QStringLiteral("A: ") + source, QString::fromStdString(document_.text())};
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
  const std::optional<ScenarioBatch> batch = documentBatch(
      QStringLiteral("Robust compare"), &ScenarioBatch::strategies, QStringLiteral("strategies:"));
  if (!batch) return false;
  startRobust(*batch, worlds);
  return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maySpoilChanges()) {
    runs_.cancel();
    saveLayout();
    event->accept();
  } else {
    event->ignore();
  }
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
  status_->setToolTip(QStringLiteral("F8 puts the cursor on the error's line and column in the YAML tab"));
  auto* go_to_error = new QAction(QStringLiteral("Go to error"), this);
  go_to_error->setObjectName("go-to-error");
  go_to_error->setShortcut(Qt::Key_F8);
  connect(go_to_error, &QAction::triggered, this, [this, tabs] {
    tabs->setCurrentWidget(editor_);
    editor_->goToError();
  });
  addAction(go_to_error);
  left_column->addWidget(tabs, 1);
  left_column->addWidget(status_);

  auto* right = new QWidget;
  auto* right_column = new QVBoxLayout(right);
  right_column->setContentsMargins(0, 6, 6, 6);
  headline_ = new HeadlineBar(right);
  run_state_ = new QLabel(right);
  run_state_->setObjectName("run-state");
  run_state_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);  // a long text is cut, never widens
  run_state_->setFixedHeight(run_state_->fontMetrics().height() + 8);
  results_ = new QTabWidget(right);
  results_->setObjectName("result-tabs");
  charts_ = new ChartPanel(results_);
  compare_ = new CompareTable(results_);
  results_->addTab(charts_, QStringLiteral("Charts"));
  results_->addTab(compare_, QStringLiteral("Figures"));
  strategies_panel_ = new StrategiesPanel(results_);
  strategies_panel_->setActions(compare_action_, sweep_action_);
  results_->addTab(strategies_panel_, QStringLiteral("Strategies"));
  right_column->addWidget(headline_);
  right_column->addWidget(run_state_);
  right_column->addWidget(results_, 1);
  headline_dim_ = new QGraphicsOpacityEffect(headline_);
  results_dim_ = new QGraphicsOpacityEffect(results_);
  for (QGraphicsOpacityEffect* dim : {headline_dim_, results_dim_}) {
    dim->setOpacity(0.45);
    dim->setEnabled(false);
  }
  headline_->setGraphicsEffect(headline_dim_);
  results_->setGraphicsEffect(results_dim_);

  split_ = new QSplitter(Qt::Horizontal);
  split_->setObjectName("scenario-results-splitter");
  split_->addWidget(left);
  split_->addWidget(right);
  split_->setStretchFactor(1, 1);
  split_->setSizes({kScenarioPaneWidth, kResultsPaneWidth});
  split_->setChildrenCollapsible(false);
  start_ = new StartScreen;
  start_->setRecentFiles(recent_files());
  pages_ = new QStackedWidget(this);
  pages_->addWidget(start_);
  pages_->addWidget(split_);
  setCentralWidget(pages_);

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
  updateStrategyActions();
  if (opening_ || !document_.valid()) return;  // openFile() runs a file just opened itself
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
  if (!current_) clearViews(runningNote());
  if (!running_shown_ && !running_notice_.isActive()) running_notice_.start();
}

void MainWindow::runCancelled() {
  if (current_) {
    replot();  // the views never showed the cancelled run; this refreshes A's label
  } else {
    clearViews(idleNote());
  }
  statusBar()->showMessage(QStringLiteral("Run cancelled"), 5000);
}

void MainWindow::runFailed(const QString& message) {
  if (!current_) clearViews(idleNote());
  statusBar()->showMessage(QStringLiteral("Run failed: ") + message);
  QMessageBox::warning(this, QStringLiteral("Run failed"), message);
}

void MainWindow::busyChanged(bool busy) {
  cancel_->setEnabled(busy);
  progress_->setVisible(busy);
  if (busy) return;
  running_notice_.stop();
  running_shown_ = false;
  showRunState();
}

void MainWindow::setStale(bool stale) {
  stale_ = stale;
  showRunState();
}

void MainWindow::replot() {
  if (!current_ || !document_.scenario()) return;
  const Scenario& scenario = *document_.scenario();
  if (pinned_) pinned_->label = pinned_label(*pinned_, scenario, document_.tree());
  headline_->setHeadline(*current_, scenario);
  charts_->plot(&*current_, pinned_ ? &*pinned_ : nullptr, scenario);
  compare_->setRuns(*current_, pinned_ ? &*pinned_ : nullptr);
}

void MainWindow::scenarioReplaced() {
  runs_.cancel();
  runs_.resetPace();
  current_.reset();
  stale_ = false;
  robust_.cancel();
  robust_panel_->clear();
  strategies_.cancel();
  strategies_panel_->clear();
  if (pinned_ && !keepPinned()) clearPinned();
  const bool run = auto_run_ && document_.valid();
  clearViews(run ? runningNote() : idleNote());
  if (run) runs_.start(*document_.scenario());
}

bool MainWindow::keepPinned() {
  if (pinned_on_open_ != PinnedOnOpen::Ask) return pinned_on_open_ == PinnedOnOpen::Keep;
  QMessageBox question(QMessageBox::Question, QStringLiteral("Pinned run A"),
                       QStringLiteral("A is a run of %1. Keep it to compare %2's runs with?")
                           .arg(pinned_->source, document_.displayName()),
                       QMessageBox::NoButton, this);
  question.setObjectName("pinned-question");
  QPushButton* keep = question.addButton(QStringLiteral("Keep A for comparison"), QMessageBox::AcceptRole);
  question.addButton(QStringLiteral("Clear A"), QMessageBox::DestructiveRole);
  question.setDefaultButton(keep);
  question.setEscapeButton(keep);
  auto* same_next_time = new QCheckBox(QStringLiteral("Do the same for the next files"), &question);
  question.setCheckBox(same_next_time);
  question.exec();
  const bool kept = question.clickedButton() == keep;
  if (same_next_time->isChecked()) pinned_on_open_ = kept ? PinnedOnOpen::Keep : PinnedOnOpen::Clear;
  return kept;
}

void MainWindow::clearViews(const QString& note) {
  headline_->clear();
  charts_->clear(note);
  compare_->clearRuns();
  for (QAction* action : {pin_, export_charts_, export_run_}) action->setEnabled(false);
  shown_run_ = note;
  showRunState();
}

QString MainWindow::idleNote() const {
  if (document_.filePath().isEmpty() && document_.text().empty()) {
    return QStringLiteral("Open a scenario (Ctrl+O)");
  }
  if (!document_.valid()) {
    return QStringLiteral("%1 has an error (see under the form): fix it to run").arg(document_.displayName());
  }
  return QStringLiteral("Press Run (Ctrl+R) to run %1").arg(document_.displayName());
}

QString MainWindow::runningNote() const {
  return QStringLiteral("Running %1…").arg(document_.displayName());
}

void MainWindow::showRunState() {
  const bool dim = running_shown_ && current_.has_value();
  QString text = shown_run_;
  QString colours = QStringLiteral("color: #424242;");
  if (dim) {
    text = QStringLiteral("Running: the views show the last finished run until this one finishes");
    colours = QStringLiteral("background: #e3f2fd; color: #0d47a1;");
  } else if (stale_ && current_) {
    text = QStringLiteral("The scenario changed since this run: press Run (Ctrl+R) to update.");
    colours = QStringLiteral("background: #fff3e0; color: #8a4b00;");
  }
  run_state_->setText(text);
  run_state_->setToolTip(text);
  run_state_->setStyleSheet(colours + QStringLiteral(" padding: 0 4px; border-radius: 3px;"));
  headline_dim_->setEnabled(dim);
  results_dim_->setEnabled(dim);
}

void MainWindow::undoClicked() {
  editor_->commit();  // text typed in the last pause is a step of its own
  document_.undo();
}

void MainWindow::redoClicked() {
  editor_->commit();
  document_.redo();
}

void MainWindow::resetLayout() {
  restoreState(default_state_);
  split_->setSizes({kScenarioPaneWidth, kResultsPaneWidth});
}

void MainWindow::openDoc(const QString& name) {
  const QString path = QDir(shipped_docs_folder()).filePath(name);
  if (!QFileInfo(path).isFile() || !QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
    QMessageBox::information(this, name,
                             QStringLiteral("Could not open %1 with the desktop's viewer.").arg(path));
  }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  // The filter sees every event of the application: all but shortcut overrides pass at once.
  if (event->type() != QEvent::ShortcutOverride) return QMainWindow::eventFilter(watched, event);
  auto* widget = qobject_cast<QWidget*>(watched);
  if (widget != nullptr && split_->widget(0)->isAncestorOf(widget)) {
    const QKeySequence pressed(static_cast<QKeyEvent*>(event)->keyCombination());
    const QList<QKeySequence> keys = undo_->shortcuts() + redo_->shortcuts();
    if (keys.contains(pressed)) {
      event->ignore();  // not the field's: the window's Undo / Redo actions take the key
      return true;
    }
  }
  return QMainWindow::eventFilter(watched, event);
}

void MainWindow::exportChartsClicked() {
  const QString folder = QFileDialog::getExistingDirectory(this, QStringLiteral("Export charts to folder"));
  if (folder.isEmpty()) return;
  try {
    const QStringList written = export_chart_images(chartImages(), folder);
    statusBar()->showMessage(
        QStringLiteral("Wrote %1 chart images (PNG, SVG) to %2").arg(written.size()).arg(folder), 8000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, QStringLiteral("Export failed"), QString::fromStdString(e.what()));
  }
}

std::vector<ChartImage> MainWindow::chartImages() const {
  std::vector<ChartImage> images =
      captioned(charts_->charts(), {document_.displayName(), pinned_ ? pinned_->label : QString()});
  // The Strategies tab's charts when they show results; no A/B key: they draw strategies, not A and B.
  if (strategies_panel_->compareResult())
    images.push_back(
        {strategies_panel_->overlay(), {document_.displayName() + QStringLiteral(" \u00b7 strategies"), {}}});
  if (strategies_panel_->sweepResult())
    images.push_back(
        {strategies_panel_->sweepChart(), {document_.displayName() + QStringLiteral(" \u00b7 sweep"), {}}});
  return images;
}

void MainWindow::exportRunClicked() {
  if (!current_) return;
  const QString folder = QFileDialog::getExistingDirectory(this, QStringLiteral("Export run to folder"));
  if (folder.isEmpty()) return;
  try {
    const QStringList written = export_run_files(*current_, QString::fromStdString(document_.text()),
                                                 pinned_ ? &*pinned_ : nullptr, folder);
    statusBar()->showMessage(QStringLiteral("Wrote %1").arg(written.join(", ")), 8000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, QStringLiteral("Export failed"), QString::fromStdString(e.what()));
  }
}

void MainWindow::robustCompareClicked() {
  const std::optional<ScenarioBatch> batch = documentBatch(
      QStringLiteral("Robust compare"), &ScenarioBatch::strategies, QStringLiteral("strategies:"));
  if (!batch) return;
  RobustDialog dialog(default_world_count(*batch), batch->strategies.size(), this);
  if (dialog.exec() == QDialog::Accepted) startRobust(*batch, dialog.worlds());
}

std::optional<ScenarioBatch> MainWindow::documentBatch(const QString& action,
                                                       std::vector<ScenarioVariant> ScenarioBatch::*part,
                                                       const QString& needs) {
  editor_->commit();
  if (!document_.valid()) {
    statusBar()->showMessage(action + QStringLiteral(" needs a valid scenario"), 5000);
    return std::nullopt;
  }
  try {
    ScenarioBatch batch = document_.batch();
    if ((batch.*part).empty()) {
      statusBar()->showMessage(action + QStringLiteral(" needs ") + needs, 5000);
      return std::nullopt;
    }
    return batch;
  } catch (const std::exception& e) {  // an override, the sweep or the uncertainty: block is invalid
    QMessageBox::warning(this, action, QString::fromStdString(e.what()));
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

bool MainWindow::compareStrategies() {
  return startStrategies(StrategiesPanel::Kind::Compare);
}

bool MainWindow::runSweep() {
  return startStrategies(StrategiesPanel::Kind::Sweep);
}

bool MainWindow::startStrategies(StrategiesPanel::Kind kind) {
  const bool compare = kind == StrategiesPanel::Kind::Compare;
  const std::optional<ScenarioBatch> batch =
      compare
          ? documentBatch(QStringLiteral("Compare strategies"), &ScenarioBatch::strategies,
                          QStringLiteral("strategies:"))
          : documentBatch(QStringLiteral("Sweep"), &ScenarioBatch::sweep_points, QStringLiteral("sweep:"));
  if (!batch) return false;
  if (!(compare ? strategies_.startCompare(*batch) : strategies_.startSweep(*batch))) return false;
  strategies_panel_->started(kind, document_.text(), document_.displayName());
  results_->setCurrentWidget(strategies_panel_);
  return true;
}

void MainWindow::updateStrategyActions() {
  const YAML::Node& tree = document_.tree();  // the const operator[] never adds the key
  compare_action_->setEnabled(document_.hasStrategies() && !strategies_.busy());
  sweep_action_->setEnabled(document_.valid() && tree["sweep"] && !strategies_.busy());
}

}  // namespace delivsim::gui
