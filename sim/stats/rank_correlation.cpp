#include "sim/stats/rank_correlation.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <stdexcept>

namespace delivsim {

std::vector<double> average_ranks(std::span<const double> values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first + 1;  // one past the run of values equal to values[order[first]]
    while (last < order.size() && values[order[last]] == values[order[first]]) ++last;
    // Ranks first+1 .. last (1-based) averaged.
    const double rank = (static_cast<double>(first + 1) + static_cast<double>(last)) / 2;
    for (std::size_t i = first; i < last; ++i) ranks[order[i]] = rank;
    first = last;
  }
  return ranks;
}

double spearman_rank_correlation(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) throw std::invalid_argument("a rank correlation needs two samples of one size");
  if (x.size() < 2) return 0;
  const std::vector<double> x_ranks = average_ranks(x);
  const std::vector<double> y_ranks = average_ranks(y);
  const auto n = static_cast<Eigen::Index>(x.size());
  const Eigen::Map<const Eigen::ArrayXd> rx(x_ranks.data(), n);
  const Eigen::Map<const Eigen::ArrayXd> ry(y_ranks.data(), n);
  const Eigen::ArrayXd dx = rx - rx.mean();
  const Eigen::ArrayXd dy = ry - ry.mean();
  const double sxx = dx.square().sum();
  const double syy = dy.square().sum();
  // Ranks of a constant sample are all equal, so its deviations are exactly 0.
  if (sxx == 0 || syy == 0) return 0;
  return std::clamp((dx * dy).sum() / std::sqrt(sxx * syy), -1.0, 1.0);
}

}  // namespace delivsim
