#include "gui/shaping_section.h"

#include <QFormLayout>
#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "gui/duration_text.h"
#include "sim/scenario/units_parse.h"

namespace delivsim::gui {

namespace {

QSpinBox* count_box(QWidget* parent, const char* name, int min, int max, const QString& suffix) {
  auto* box = new QSpinBox(parent);
  box->setObjectName(name);
  box->setRange(min, max);
  box->setSuffix(suffix);
  box->setGroupSeparatorShown(true);
  box->setKeyboardTracking(false);
  return box;
}

QString retry_text(const RetrySchedule& retry) {
  switch (retry.kind) {
    case RetrySchedule::Kind::Fixed:
      return QString::fromStdString(duration_text(retry.interval));
    case RetrySchedule::Kind::List:
      return duration_list_text(retry.offsets);
    case RetrySchedule::Kind::Exponential:
      return QStringLiteral("exponential (edit in YAML)");
  }
  return {};
}

}  // namespace

ShapingSection::ShapingSection(QWidget* parent)
    : FormSection(QStringLiteral("MTA shaping"), parent),
      max_smtp_out_(count_box(this, "max-smtp-out", 1, 1000, QStringLiteral(" connections"))),
      max_msg_per_connection_(
          count_box(this, "max-msg-per-connection", 0, 1'000'000, QStringLiteral(" msg"))),
      max_msg_rate_(count_box(this, "max-msg-rate", 0, 100'000'000, QStringLiteral(" msg/hour"))),
      retry_(new QLineEdit(this)),
      bounce_after_(new QLineEdit(this)),
      adaptive_(new QCheckBox(QStringLiteral("Slow down on deferrals (AIMD)"), this)) {
  max_msg_per_connection_->setSpecialValueText(QStringLiteral("no limit"));
  max_msg_rate_->setSpecialValueText(QStringLiteral("unlimited"));
  retry_->setObjectName("retry");
  retry_->setPlaceholderText(QStringLiteral("10m, or a list: 15m, 1h, 4h, 12h"));
  bounce_after_->setObjectName("bounce-after");
  bounce_after_->setPlaceholderText(QStringLiteral("e.g. 4d12h"));
  adaptive_->setObjectName("adaptive");
  auto* form = new QFormLayout(this);
  form->addRow(QStringLiteral("Max SMTP out"), max_smtp_out_);
  form->addRow(QStringLiteral("Max msg / connection"), max_msg_per_connection_);
  form->addRow(QStringLiteral("Max msg rate"), max_msg_rate_);
  form->addRow(QStringLiteral("Retry after"), retry_);
  form->addRow(QStringLiteral("Bounce after"), bounce_after_);
  form->addRow(QStringLiteral("Adaptive"), adaptive_);
  connect(max_smtp_out_, &QSpinBox::valueChanged, this,
          [this](int value) { set(path("max_smtp_out"), std::to_string(value)); });
  connect(max_msg_per_connection_, &QSpinBox::valueChanged, this,
          [this](int value) { set(path("max_msg_per_connection"), std::to_string(value)); });
  connect(max_msg_rate_, &QSpinBox::valueChanged, this, [this](int value) {
    set(path("max_msg_rate"), value == 0 ? std::string("unlimited") : std::to_string(value) + "/h");
  });
  connect(retry_, &QLineEdit::editingFinished, this, &ShapingSection::retryEdited);
  connect(bounce_after_, &QLineEdit::editingFinished, this, &ShapingSection::bounceAfterEdited);
  connect(adaptive_, &QCheckBox::toggled, this, [this](bool on) {
    YamlPath enabled = path("adaptive");
    enabled.push_back(std::string("enabled"));
    set(enabled, on ? "true" : "false");
  });
}

void ShapingSection::refresh(const ScenarioDocument& document) {
  scenario_ = *document.scenario();
  const std::string destination = shaped_destination(scenario_);
  const DestinationPolicy& policy = scenario_.policy_for(destination);
  setTitle(QStringLiteral("MTA shaping towards '%1'").arg(QString::fromStdString(destination)));
  show(max_smtp_out_, policy.max_smtp_out);
  show(max_msg_per_connection_, policy.max_msg_per_connection);
  show(max_msg_rate_, static_cast<int>(std::lround(std::min(policy.max_msg_rate.hourly(), 1e8))));
  const bool exponential = policy.retry.kind == RetrySchedule::Kind::Exponential;
  retry_->setReadOnly(exponential);
  show(retry_, retry_text(policy.retry));
  show(bounce_after_, QString::fromStdString(duration_text(policy.bounce_after)));
  const QSignalBlocker blocker(adaptive_);
  adaptive_->setChecked(policy.adaptive.enabled);
}

void ShapingSection::retryEdited() {
  if (retry_->isReadOnly()) return;
  const auto durations = parse_duration_list(retry_->text());
  const DestinationPolicy& policy = scenario_.policy_for(shaped_destination(scenario_));
  if (!durations ||
      std::adjacent_find(durations->begin(), durations->end(), std::greater_equal<>()) != durations->end()) {
    mark_invalid(retry_,
                 QStringLiteral("Not a duration or a list of increasing durations (10m, or 15m, 1h, 4h)"));
    return;
  }
  mark_invalid(retry_, {});
  if (durations->size() == 1) {
    if (policy.retry.kind == RetrySchedule::Kind::Fixed && policy.retry.interval == durations->front())
      return;
    emit edited(
        {{path("retry"), std::nullopt}, {path("retry_after"), scalar(duration_text(durations->front()))}});
    return;
  }
  if (policy.retry.kind == RetrySchedule::Kind::List && policy.retry.offsets == *durations) return;
  YAML::Node list = flow(YAML::NodeType::Sequence);
  for (const Duration offset : *durations) list.push_back(duration_text(offset));
  YAML::Node retry = flow(YAML::NodeType::Map);
  retry["list"] = list;
  emit edited({{path("retry_after"), std::nullopt}, {path("retry"), retry}});
}

void ShapingSection::bounceAfterEdited() {
  try {
    const Duration value = parse_duration(bounce_after_->text().trimmed().toStdString());
    mark_invalid(bounce_after_, {});
    if (value == scenario_.policy_for(shaped_destination(scenario_)).bounce_after) return;
    set(path("bounce_after"), duration_text(value));
  } catch (const std::invalid_argument& error) {
    mark_invalid(bounce_after_, QString::fromStdString(error.what()));
  }
}

}  // namespace delivsim::gui
