/// @file MainWindow's scenario files: New, New from template, Open, Open Recent, Save and Save As, and the
/// question before unsaved changes are dropped.
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include "gui/document/scenario_templates.h"
#include "gui/document/template_dialog.h"
#include "gui/main_window.h"
#include "gui/recent_files.h"
#include "gui/shipped_files.h"
#include "sim/yaml/source_text.h"

namespace delivsim::gui {

namespace {

const QString kScenarioFilter = QStringLiteral("Scenarios (*.yaml *.yml);;All files (*)");

}  // namespace

bool MainWindow::openFile(const QString& path) {
  QString error;
  opening_ = true;
  const bool opened = document_.open(path, &error);
  opening_ = false;
  if (!opened) {
    status_->setText(error);
    status_->setStyleSheet("color: #c62828;");
    return false;
  }
  scenarioReplaced();
  return true;
}

void MainWindow::openUntitled(const std::string& text) {
  opening_ = true;
  document_.openUntitled(text);
  opening_ = false;
  scenarioReplaced();
}

bool MainWindow::openTemplate(const QString& path) {
  try {
    openUntitled(read_scenario_file(path.toStdString()));
    return true;
  } catch (const std::exception& e) {
    QMessageBox::warning(this, QStringLiteral("New from template"), QString::fromStdString(e.what()));
    return false;
  }
}

void MainWindow::documentOpened(const QString& path) {
  pages_->setCurrentWidget(split_);
  if (!path.isEmpty()) add_recent_file(path);
}

void MainWindow::openRecent(const QString& path) {
  if (!maySpoilChanges() || openFile(path)) return;
  QMessageBox::warning(this, QStringLiteral("Open Recent"), scenarioStatus());  // the status may be hidden
}

void MainWindow::newClicked() {
  if (maySpoilChanges()) openUntitled(std::string());
}

void MainWindow::newFromTemplateClicked() {
  if (!maySpoilChanges()) return;
  TemplateDialog dialog(scenario_templates(shipped_scenarios_folder()), this);
  if (dialog.exec() != QDialog::Accepted) return;
  if (const std::optional<ScenarioTemplate> chosen = dialog.chosen()) openTemplate(chosen->path);
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

}  // namespace delivsim::gui
