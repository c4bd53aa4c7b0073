#include "gui/form/form_panel.h"

#include <QFormLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "gui/form/form_tooltips.h"
#include "gui/form/ip_section.h"
#include "gui/form/list_section.h"
#include "gui/form/pattern_table.h"
#include "gui/form/shaping_section.h"
#include "gui/form/traffic_section.h"
#include "gui/form/warmup_section.h"

namespace delivsim::gui {

FormPanel::FormPanel(ScenarioDocument& document, QWidget* parent)
    : QScrollArea(parent),
      document_(document),
      traffic_choice_(new QComboBox),
      destination_choice_(new QComboBox),
      wheel_guard_(new FormWheelGuard(this)),
      pending_mark_(new FormPendingMark(this)) {
  setObjectName("form");
  auto* content = new QWidget;
  auto* column = new QVBoxLayout(content);
  traffic_choice_->setObjectName("traffic-entry");
  traffic_choice_->setToolTip(QStringLiteral("The traffic entry the traffic, list and pool knobs edit"));
  destination_choice_->setObjectName("destination");
  destination_choice_->setToolTip(
      QStringLiteral("The provider whose destination block (sender.destinations.<provider>) the shaping, "
                     "reply-pattern and warm-up knobs edit; other providers keep their own settings"));
  auto* choosers = new QFormLayout;
  choosers->addRow(QStringLiteral("Traffic entry"), traffic_choice_);
  choosers->addRow(QStringLiteral("Destination"), destination_choice_);
  column->addLayout(choosers);
  connect(traffic_choice_, &QComboBox::currentIndexChanged, this, &FormPanel::targetChosen);
  connect(destination_choice_, &QComboBox::currentIndexChanged, this, &FormPanel::targetChosen);
  sections_ = {new TrafficSection(content), new IpSection(content),    new ListSection(content),
               new ShapingSection(content), new PatternTable(content), new WarmupSection(content)};
  for (FormSection* section : sections_) {
    column->addWidget(section);
    // Queued: a section's edit refreshes every section, and must not do so inside the section's own signal.
    connect(section, &FormSection::edited, &document_, &ScenarioDocument::apply, Qt::QueuedConnection);
  }
  auto* note =
      new QLabel(QStringLiteral("The form edits the YAML text: only the keys you change are written. "
                                "Everything else is in the YAML tab."),
                 content);
  note->setWordWrap(true);
  note->setStyleSheet("color: palette(mid);");
  column->addWidget(note);
  column->addStretch(1);
  apply_knob_tooltips(content);
  setWidget(content);
  setWidgetResizable(true);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setFrameShape(QFrame::NoFrame);
  connect(&document_, &ScenarioDocument::checked, this, &FormPanel::documentChecked);
  documentChecked();
}

QSize FormPanel::minimumSizeHint() const {
  const int width =
      widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
  return {width, QScrollArea::minimumSizeHint().height()};
}

void FormPanel::documentChecked() {
  const bool usable = document_.valid() && document_.scenario().has_value();
  widget()->setEnabled(usable);
  if (!usable) return;
  const Scenario& scenario = *document_.scenario();
  target_ = fitted_target(scenario, target_);
  showChoices(scenario);
  for (FormSection* section : sections_) section->display(document_, target_);
  // The sections may have added rows of fields.
  wheel_guard_->guard(widget());
  pending_mark_->watch(widget());
}

void FormPanel::showChoices(const Scenario& scenario) {
  QStringList traffic;
  for (const TrafficSpec& entry : scenario.traffic) {
    traffic << QStringLiteral("%1 (%2)").arg(QString::fromStdString(entry.name),
                                             entry.campaign ? QStringLiteral("campaign")
                                             : entry.replay ? QStringLiteral("replay")
                                                            : QStringLiteral("stream"));
  }
  QStringList providers;
  for (const ProviderSpec& provider : scenario.providers) providers << QString::fromStdString(provider.name);
  const auto fill = [](QComboBox* box, const QStringList& items, int current) {
    const QSignalBlocker blocker(box);
    QStringList shown;
    for (int i = 0; i < box->count(); ++i) shown << box->itemText(i);
    if (shown != items) {
      box->clear();
      box->addItems(items);
    }
    box->setCurrentIndex(current);
  };
  fill(traffic_choice_, traffic, static_cast<int>(target_.traffic_index));
  fill(destination_choice_, providers,
       static_cast<int>(providers.indexOf(QString::fromStdString(target_.destination))));
}

void FormPanel::targetChosen() {
  if (traffic_choice_->currentIndex() < 0 || destination_choice_->currentIndex() < 0) return;
  target_ = {static_cast<std::size_t>(traffic_choice_->currentIndex()),
             destination_choice_->currentText().toStdString()};
  documentChecked();
}

}  // namespace delivsim::gui
