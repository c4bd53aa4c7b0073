#pragma once
/// @file Chart 3: deferrals per interval by reply code, one line per provider and reply code ("gmail 421
/// 4.7.0", in the reply's colour) on an axis of their own, so a deferral share of a few percent is as
/// visible as the attempts around it.
#include "gui/charts/run_chart.h"

namespace delivsim::gui {

/// Chart 3: deferrals per interval by provider and reply code ("<provider>.deferred[<reply>]" columns).
class DeferralsChart : public RunChart {
  Q_OBJECT

 public:
  explicit DeferralsChart(QWidget* parent = nullptr);

 protected:
  void drawRun(const RunResult& run, bool pinned, const ChartRuns& runs) override;
};

}  // namespace delivsim::gui
