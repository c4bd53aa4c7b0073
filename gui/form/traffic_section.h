#pragma once
/// @file Form knobs for how much mail the chosen traffic entry sends and how it splits over providers.
#include <QFormLayout>
#include <QLabel>
#include <string>
#include <utility>
#include <vector>

#include "gui/form/form_section.h"

namespace delivsim::gui {

/// Campaign size or stream rate, and the share at each provider, of the chosen traffic entry.
class TrafficSection : public FormSection {
  Q_OBJECT

 public:
  explicit TrafficSection(QWidget* parent = nullptr);
  void refresh(const ScenarioDocument& document) override;

 private:
  /// One share box per provider of the scenario, made anew when the providers change.
  void showProviders(const std::vector<ProviderSpec>& providers);
  void shareChanged(const std::string& provider, double percent);

  QSpinBox* recipients_;
  QDoubleSpinBox* rate_;
  QFormLayout* form_;
  QFormLayout* mix_form_;
  std::vector<std::pair<std::string, QDoubleSpinBox*>> shares_;  ///< provider name, its share box
  Scenario scenario_;
};

}  // namespace delivsim::gui
