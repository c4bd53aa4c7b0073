#pragma once
/// @file The robust report's spread chart: per strategy, how its paired difference from the first strategy
/// spreads over the receiver worlds (a p5–p95 bar with a tick at the median).
#include <optional>
#include <string>
#include <vector>

#include "sim/report/robust_reader.h"

namespace delivsim::report {

/// One row of a spread chart: a strategy's name and its paired difference (nullopt: no world has both
/// values; the row stays empty).
struct SpreadRow {
  std::string label;
  std::optional<RobustDifference> difference;
};

/// id `id`: per row, top down, a bar from p5 to p95 with a tick at p50, on an axis of the headline figure
/// `figure_key`'s differences titled `x_title` plus the unit (shares in percentage points, spans in seconds,
/// hours or days) that always includes 0, drawn as a dotted line (from -1 to 1 when every difference is 0).
/// Row r is drawn in series_rgb(r + 1): the rows are the strategies after the first, each in its colour of
/// the other charts.
std::string spread_chart_svg(const std::string& id, const std::string& title, const std::string& figure_key,
                             const std::string& x_title, const std::vector<SpreadRow>& rows);

}  // namespace delivsim::report
