#include "gui/form_panel.h"

#include <QLabel>
#include <QVBoxLayout>

#include "gui/list_section.h"
#include "gui/pattern_table.h"
#include "gui/shaping_section.h"
#include "gui/traffic_section.h"
#include "gui/warmup_section.h"

namespace delivsim::gui {

FormPanel::FormPanel(ScenarioDocument& document, QWidget* parent) : QScrollArea(parent), document_(document) {
  setObjectName("form");
  auto* content = new QWidget;
  auto* column = new QVBoxLayout(content);
  sections_ = {new TrafficSection(content), new ListSection(content), new ShapingSection(content),
               new PatternTable(content), new WarmupSection(content)};
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
  setWidget(content);
  setWidgetResizable(true);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setFrameShape(QFrame::NoFrame);
  connect(&document_, &ScenarioDocument::checked, this, &FormPanel::documentChecked);
  documentChecked();
}

void FormPanel::documentChecked() {
  const bool usable = document_.valid() && document_.scenario().has_value();
  widget()->setEnabled(usable);
  if (!usable) return;
  for (FormSection* section : sections_) section->refresh(document_);
}

}  // namespace delivsim::gui
