#include "gui/form/shaping_section.h"

#include <QFormLayout>
#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "sim/output/number_format.h"
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

}  // namespace

ShapingSection::ShapingSection(QWidget* parent)
    : FormSection(QStringLiteral("MTA shaping"), parent),
      max_smtp_out_(count_box(this, "max-smtp-out", 1, 1000, QStringLiteral(" connections"))),
      max_msg_per_connection_(
          count_box(this, "max-msg-per-connection", 0, 1'000'000, QStringLiteral(" msg"))),
      max_msg_rate_(count_box(this, "max-msg-rate", 0, 100'000'000, QStringLiteral(" msg/hour"))),
      idle_timeout_(count_box(this, "idle-timeout", 0, 3600, QStringLiteral(" s"))),
      retry_(new RetryFields(this)),
      bounce_after_(new QLineEdit(this)),
      adaptive_(new QCheckBox(QStringLiteral("Slow down on deferrals (AIMD)"), this)) {
  max_msg_per_connection_->setSpecialValueText(QStringLiteral("no limit"));
  max_msg_rate_->setSpecialValueText(QStringLiteral("unlimited"));
  idle_timeout_->setSpecialValueText(QStringLiteral("close at once"));
  bounce_after_->setObjectName("bounce-after");
  bounce_after_->setPlaceholderText(QStringLiteral("e.g. 4d12h"));
  adaptive_->setObjectName("adaptive");
  auto* form = new QFormLayout(this);
  form->addRow(QStringLiteral("Max SMTP out"), max_smtp_out_);
  form->addRow(QStringLiteral("Max msg / connection"), max_msg_per_connection_);
  form->addRow(QStringLiteral("Max msg rate"), max_msg_rate_);
  form->addRow(QStringLiteral("Idle timeout"), idle_timeout_);
  form->addRow(QStringLiteral("Retry"), retry_);
  form->addRow(QStringLiteral("Bounce after"), bounce_after_);
  form->addRow(QStringLiteral("Adaptive"), adaptive_);
  connect(max_smtp_out_, &QSpinBox::valueChanged, this,
          [this](int value) { set(path("max_smtp_out"), std::to_string(value)); });
  connect(max_msg_per_connection_, &QSpinBox::valueChanged, this,
          [this](int value) { set(path("max_msg_per_connection"), std::to_string(value)); });
  connect(max_msg_rate_, &QSpinBox::valueChanged, this, [this](int value) {
    set(path("max_msg_rate"), value == 0 ? std::string("unlimited") : std::to_string(value) + "/h");
  });
  connect(idle_timeout_, &QSpinBox::valueChanged, this,
          [this](int seconds) { set(path("idle_timeout"), std::to_string(seconds) + "s"); });
  connect(retry_, &RetryFields::scheduleEdited, this, &ShapingSection::retryEdited);
  connect(bounce_after_, &QLineEdit::editingFinished, this, &ShapingSection::bounceAfterEdited);
  connect(adaptive_, &QCheckBox::toggled, this, [this](bool on) {
    YamlPath enabled = path("adaptive");
    enabled.push_back(std::string("enabled"));
    set(enabled, on ? "true" : "false");
  });
}

void ShapingSection::refresh(const ScenarioDocument& document) {
  scenario_ = *document.scenario();
  const std::string& destination = target().destination;
  const DestinationPolicy& policy = scenario_.policy_for(destination);
  setTitle(QStringLiteral("MTA shaping towards '%1'").arg(QString::fromStdString(destination)));
  show_value(max_smtp_out_, policy.max_smtp_out);
  show_value(max_msg_per_connection_, policy.max_msg_per_connection);
  show_value(max_msg_rate_, static_cast<int>(std::lround(std::min(policy.max_msg_rate.hourly(), 1e8))));
  show_value(idle_timeout_,
             static_cast<int>(std::chrono::round<std::chrono::seconds>(policy.idle_timeout).count()));
  retry_->showSchedule(policy.retry);
  show_value(bounce_after_, QString::fromStdString(duration_text(policy.bounce_after)));
  const QSignalBlocker blocker(adaptive_);
  adaptive_->setChecked(policy.adaptive.enabled);
}

void ShapingSection::retryEdited(const RetrySchedule& schedule) {
  switch (schedule.kind) {
    case RetrySchedule::Kind::Fixed:
      emit edited(
          {{path("retry"), std::nullopt}, {path("retry_after"), scalar(duration_text(schedule.interval))}});
      return;
    case RetrySchedule::Kind::List: {
      YAML::Node list = flow(YAML::NodeType::Sequence);
      for (const Duration offset : schedule.offsets) list.push_back(duration_text(offset));
      YAML::Node retry = flow(YAML::NodeType::Map);
      retry["list"] = list;
      emit edited({{path("retry_after"), std::nullopt}, {path("retry"), retry}});
      return;
    }
    case RetrySchedule::Kind::Exponential: {
      YAML::Node exponential = flow(YAML::NodeType::Map);
      exponential["initial"] = duration_text(schedule.initial);
      exponential["max"] = duration_text(schedule.max);
      exponential["factor"] = format_significant(schedule.factor, 6);
      exponential["jitter"] = ratio_text(schedule.jitter);
      YAML::Node retry = flow(YAML::NodeType::Map);
      retry["exponential"] = exponential;
      emit edited({{path("retry_after"), std::nullopt}, {path("retry"), retry}});
      return;
    }
  }
}

void ShapingSection::bounceAfterEdited() {
  try {
    const Duration value = parse_duration(bounce_after_->text().trimmed().toStdString());
    mark_invalid(bounce_after_, {});
    if (value == scenario_.policy_for(target().destination).bounce_after) return;
    set(path("bounce_after"), duration_text(value));
  } catch (const std::invalid_argument& error) {
    mark_invalid(bounce_after_, QString::fromStdString(error.what()));
  }
}

}  // namespace delivsim::gui
