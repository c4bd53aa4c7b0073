#include "gui/form/pattern_table.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>
#include <algorithm>
#include <stdexcept>

#include "gui/form/form_targets.h"
#include "sim/scenario/units_parse.h"

namespace delivsim::gui {

namespace {

enum Column { kPattern, kAction, kValue };

const QStringList kActions{"retry_after", "max_smtp_out", "backoff", "suspend_for", "bounce"};
const QString kHoldFor = QStringLiteral(" for ");

/// Patterns written /like this/ are regular expressions; anything else matches as a prefix.
QString pattern_text(const PatternRule& rule) {
  const QString pattern = QString::fromStdString(rule.pattern);
  return rule.match == PatternRule::Match::Regex ? "/" + pattern + "/" : pattern;
}

/// Sets `action` with `value` on `rule`; throws std::invalid_argument for a value the action cannot take.
void apply_action(PatternRule& rule, const QString& action, const QString& value) {
  const auto duration = [&](const QString& text) { return parse_duration(text.trimmed().toStdString()); };
  if (action == "retry_after") rule.retry_after = duration(value);
  if (action == "suspend_for") rule.suspend_for = duration(value);
  if (action == "backoff") rule.backoff = true;
  if (action == "bounce") rule.bounce = true;
  if (action == "max_smtp_out") {
    const QStringList parts = value.split(kHoldFor.trimmed(), Qt::SkipEmptyParts);
    bool ok = false;
    const int connections = parts.value(0).trimmed().toInt(&ok);
    if (!ok || connections < 1)
      throw std::invalid_argument("max_smtp_out needs a whole number >= 1, e.g. 3 for 2h");
    rule.max_smtp_out = connections;
    if (parts.size() > 1) rule.hold_for = duration(parts[1]);
  }
}

YAML::Node rule_node(const PatternRule& rule) {
  YAML::Node node = flow(YAML::NodeType::Map);
  node[rule.match == PatternRule::Match::Regex ? "regex" : "match"] = rule.pattern;
  if (rule.retry_after) node["retry_after"] = duration_text(*rule.retry_after);
  if (rule.max_smtp_out) {
    node["max_smtp_out"] = std::to_string(*rule.max_smtp_out);
    if (rule.hold_for != PatternRule{}.hold_for) node["hold_for"] = duration_text(rule.hold_for);
  }
  if (rule.backoff) node["backoff"] = "true";
  if (rule.suspend_for) node["suspend_for"] = duration_text(*rule.suspend_for);
  if (rule.bounce) node["bounce"] = "true";
  return node;
}

}  // namespace

PatternTable::PatternTable(QWidget* parent)
    : FormSection(QStringLiteral("Reply patterns"), parent),
      table_(new QTableWidget(0, 3, this)),
      add_(new QPushButton(QStringLiteral("Add rule"), this)),
      remove_(new QPushButton(QStringLiteral("Remove"), this)) {
  table_->setObjectName("patterns");
  table_->setHorizontalHeaderLabels(
      {QStringLiteral("Pattern"), QStringLiteral("Action"), QStringLiteral("Value")});
  table_->horizontalHeader()->setSectionResizeMode(kPattern, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(kAction, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(kValue, QHeaderView::ResizeToContents);
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setMinimumHeight(150);
  table_->setToolTip(
      QStringLiteral("First matching rule wins. Prefix match, or /regex/. Rows with the same "
                     "pattern next to each other are one rule. max_smtp_out value: 3 or 3 for 2h."));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  buttons->addStretch(1);
  auto* column = new QVBoxLayout(this);
  column->addWidget(table_);
  column->addLayout(buttons);
  connect(table_, &QTableWidget::itemChanged, this, &PatternTable::rowsEdited);
  connect(add_, &QPushButton::clicked, this, &PatternTable::addClicked);
  connect(remove_, &QPushButton::clicked, this, &PatternTable::removeClicked);
}

void PatternTable::refresh(const ScenarioDocument& document) {
  scenario_ = *document.scenario();
  const std::string& destination = target().destination;
  setTitle(QStringLiteral("Reply patterns towards '%1'").arg(QString::fromStdString(destination)));
  const std::vector<PatternRule>& rules = scenario_.policy_for(destination).patterns;
  if (rulesOfRows() != rules) showRules(rules);
}

void PatternTable::showRules(const std::vector<PatternRule>& rules) {
  const QSignalBlocker blocker(table_);
  table_->setRowCount(0);
  for (const PatternRule& rule : rules) {
    const QString pattern = pattern_text(rule);
    if (rule.retry_after)
      addRow(pattern, "retry_after", QString::fromStdString(duration_text(*rule.retry_after)));
    if (rule.max_smtp_out) {
      QString value = QString::number(*rule.max_smtp_out);
      if (rule.hold_for != PatternRule{}.hold_for)
        value += kHoldFor + QString::fromStdString(duration_text(rule.hold_for));
      addRow(pattern, "max_smtp_out", value);
    }
    if (rule.backoff) addRow(pattern, "backoff", {});
    if (rule.suspend_for)
      addRow(pattern, "suspend_for", QString::fromStdString(duration_text(*rule.suspend_for)));
    if (rule.bounce) addRow(pattern, "bounce", {});
  }
}

void PatternTable::addRow(const QString& pattern, const QString& action, const QString& value) {
  const QSignalBlocker blocker(table_);
  const int row = table_->rowCount();
  table_->insertRow(row);
  table_->setItem(row, kPattern, new QTableWidgetItem(pattern));
  table_->setItem(row, kValue, new QTableWidgetItem(value));
  auto* actions = new QComboBox(table_);
  actions->addItems(kActions);
  actions->setCurrentText(action);
  connect(actions, &QComboBox::currentTextChanged, this, &PatternTable::rowsEdited);
  table_->setCellWidget(row, kAction, actions);
}

std::optional<std::vector<PatternRule>> PatternTable::rulesOfRows() {
  std::vector<PatternRule> rules;
  QString last_pattern;
  bool complete = true;
  for (int row = 0; row < table_->rowCount(); ++row) {
    QTableWidgetItem* pattern_item = table_->item(row, kPattern);
    QTableWidgetItem* value_item = table_->item(row, kValue);
    const QString pattern = pattern_item ? pattern_item->text().trimmed() : QString();
    const QString value = value_item ? value_item->text() : QString();
    const auto* actions = qobject_cast<QComboBox*>(table_->cellWidget(row, kAction));
    const QString action = actions ? actions->currentText() : QString();
    if (rules.empty() || pattern != last_pattern) {
      PatternRule rule;
      const bool regex = pattern.size() > 2 && pattern.startsWith('/') && pattern.endsWith('/');
      rule.match = regex ? PatternRule::Match::Regex : PatternRule::Match::Prefix;
      rule.pattern = (regex ? pattern.mid(1, pattern.size() - 2) : pattern).toStdString();
      rules.push_back(rule);
      last_pattern = pattern;
    }
    QString problem = pattern.isEmpty() ? QStringLiteral("A rule needs a pattern") : QString();
    try {
      apply_action(rules.back(), action, value);
    } catch (const std::invalid_argument& error) {
      problem = QString::fromStdString(error.what());
    }
    if (value_item) {
      const QSignalBlocker blocker(table_);
      value_item->setBackground(problem.isEmpty() ? QBrush() : QBrush(QColor(0xffcdd2)));
      value_item->setToolTip(problem);
    }
    complete = complete && problem.isEmpty();
  }
  if (!complete) return std::nullopt;
  return rules;
}

void PatternTable::rowsEdited() {
  const auto rules = rulesOfRows();
  if (!rules || *rules == scenario_.policy_for(target().destination).patterns) return;
  YAML::Node list(YAML::NodeType::Sequence);
  for (const PatternRule& rule : *rules) list.push_back(rule_node(rule));
  emit edited({{destination_path(target(), "patterns"), list}});
}

void PatternTable::addClicked() {
  addRow(QStringLiteral("421 4.7.28"), QStringLiteral("retry_after"), QStringLiteral("1h"));
  table_->scrollToBottom();
  rowsEdited();
}

void PatternTable::removeClicked() {
  const QModelIndexList rows = table_->selectionModel()->selectedRows();
  if (rows.isEmpty()) return;
  std::vector<int> indices;
  for (const QModelIndex& index : rows) indices.push_back(index.row());
  std::sort(indices.rbegin(), indices.rend());
  for (const int row : indices) table_->removeRow(row);
  rowsEdited();
}

}  // namespace delivsim::gui
