#pragma once
/// @file Keeping charts small: long series are thinned to about a thousand points before they are drawn.
#include <cstddef>
#include <vector>

namespace delivsim::report {

/// A point of a chart in axis units.
struct ChartPoint {
  double x = 0, y = 0;
};

/// Series longer than this are thinned.
inline constexpr std::size_t kMaxChartPoints = 1000;

/// `points` when there are at most kMaxChartPoints; else, for each run of consecutive points of equal
/// size, its lowest and its highest point in x order (peaks and troughs survive).
std::vector<ChartPoint> thin_line(const std::vector<ChartPoint>& points);

}  // namespace delivsim::report
