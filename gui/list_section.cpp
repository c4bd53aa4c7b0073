#include "gui/list_section.h"

#include <QFormLayout>

#include "gui/form_targets.h"

namespace delivsim::gui {

namespace {

QDoubleSpinBox* percent_box(QWidget* parent, const char* name, int decimals, double step) {
  auto* box = new QDoubleSpinBox(parent);
  box->setObjectName(name);
  box->setRange(0, 100);
  box->setDecimals(decimals);
  box->setSingleStep(step);
  box->setSuffix(QStringLiteral(" %"));
  box->setKeyboardTracking(false);
  return box;
}

}  // namespace

ListSection::ListSection(QWidget* parent)
    : FormSection(QStringLiteral("List quality"), parent),
      unknown_users_(percent_box(this, "unknown-user-share", 2, 0.1)),
      complaint_rate_(percent_box(this, "complaint-rate", 3, 0.01)),
      open_rate_(percent_box(this, "open-rate", 1, 1)) {
  unknown_users_->setToolTip(QStringLiteral("Addresses that do not exist (550 5.1.1)"));
  complaint_rate_->setToolTip(
      QStringLiteral("Chance an inbox-placed message draws a complaint (first segment)"));
  open_rate_->setToolTip(QStringLiteral("Chance an inbox-placed message is opened (first segment)"));
  auto* form = new QFormLayout(this);
  form->addRow(QStringLiteral("Unknown users"), unknown_users_);
  form->addRow(QStringLiteral("Complaint rate"), complaint_rate_);
  form->addRow(QStringLiteral("Open rate"), open_rate_);
  connect(unknown_users_, &QDoubleSpinBox::valueChanged, this, [this](double percent) {
    set(traffic_path(target(), {std::string("list"), std::string("unknown_user_share")}),
        ratio_text(percent / 100));
  });
  connect(complaint_rate_, &QDoubleSpinBox::valueChanged, this,
          [this](double percent) { setSegmentValue("complaint_rate", percent / 100); });
  connect(open_rate_, &QDoubleSpinBox::valueChanged, this,
          [this](double percent) { setSegmentValue("open_rate", percent / 100); });
}

void ListSection::refresh(const ScenarioDocument& document) {
  const ListQuality& list = document.scenario()->traffic[target().traffic_index].list;
  const EngagementSegment& segment = list.segments.front();
  has_segments_ =
      find_node(document.tree(), traffic_path(target(), {std::string("list"), std::string("segments")}))
          .has_value();
  setTitle(QStringLiteral("List quality (segment '%1')").arg(QString::fromStdString(segment.name)));
  show_value(unknown_users_, list.unknown_user_share * 100);
  show_value(complaint_rate_, segment.complaint_rate * 100);
  show_value(open_rate_, segment.open_rate * 100);
}

void ListSection::setSegmentValue(const std::string& key, double ratio) {
  if (has_segments_) {
    set(traffic_path(target(), {std::string("list"), std::string("segments"), std::size_t{0}, key}),
        ratio_text(ratio));
    return;
  }
  // The default single segment is "all"; writing it out keeps every other value at its default.
  YAML::Node segment = flow(YAML::NodeType::Map);
  segment["name"] = "all";
  segment[key] = ratio_text(ratio);
  YAML::Node segments(YAML::NodeType::Sequence);
  segments.push_back(segment);
  emit edited({{traffic_path(target(), {std::string("list"), std::string("segments")}), segments}});
}

}  // namespace delivsim::gui
