#include "sim/report/thin_points.h"

#include <algorithm>

namespace delivsim::report {

namespace {

/// Rows per run so that a series of `count` points becomes at most `target`.
std::size_t run_length(std::size_t count, std::size_t target) {
  return (count + target - 1) / target;
}

}  // namespace

std::vector<ChartPoint> thin_line(const std::vector<ChartPoint>& points) {
  if (points.size() <= kMaxChartPoints) return points;
  const std::size_t run = run_length(points.size(), kMaxChartPoints / 2);
  std::vector<ChartPoint> thinned;
  for (std::size_t start = 0; start < points.size(); start += run) {
    const auto first = points.begin() + static_cast<std::ptrdiff_t>(start);
    const auto last = points.begin() + static_cast<std::ptrdiff_t>(std::min(start + run, points.size()));
    const auto [low, high] =
        std::minmax_element(first, last, [](const ChartPoint& a, const ChartPoint& b) { return a.y < b.y; });
    if (low == high) {
      thinned.push_back(*low);
    } else if (low < high) {
      thinned.insert(thinned.end(), {*low, *high});
    } else {
      thinned.insert(thinned.end(), {*high, *low});
    }
  }
  return thinned;
}

}  // namespace delivsim::report
