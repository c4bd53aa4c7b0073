#pragma once
/// @file The shaped destination's reply-pattern rules (PowerMTA smtp-pattern-list) as an editable table:
/// one row per action; consecutive rows with the same pattern form one rule.
#include <QPushButton>
#include <QTableWidget>

#include "gui/form/form_section.h"

namespace delivsim::gui {

/// The shaped destination's reply-pattern rules, one row per action.
class PatternTable : public FormSection {
  Q_OBJECT

 public:
  explicit PatternTable(QWidget* parent = nullptr);
  void refresh(const ScenarioDocument& document) override;

 private:
  void showRules(const std::vector<PatternRule>& rules);
  void addRow(const QString& pattern, const QString& action, const QString& value);
  /// The rules the rows say, or nullopt when a row is incomplete (that row is marked).
  std::optional<std::vector<PatternRule>> rulesOfRows();
  void rowsEdited();
  void addClicked();
  void removeClicked();

  QTableWidget* table_;
  QPushButton* add_;
  QPushButton* remove_;
  Scenario scenario_;
};

}  // namespace delivsim::gui
