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

/// The provider the compare overlays judge by: "gmail" when there is one, else the first provider; empty
/// when there are none.
std::string judged_provider(const RunResult& run);

/// id "chart-compare-queue": messages queued over all providers, one line per strategy.
std::string compare_queue_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time);

/// id "chart-compare-deferral": the judged provider's deferred / attempts per interval, in percent, one line
/// per strategy, with seed 003's 5% and 15% alert lines.
std::string compare_deferral_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time);

/// id "chart-compare-reputation": the reputation score of each strategy's first IP with the judged provider,
/// over the tier bands.
std::string compare_reputation_chart_svg(const std::vector<StrategyRun>& strategies, const TimeAxis& time);

}  // namespace delivsim::report
