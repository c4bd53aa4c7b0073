#include "gui/document/template_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace delivsim::gui {

namespace {

constexpr int kListWidth = 220;
constexpr int kDialogWidth = 760;
constexpr int kDialogHeight = 440;

}  // namespace

TemplateDialog::TemplateDialog(std::vector<ScenarioTemplate> templates, QWidget* parent)
    : QDialog(parent), templates_(std::move(templates)) {
  setWindowTitle(QStringLiteral("New from template"));
  list_ = new QListWidget(this);
  list_->setObjectName("templates");
  list_->setFixedWidth(kListWidth);
  for (const ScenarioTemplate& shipped : templates_) list_->addItem(shipped.name);
  description_ = new QLabel(this);
  description_->setObjectName("template-description");
  description_->setWordWrap(true);
  description_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  description_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(description_);
  scroll->setWidgetResizable(true);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Open a copy"));
  buttons->button(QDialogButtonBox::Ok)->setEnabled(!templates_.empty());
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(list_, &QListWidget::currentRowChanged, this, &TemplateDialog::showDescription);
  connect(list_, &QListWidget::itemDoubleClicked, this, &QDialog::accept);

  auto* columns = new QHBoxLayout;
  columns->addWidget(list_);
  columns->addWidget(scroll, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(
      QStringLiteral("Each shipped scenario shows one thing. The copy opens untitled: saving it never "
                     "changes the shipped file."),
      this));
  layout->addLayout(columns, 1);
  layout->addWidget(buttons);
  resize(kDialogWidth, kDialogHeight);
  if (templates_.empty()) {
    description_->setText(
        QStringLiteral("No shipped scenarios were found (set DELIVSIM_SCENARIOS to their folder)."));
  } else {
    list_->setCurrentRow(0);
  }
}

std::optional<ScenarioTemplate> TemplateDialog::chosen() const {
  const int row = list_->currentRow();
  if (row < 0 || row >= static_cast<int>(templates_.size())) return std::nullopt;
  return templates_[static_cast<std::size_t>(row)];
}

void TemplateDialog::showDescription() {
  const std::optional<ScenarioTemplate> shipped = chosen();
  if (shipped) description_->setText(shipped->description);
}

}  // namespace delivsim::gui
