#pragma once
/// @file Chart 1: messages waiting in the MTA's queue for each provider.
#include "gui/charts/run_chart.h"

namespace delivsim::gui {

/// Chart 1: queue depth per provider.
class QueueChart : public RunChart {
  Q_OBJECT

 public:
  explicit QueueChart(QWidget* parent = nullptr);

 protected:
  void drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) override;
};

}  // namespace delivsim::gui
