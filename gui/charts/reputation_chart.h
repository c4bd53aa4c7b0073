#pragma once
/// @file Chart 3: reputation score per identity of one provider, over that provider's tier bands (HIGH,
/// MEDIUM, LOW, BAD from its tier_*_min parameters).
#include <QCategoryAxis>
#include <array>

#include "gui/charts/run_chart.h"

namespace delivsim::gui {

/// Chart 3: reputation score per identity over the tier bands.
class ReputationChart : public RunChart {
  Q_OBJECT

 public:
  explicit ReputationChart(QWidget* parent = nullptr);

 protected:
  void drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) override;
  void decorate(const ChartRuns& runs) override;

 private:
  QCategoryAxis* tier_axis_;
  std::array<double, 3> tier_bounds_{};  ///< LOW, MEDIUM, HIGH lower bounds the axis is labelled for
};

}  // namespace delivsim::gui
