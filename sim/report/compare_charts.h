#pragma once
/// @file The compare report's overlays: one line per strategy, read from each strategy's run folder (its
/// timeseries.csv, or the means of timeseries_bands.csv).
#include <string>
#include <vector>

#include "sim/report/chart_axis.h"
#include "sim/report/run_folder.h"

namespace delivsim::report {

/// A strategy's name and run folder.
struct StrategyRun {
  std::string name;
  RunFolder folder;
};

/// id "chart-compare-queue": messages queued over all providers, one line per strategy.
std::string compare_queue_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time);

/// id "chart-compare-deferral": the judged provider's (judging_provider() of the first strategy) deferred /
/// attempts per interval, in percent, one line per strategy, with its alert levels in the first strategy
/// (seed 003's Gmail levels: 5% and 15%).
std::string compare_deferral_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time);

/// id "chart-compare-reputation": the reputation score of each strategy's first IP with the judged provider,
/// over its tier bands in the first strategy.
std::string compare_reputation_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time);

}  // namespace delivsim::report
