#pragma once
/// @file Form knobs for how much mail the chosen traffic entry sends and what share goes to Gmail.
#include <QFormLayout>
#include <QLabel>

#include "gui/form_section.h"

namespace delivsim::gui {

/// Campaign size or stream rate, and the Gmail share, of the chosen traffic entry.
class TrafficSection : public FormSection {
  Q_OBJECT

 public:
  explicit TrafficSection(QWidget* parent = nullptr);
  void refresh(const ScenarioDocument& document) override;

 private:
  void gmailShareChanged(double percent);

  QLabel* source_;
  QSpinBox* recipients_;
  QDoubleSpinBox* rate_;
  QDoubleSpinBox* gmail_share_;
  QFormLayout* form_;
  Scenario scenario_;
};

}  // namespace delivsim::gui
