#pragma once
/// @file The tornado chart of a robust comparison: which varied receiver parameters a strategy's paired
/// difference hinges on, as horizontal bars of Spearman's rho, most influential on top.
#include <QChartView>
#include <cstddef>

#include "sim/batch/robust_compare.h"

namespace delivsim::gui {

/// The most parameters the chart shows.
inline constexpr std::size_t kTornadoBars = 10;

/// Horizontal bars of rank correlation, left of 0 when the difference falls as the parameter grows; bars
/// within the noise level (noise_rank_correlation) are grey.
class TornadoChart : public QChartView {
  Q_OBJECT

 public:
  explicit TornadoChart(QWidget* parent = nullptr);

  /// Draws the top kTornadoBars parameters of strategy `strategy`'s figure `figure` (index into
  /// headline_figures()): for a strategy after the first, correlations with its difference from the first;
  /// for the first, with its own figure. The title says when no parameter varies or none correlates.
  void plot(const RobustResult& result, std::size_t strategy, std::size_t figure);
  /// Removes the bars and the title.
  void clearChart();
  /// The labels of the parameters drawn ("gmail.quota_floor_medium"), top bar first; the bars show the
  /// parameter's name alone when every varied parameter is one provider's.
  const QStringList& parameters() const { return parameters_; }

 private:
  QStringList parameters_;
};

}  // namespace delivsim::gui
