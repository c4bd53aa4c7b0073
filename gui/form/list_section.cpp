#include "gui/form/list_section.h"

#include <QSignalBlocker>
#include <algorithm>

#include "gui/form/form_targets.h"
#include "gui/form/share_rounding.h"

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

QString segment_label(const EngagementSegment& segment) {
  return QStringLiteral("%1 (%2 %)")
      .arg(QString::fromStdString(segment.name))
      .arg(segment.share * 100, 0, 'g', 4);
}

}  // namespace

ListSection::ListSection(QWidget* parent)
    : FormSection(QStringLiteral("List quality"), parent),
      form_(new QFormLayout(this)),
      unknown_users_(percent_box(this, "unknown-user-share", 2, 0.1)),
      spam_traps_(percent_box(this, "spam-trap-share", 3, 0.01)),
      segment_(new QComboBox(this)),
      segment_share_(percent_box(this, "segment-share", 2, 1)),
      complaint_rate_(percent_box(this, "complaint-rate", 3, 0.01)),
      open_rate_(percent_box(this, "open-rate", 1, 1)),
      not_spam_rate_(percent_box(this, "not-spam-rate", 2, 0.1)) {
  unknown_users_->setToolTip(QStringLiteral("Addresses that do not exist (550 5.1.1)"));
  spam_traps_->setToolTip(QStringLiteral("Addresses that are spam traps: accepted, counted as trap hits"));
  segment_->setObjectName("segment");
  segment_->setToolTip(QStringLiteral("The engagement segment the knobs below edit (list.segments)"));
  segment_share_->setRange(0.01, 99.99);
  segment_share_->setToolTip(
      QStringLiteral("Share of the list's existing, non-trap recipients in this segment; the other "
                     "segments share the rest in their proportions"));
  complaint_rate_->setToolTip(QStringLiteral("Chance an inbox-placed message draws a complaint"));
  open_rate_->setToolTip(QStringLiteral("Chance an inbox-placed message is opened"));
  not_spam_rate_->setToolTip(QStringLiteral("Chance a spam-placed message is marked \"not spam\""));
  form_->addRow(QStringLiteral("Unknown users"), unknown_users_);
  form_->addRow(QStringLiteral("Spam traps"), spam_traps_);
  form_->addRow(QStringLiteral("Segment"), segment_);
  form_->addRow(QStringLiteral("Segment share"), segment_share_);
  form_->addRow(QStringLiteral("Complaint rate"), complaint_rate_);
  form_->addRow(QStringLiteral("Open rate"), open_rate_);
  form_->addRow(QStringLiteral("Not-spam rate"), not_spam_rate_);
  const auto set_list_value = [this](const char* key, double percent) {
    set(traffic_path(target(), {std::string("list"), std::string(key)}), ratio_text(percent / 100));
  };
  connect(unknown_users_, &QDoubleSpinBox::valueChanged, this,
          [set_list_value](double percent) { set_list_value("unknown_user_share", percent); });
  connect(spam_traps_, &QDoubleSpinBox::valueChanged, this,
          [set_list_value](double percent) { set_list_value("spam_trap_share", percent); });
  // Choosing a segment only changes what the knobs show.
  connect(segment_, &QComboBox::currentIndexChanged, this, &ListSection::showSegment);
  connect(segment_share_, &QDoubleSpinBox::valueChanged, this,
          [this](double percent) { segmentShareChanged(percent / 100); });
  connect(complaint_rate_, &QDoubleSpinBox::valueChanged, this,
          [this](double percent) { setSegmentValue("complaint_rate", percent / 100); });
  connect(open_rate_, &QDoubleSpinBox::valueChanged, this,
          [this](double percent) { setSegmentValue("open_rate", percent / 100); });
  connect(not_spam_rate_, &QDoubleSpinBox::valueChanged, this,
          [this](double percent) { setSegmentValue("not_spam_rate", percent / 100); });
}

void ListSection::refresh(const ScenarioDocument& document) {
  const ListQuality& list = document.scenario()->traffic[target().traffic_index].list;
  segments_ = list.segments;
  has_segments_ = find_node(document.tree(), segmentsPath()).has_value();
  show_value(unknown_users_, list.unknown_user_share * 100);
  show_value(spam_traps_, list.spam_trap_share * 100);
  {
    const QSignalBlocker blocker(segment_);
    const int chosen = segment_->currentIndex();
    segment_->clear();
    for (const EngagementSegment& segment : segments_) segment_->addItem(segment_label(segment));
    segment_->setCurrentIndex(chosen >= 0 && chosen < segment_->count() ? chosen : 0);
  }
  showSegment(segment_->currentIndex());
  // One segment holds the whole list: its share is not a knob.
  form_->setRowVisible(segment_, segments_.size() > 1);
  form_->setRowVisible(segment_share_, segments_.size() > 1);
}

void ListSection::showSegment(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= segments_.size()) return;
  const EngagementSegment& segment = segments_[static_cast<std::size_t>(index)];
  show_value(segment_share_, segment.share * 100);
  show_value(complaint_rate_, segment.complaint_rate * 100);
  show_value(open_rate_, segment.open_rate * 100);
  show_value(not_spam_rate_, segment.not_spam_rate * 100);
}

void ListSection::setSegmentValue(const std::string& key, double ratio) {
  const auto chosen = static_cast<std::size_t>(std::max(segment_->currentIndex(), 0));
  if (has_segments_) {
    set(segmentsPath({chosen, key}), ratio_text(ratio));
    return;
  }
  // The default single segment is "all"; writing it out keeps every other value at its default.
  YAML::Node segment = flow(YAML::NodeType::Map);
  segment["name"] = "all";
  segment[key] = ratio_text(ratio);
  YAML::Node segments(YAML::NodeType::Sequence);
  segments.push_back(segment);
  emit edited({{segmentsPath(), segments}});
}

void ListSection::segmentShareChanged(double ratio) {
  const int chosen = segment_->currentIndex();
  if (segments_.size() < 2 || chosen < 0) return;
  double others = 0;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (static_cast<int>(i) != chosen) others += segments_[i].share;
  }
  std::vector<double> shares;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const double share = static_cast<int>(i) == chosen ? ratio : segments_[i].share * (1 - ratio) / others;
    shares.push_back(round_share(share));
  }
  // Segments must keep a share > 0: a change that would round one away is not written.
  if (!absorb_rounding_in_last(shares) ||
      std::any_of(shares.begin(), shares.end(), [](double share) { return share <= 0; })) {
    return;
  }
  YamlEdits edits;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    if (shares[i] != segments_[i].share) {
      edits.push_back({segmentsPath({i, std::string("share")}), scalar(ratio_text(shares[i]))});
    }
  }
  if (!edits.empty()) emit edited(edits);
}

YamlPath ListSection::segmentsPath(const YamlPath& below) const {
  YamlPath path = traffic_path(target(), {std::string("list"), std::string("segments")});
  path.insert(path.end(), below.begin(), below.end());
  return path;
}

}  // namespace delivsim::gui
