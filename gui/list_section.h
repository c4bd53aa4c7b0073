#pragma once
/// @file Form knobs for list quality: unknown users, and the first engagement segment's complaint and open
/// rates.
#include "gui/form_section.h"

namespace delivsim::gui {

/// Unknown-user share, complaint rate and open rate of the chosen traffic entry.
class ListSection : public FormSection {
  Q_OBJECT

 public:
  explicit ListSection(QWidget* parent = nullptr);
  void refresh(const ScenarioDocument& document) override;

 private:
  /// Sets `key` of the first segment, creating the segment list when the text has none.
  void setSegmentValue(const std::string& key, double ratio);

  QDoubleSpinBox* unknown_users_;
  QDoubleSpinBox* complaint_rate_;
  QDoubleSpinBox* open_rate_;
  bool has_segments_ = false;
};

}  // namespace delivsim::gui
