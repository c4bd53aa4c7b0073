#pragma once
/// @file Chart 5: each identity's quota per hour (dotted, lighter) against the messages it had accepted per
/// hour (solid): where the solid line meets the dotted one, 421 4.7.28 starts.
#include "gui/charts/run_chart.h"

namespace delivsim::gui {

/// Chart 5: quota per hour against accepted per hour, per identity.
class QuotaChart : public RunChart {
  Q_OBJECT

 public:
  explicit QuotaChart(QWidget* parent = nullptr);

 protected:
  void drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) override;
};

}  // namespace delivsim::gui
