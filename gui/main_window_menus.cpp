/// @file MainWindow's menus and toolbar: File, Edit, Run, View and Help, their actions and shortcuts.
#include <QApplication>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

#include "gui/about.h"
#include "gui/main_window.h"
#include "gui/recent_files.h"
#include "gui/shipped_files.h"

namespace delivsim::gui {

void MainWindow::buildActions() {
  QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
  file->setObjectName("menu-file");
  buildFileMenu(file);
  QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
  edit->setObjectName("menu-edit");
  buildEditMenu(edit);

  QMenu* run = menuBar()->addMenu(QStringLiteral("&Run"));
  run->setObjectName("menu-run");
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
  addStrategyActions(run);
  for (QAction* action : {pin_, unpin_, export_charts_, export_run_}) action->setEnabled(false);

  QMenu* view = menuBar()->addMenu(QStringLiteral("&View"));
  view->setObjectName("menu-view");
  buildViewMenu(view);
  QMenu* help = menuBar()->addMenu(QStringLiteral("&Help"));
  help->setObjectName("menu-help");
  buildHelpMenu(help);

  QToolBar* tools = addToolBar(QStringLiteral("Main"));
  tools->setObjectName("main-toolbar");
  tools->setMovable(false);
  tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
  tools->addAction(findChild<QAction*>("open"));
  tools->addAction(findChild<QAction*>("save"));
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

void MainWindow::buildFileMenu(QMenu* file) {
  QAction* new_file = file->addAction(QStringLiteral("&New"), this, &MainWindow::newClicked);
  new_file->setObjectName("new");
  new_file->setShortcut(QKeySequence::New);
  new_file->setToolTip(QStringLiteral("Start an empty untitled scenario"));
  QAction* from_template =
      file->addAction(QStringLiteral("New from &template\u2026"), this, &MainWindow::newFromTemplateClicked);
  from_template->setObjectName("new-from-template");
  from_template->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
  from_template->setToolTip(QStringLiteral("Start from an untitled copy of a shipped scenario"));
  QAction* open = file->addAction(QStringLiteral("&Open\u2026"), this, &MainWindow::openClicked);
  open->setObjectName("open");
  open->setShortcut(QKeySequence::Open);
  recent_menu_ = file->addMenu(QStringLiteral("Open &Recent"));
  recent_menu_->setObjectName("menu-recent");
  connect(recent_menu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
  file->addSeparator();
  QAction* save = file->addAction(QStringLiteral("&Save"), this, &MainWindow::saveClicked);
  save->setObjectName("save");
  save->setShortcut(QKeySequence::Save);
  QAction* save_as = file->addAction(QStringLiteral("Save &As\u2026"), this, &MainWindow::saveAsClicked);
  save_as->setObjectName("save-as");
  // QKeySequence::SaveAs is empty on some platforms (e.g. GNOME's key theme): an explicit shortcut.
  save_as->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  file->addSeparator();
  export_charts_ = file->addAction(QStringLiteral("Export charts (&PNG 2x, SVG)\u2026"), this,
                                   &MainWindow::exportChartsClicked);
  export_run_ = file->addAction(
      QStringLiteral("Export &run (summary.json, timeseries.csv, scenario.yaml; A when pinned)\u2026"), this,
      &MainWindow::exportRunClicked);
  file->addSeparator();
  QAction* quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
  quit->setObjectName("quit");
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
}

void MainWindow::buildEditMenu(QMenu* edit) {
  undo_ = edit->addAction(QStringLiteral("&Undo"), this, &MainWindow::undoClicked);
  undo_->setObjectName("undo");
  undo_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
  undo_->setToolTip(QStringLiteral("Undo the last change, made in the form or in the YAML"));
  redo_ = edit->addAction(QStringLiteral("&Redo"), this, &MainWindow::redoClicked);
  redo_->setObjectName("redo");
  redo_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
  undo_->setEnabled(false);
  redo_->setEnabled(false);
  connect(&document_, &ScenarioDocument::undoStateChanged, this, [this] {
    undo_->setEnabled(document_.canUndo());
    redo_->setEnabled(document_.canRedo());
  });
}

void MainWindow::buildViewMenu(QMenu* view) {
  auto* reset = new QAction(QStringLiteral("&Reset layout"), this);
  reset->setObjectName("reset-layout");
  reset->setToolTip(
      QStringLiteral("Docks, toolbar and the scenario/results split as they were at first start"));
  connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);
  // Filled when opened, so that every dock (whoever adds it) and toolbar can be shown or hidden.
  connect(view, &QMenu::aboutToShow, this, [this, view, reset] {
    view->clear();
    for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());
    for (QToolBar* bar : findChildren<QToolBar*>()) view->addAction(bar->toggleViewAction());
    view->addSeparator();
    view->addAction(reset);
  });
}

void MainWindow::buildHelpMenu(QMenu* help) {
  help->addAction(QStringLiteral("&Scenario format"), this,
                  [this] { openDoc(QStringLiteral("scenario-format.md")); })
      ->setObjectName("scenario-format");
  help->addAction(QStringLiteral("The &model and its assumptions"), this,
                  [this] { openDoc(QStringLiteral("model.md")); })
      ->setObjectName("model-doc");
  help->addSeparator();
  help->addAction(QStringLiteral("&About delivsim"), this,
                  [this] {
                    QMessageBox::about(this, QStringLiteral("About delivsim"),
                                       about_text(shipped_docs_folder()));
                  })
      ->setObjectName("about");
  help->addAction(QStringLiteral("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::fillRecentMenu() {
  recent_menu_->clear();
  const QStringList files = recent_files();
  for (int i = 0; i < files.size(); ++i) {
    QAction* entry =
        recent_menu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(files[i]).fileName()), this,
                                [this, file = files[i]] { openRecent(file); });
    entry->setToolTip(files[i]);
    entry->setStatusTip(files[i]);
  }
  if (files.isEmpty()) recent_menu_->addAction(QStringLiteral("No recent files"))->setEnabled(false);
  recent_menu_->addSeparator();
  QAction* clear = recent_menu_->addAction(QStringLiteral("&Clear"), this, [this] {
    clear_recent_files();
    start_->setRecentFiles({});
  });
  clear->setObjectName("clear-recent");
  clear->setEnabled(!files.isEmpty());
}

void MainWindow::addStrategyActions(QMenu* run) {
  compare_action_ =
      run->addAction(QStringLiteral("Compare s&trategies"), this, &MainWindow::compareStrategies);
  compare_action_->setObjectName("compare-strategies");
  compare_action_->setToolTip(
      QStringLiteral("Run every strategy of the file with its replications, as delivsim compare does, and "
                     "overlay them"));
  sweep_action_ = run->addAction(QStringLiteral("S&weep"), this, &MainWindow::runSweep);
  sweep_action_->setObjectName("run-sweep");
  sweep_action_->setToolTip(
      QStringLiteral("Run every point of the file's sweep: grid, as delivsim sweep does, and chart the "
                     "objective"));
}

}  // namespace delivsim::gui
