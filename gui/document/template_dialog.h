#pragma once
/// @file File > New from template: the shipped scenarios listed with what each shows; the chosen one opens
/// as an untitled copy.
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <optional>
#include <vector>

#include "gui/document/scenario_templates.h"

namespace delivsim::gui {

/// Lists `templates` by name, the selected one's description beside the list.
class TemplateDialog : public QDialog {
  Q_OBJECT

 public:
  explicit TemplateDialog(std::vector<ScenarioTemplate> templates, QWidget* parent = nullptr);

  /// The selected template; nullopt when the list is empty.
  std::optional<ScenarioTemplate> chosen() const;

 private:
  void showDescription();

  std::vector<ScenarioTemplate> templates_;
  QListWidget* list_ = nullptr;
  QLabel* description_ = nullptr;
};

}  // namespace delivsim::gui
