#pragma once
/// @file Form knobs for the shaped destination's warm-up: none, a table of daily caps, or a doubling rule.
#include <QComboBox>
#include <QStackedWidget>

#include "gui/form/form_section.h"

namespace delivsim::gui {

/// The shaped destination's warm-up schedule.
class WarmupSection : public FormSection {
  Q_OBJECT

 public:
  explicit WarmupSection(QWidget* parent = nullptr);
  void refresh(const ScenarioDocument& document) override;

 private:
  void modeChosen(int mode);
  void tableEdited();
  /// Sets `key` of the rule (warmup.rule.<key>) to `text`.
  void setRuleValue(const std::string& key, const std::string& text);
  YamlPath warmupPath(const YamlPath& below = {}) const;
  YAML::Node tableNode() const;
  YAML::Node ruleNode() const;

  QComboBox* mode_;
  QStackedWidget* pages_;
  QLineEdit* table_;
  QSpinBox* start_;
  QDoubleSpinBox* multiplier_;
  QSpinBox* every_days_;
  QSpinBox* ceiling_;
  Scenario scenario_;
};

}  // namespace delivsim::gui
