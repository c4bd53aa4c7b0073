#pragma once
/// @file Chart 4: each identity's daily spam rate (complaints per inbox delivery of the last complete day),
/// with Google's 0.10% and 0.30% lines (spam_rate_good and spam_rate_bad of the provider).
#include "gui/charts/run_chart.h"

namespace delivsim::gui {

/// Chart 4: daily spam rate per identity with Google's limits.
class SpamRateChart : public RunChart {
  Q_OBJECT

 public:
  explicit SpamRateChart(QWidget* parent = nullptr);

 protected:
  void drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) override;
  void decorate(const ChartRuns& runs) override;
};

}  // namespace delivsim::gui
