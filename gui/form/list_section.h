#pragma once
/// @file Form knobs for list quality: unknown users and spam traps, and each engagement segment's share,
/// complaint, open and not-spam rates.
#include <QComboBox>
#include <QFormLayout>

#include "gui/form/form_section.h"

namespace delivsim::gui {

/// List quality of the chosen traffic entry, one engagement segment at a time.
class ListSection : public FormSection {
  Q_OBJECT

 public:
  explicit ListSection(QWidget* parent = nullptr);
  void refresh(const ScenarioDocument& document) override;

 private:
  /// Shows segment `index`'s values in the segment knobs.
  void showSegment(int index);
  /// Sets `key` of the chosen segment, creating the segment list when the text has none.
  void setSegmentValue(const std::string& key, double ratio);
  /// Gives the chosen segment `ratio` of the list, the other segments the rest in their proportions.
  void segmentShareChanged(double ratio);
  YamlPath segmentsPath(const YamlPath& below = {}) const;

  QFormLayout* form_;
  QDoubleSpinBox* unknown_users_;
  QDoubleSpinBox* spam_traps_;
  QComboBox* segment_;
  QDoubleSpinBox* segment_share_;
  QDoubleSpinBox* complaint_rate_;
  QDoubleSpinBox* open_rate_;
  QDoubleSpinBox* not_spam_rate_;
  std::vector<EngagementSegment> segments_;  ///< of the chosen traffic entry
  bool has_segments_ = false;                ///< whether the text writes the segment list
};

}  // namespace delivsim::gui
