#pragma once
/// @file Chart 2: SMTP attempts per interval, all providers, stacked by outcome: delivered, deferred by
/// reply code, bounced. A pinned run is drawn as dashed outlines of its stack.
#include "gui/charts/run_chart.h"

namespace delivsim::gui {

/// Chart 2: attempts per interval stacked by outcome and reply code.
class AttemptsChart : public RunChart {
  Q_OBJECT

 public:
  explicit AttemptsChart(QWidget* parent = nullptr);

 protected:
  void drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) override;
};

}  // namespace delivsim::gui
