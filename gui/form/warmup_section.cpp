#include "gui/form/warmup_section.h"

#include <QFormLayout>
#include <QStringList>

#include "gui/form/form_targets.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

constexpr int kMaxCap = 100'000'000;

QSpinBox* cap_box(QWidget* parent, const char* name, const QString& suffix) {
  auto* box = new QSpinBox(parent);
  box->setObjectName(name);
  box->setRange(1, kMaxCap);
  box->setGroupSeparatorShown(true);
  box->setSuffix(suffix);
  box->setKeyboardTracking(false);
  return box;
}

/// Daily caps written "1000, 1500, 2000"; nullopt unless every item is a whole number >= 1.
std::optional<std::vector<std::int64_t>> parse_caps(const QString& text) {
  std::vector<std::int64_t> caps;
  for (const QString& item : text.split(',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const qlonglong cap = item.trimmed().toLongLong(&ok);
    if (!ok || cap < 1) return std::nullopt;
    caps.push_back(cap);
  }
  if (caps.empty()) return std::nullopt;
  return caps;
}

}  // namespace

WarmupSection::WarmupSection(QWidget* parent)
    : FormSection(QStringLiteral("Warm-up"), parent),
      mode_(new QComboBox(this)),
      pages_(new QStackedWidget(this)),
      table_(new QLineEdit),
      start_(cap_box(this, "warmup-start", QStringLiteral(" msg/day"))),
      multiplier_(new QDoubleSpinBox(this)),
      every_days_(cap_box(this, "warmup-every", QStringLiteral(" days"))),
      ceiling_(cap_box(this, "warmup-ceiling", QStringLiteral(" msg/day"))) {
  mode_->setObjectName("warmup-mode");
  mode_->addItems(
      {QStringLiteral("none"), QStringLiteral("table of daily caps"), QStringLiteral("doubling rule")});
  table_->setObjectName("warmup-table");
  table_->setPlaceholderText(QStringLiteral("daily caps: 1000, 1500, 2000, ..."));
  multiplier_->setObjectName("warmup-multiplier");
  multiplier_->setRange(1, 10);
  multiplier_->setDecimals(2);
  multiplier_->setSingleStep(0.25);
  multiplier_->setPrefix(QStringLiteral("\u00d7 "));
  multiplier_->setKeyboardTracking(false);
  every_days_->setRange(1, 365);
  start_->setValue(1000);  // what a rule starts from when chosen in the form
  multiplier_->setValue(2);
  every_days_->setValue(1);
  ceiling_->setValue(50'000);

  pages_->addWidget(new QWidget);
  auto* table_page = new QWidget;
  auto* table_form = new QFormLayout(table_page);
  table_form->setContentsMargins(0, 0, 0, 0);
  table_form->addRow(QStringLiteral("Caps per day"), table_);
  pages_->addWidget(table_page);
  auto* rule_page = new QWidget;
  auto* rule_form = new QFormLayout(rule_page);
  rule_form->setContentsMargins(0, 0, 0, 0);
  rule_form->addRow(QStringLiteral("Start"), start_);
  rule_form->addRow(QStringLiteral("Multiply by"), multiplier_);
  rule_form->addRow(QStringLiteral("Every"), every_days_);
  rule_form->addRow(QStringLiteral("Ceiling"), ceiling_);
  pages_->addWidget(rule_page);

  auto* form = new QFormLayout(this);
  form->addRow(QStringLiteral("Daily cap per IP"), mode_);
  form->addRow(pages_);
  connect(mode_, &QComboBox::currentIndexChanged, this, &WarmupSection::modeChosen);
  connect(table_, &QLineEdit::editingFinished, this, &WarmupSection::tableEdited);
  connect(start_, &QSpinBox::valueChanged, this,
          [this](int value) { setRuleValue("start", std::to_string(value)); });
  connect(multiplier_, &QDoubleSpinBox::valueChanged, this,
          [this](double value) { setRuleValue("multiplier", format_significant(value, 6)); });
  connect(every_days_, &QSpinBox::valueChanged, this,
          [this](int value) { setRuleValue("every", std::to_string(value) + "d"); });
  connect(ceiling_, &QSpinBox::valueChanged, this,
          [this](int value) { setRuleValue("ceiling", std::to_string(value)); });
}

void WarmupSection::refresh(const ScenarioDocument& document) {
  scenario_ = *document.scenario();
  const std::string& destination = target().destination;
  const WarmupSchedule& warmup = scenario_.policy_for(destination).warmup;
  setTitle(QStringLiteral("Warm-up towards '%1'").arg(QString::fromStdString(destination)));
  {
    const QSignalBlocker blocker(mode_);
    mode_->setCurrentIndex(static_cast<int>(warmup.kind));
  }
  show_page(pages_, static_cast<int>(warmup.kind));
  if (warmup.kind == WarmupSchedule::Kind::Table) {
    QStringList caps;
    for (const std::int64_t cap : warmup.table) caps << QString::number(cap);
    show_value(table_, caps.join(", "));
  }
  if (warmup.kind == WarmupSchedule::Kind::Rule) {
    show_value(start_, static_cast<int>(std::min<std::int64_t>(warmup.start, kMaxCap)));
    show_value(multiplier_, warmup.multiplier);
    show_value(every_days_, warmup.every_days);
    show_value(ceiling_, static_cast<int>(std::min<std::int64_t>(warmup.ceiling, kMaxCap)));
  }
}

void WarmupSection::modeChosen(int mode) {
  show_page(pages_, mode);
  switch (static_cast<WarmupSchedule::Kind>(mode)) {
    case WarmupSchedule::Kind::None:
      emit edited({{warmupPath(), scalar("none")}});
      return;
    case WarmupSchedule::Kind::Table: {
      YAML::Node warmup = flow(YAML::NodeType::Map);
      warmup["table"] = tableNode();
      emit edited({{warmupPath(), warmup}});
      return;
    }
    case WarmupSchedule::Kind::Rule: {
      YAML::Node warmup(YAML::NodeType::Map);
      warmup["rule"] = ruleNode();
      emit edited({{warmupPath(), warmup}});
      return;
    }
  }
}

void WarmupSection::tableEdited() {
  const auto caps = parse_caps(table_->text());
  if (!caps) {
    mark_invalid(table_, QStringLiteral("Daily caps are whole numbers >= 1 separated by commas"));
    return;
  }
  mark_invalid(table_, {});
  if (*caps == scenario_.policy_for(target().destination).warmup.table) return;
  emit edited({{warmupPath({std::string("table")}), tableNode()}});
}

void WarmupSection::setRuleValue(const std::string& key, const std::string& text) {
  set(warmupPath({std::string("rule"), key}), text);
}

YamlPath WarmupSection::warmupPath(const YamlPath& below) const {
  YamlPath path = destination_path(target(), "warmup");
  path.insert(path.end(), below.begin(), below.end());
  return path;
}

YAML::Node WarmupSection::tableNode() const {
  YAML::Node table = flow(YAML::NodeType::Sequence);
  const auto caps =
      parse_caps(table_->text()).value_or(std::vector<std::int64_t>{1000, 2000, 4000, 8000, 16000});
  for (const std::int64_t cap : caps) table.push_back(std::to_string(cap));
  return table;
}

YAML::Node WarmupSection::ruleNode() const {
  YAML::Node rule = flow(YAML::NodeType::Map);
  rule["start"] = std::to_string(start_->value());
  rule["multiplier"] = format_significant(multiplier_->value(), 6);
  rule["every"] = std::to_string(every_days_->value()) + "d";
  rule["ceiling"] = std::to_string(std::max(ceiling_->value(), start_->value()));
  return rule;
}

}  // namespace delivsim::gui
