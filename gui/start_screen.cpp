#include "gui/start_screen.h"

#include <QCommandLinkButton>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>

namespace delivsim::gui {

namespace {

constexpr int kColumnWidth = 560;

}  // namespace

StartScreen::StartScreen(QWidget* parent) : QWidget(parent) {
  setObjectName("start-screen");
  auto* column = new QWidget(this);
  column->setMaximumWidth(kColumnWidth);
  auto* layout = new QVBoxLayout(column);
  auto* title =
      new QLabel(QStringLiteral("<h2>delivsim what-if desktop</h2>"
                                "<p>Edit a delivery scenario, run it in simulated time and compare "
                                "runs: the charts follow every change.</p>"
                                "<p><b>Start here:</b> pick a shipped scenario to work on a copy of "
                                "it, or open a scenario file of your own.</p>"),
                 column);
  title->setWordWrap(true);
  auto* from_template = new QCommandLinkButton(
      QStringLiteral("New from template\u2026"),
      QStringLiteral("Start from a shipped scenario (whatif-100k is the usual what-if): an untitled copy"),
      column);
  from_template->setObjectName("start-new-from-template");
  auto* open = new QCommandLinkButton(QStringLiteral("Open\u2026"),
                                      QStringLiteral("Open a scenario YAML file (Ctrl+O)"), column);
  open->setObjectName("start-open");
  connect(from_template, &QCommandLinkButton::clicked, this, &StartScreen::newFromTemplateRequested);
  connect(open, &QCommandLinkButton::clicked, this, &StartScreen::openRequested);

  recent_box_ = new QWidget(column);
  recent_ = new QVBoxLayout(recent_box_);
  recent_->setContentsMargins(0, 12, 0, 0);

  layout->addWidget(title);
  layout->addWidget(from_template);
  layout->addWidget(open);
  layout->addWidget(recent_box_);
  layout->addStretch(1);
  auto* centred = new QHBoxLayout(this);
  centred->addStretch(1);
  centred->addWidget(column, 4);
  centred->addStretch(1);
}

void StartScreen::setRecentFiles(const QStringList& files) {
  while (QLayoutItem* item = recent_->takeAt(0)) {
    item->widget()->hide();
    item->widget()->deleteLater();  // a recent file's button may be the one whose click led here
    delete item;
  }
  recent_box_->setVisible(!files.isEmpty());
  if (files.isEmpty()) return;
  recent_->addWidget(new QLabel(QStringLiteral("<b>Recent files</b>"), recent_box_));
  for (const QString& file : files) {
    auto* button = new QCommandLinkButton(QFileInfo(file).fileName(), file, recent_box_);
    button->setObjectName("start-recent");
    connect(button, &QCommandLinkButton::clicked, this, [this, file] { emit recentFileChosen(file); });
    recent_->addWidget(button);
  }
}

}  // namespace delivsim::gui
