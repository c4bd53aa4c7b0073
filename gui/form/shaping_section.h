#pragma once
/// @file Form knobs for the MTA's domain block towards one provider (PowerMTA terms): connections, message
/// rate, retries, queue lifetime, adaptive slow-down.
#include <QCheckBox>

#include "gui/form/form_section.h"
#include "gui/form/form_targets.h"
#include "gui/form/retry_fields.h"

namespace delivsim::gui {

/// Connections, rates, idle connections, retries, queue lifetime and adaptive mode of one destination.
class ShapingSection : public FormSection {
  Q_OBJECT

 public:
  explicit ShapingSection(QWidget* parent = nullptr);
  void refresh(const ScenarioDocument& document) override;

 private:
  void retryEdited(const RetrySchedule& schedule);
  void bounceAfterEdited();
  YamlPath path(const std::string& key) const { return destination_path(target(), key); }

  QSpinBox* max_smtp_out_;
  QSpinBox* max_msg_per_connection_;
  QSpinBox* max_msg_rate_;
  QSpinBox* idle_timeout_;  ///< seconds
  RetryFields* retry_;
  QLineEdit* bounce_after_;
  QCheckBox* adaptive_;
  Scenario scenario_;
};

}  // namespace delivsim::gui
