#include "gui/run/robust_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <cstdint>

#include "sim/batch/robust_compare.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

RobustDialog::RobustDialog(int worlds, std::size_t strategies, QWidget* parent)
    : QDialog(parent), worlds_(new QSpinBox(this)) {
  setWindowTitle(QStringLiteral("Robust compare"));
  worlds_->setObjectName("robust-worlds");
  worlds_->setRange(1, kMaxWorlds);
  worlds_->setValue(worlds);
  auto* explain = new QLabel(this);
  explain->setWordWrap(true);
  const auto describe = [explain, strategies](int n) {
    explain->setText(
        QStringLiteral("Every one of the %1 strategies runs in each of %2 receiver worlds drawn from the "
                       "assumed parameters' ranges (one replication per world): %3 runs.")
            .arg(strategies)
            .arg(n)
            .arg(QString::fromStdString(format_count(static_cast<std::int64_t>(strategies) * n))));
  };
  describe(worlds);
  connect(worlds_, &QSpinBox::valueChanged, this, describe);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Run"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* form = new QFormLayout(this);
  form->addRow(QStringLiteral("Receiver worlds (N):"), worlds_);
  form->addRow(explain);
  form->addRow(buttons);
}

}  // namespace delivsim::gui
