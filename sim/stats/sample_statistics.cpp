#include "sim/stats/sample_statistics.h"

#include <Eigen/Core>
#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace delivsim {

namespace {

/// Two-sided 95%: the 0.975 quantile of Student's t.
constexpr double kCi95UpperTail = 0.975;

Eigen::Map<const Eigen::ArrayXd> as_array(std::span<const double> values) {
  return {values.data(), static_cast<Eigen::Index>(values.size())};
}

/// Sample standard deviation (divisor n - 1) around `mean`; 0 for a single value.
double sample_sd(const Eigen::Ref<const Eigen::ArrayXd>& values, double mean) {
  if (values.size() < 2) return 0;
  return std::sqrt((values - mean).square().sum() / static_cast<double>(values.size() - 1));
}

/// Type 7 quantile of already sorted values. A rank that falls on an order statistic returns it as it is,
/// so that an infinite neighbour (a null taken as +infinity) does not turn it into NaN.
double sorted_percentile(const std::vector<double>& sorted, double q) {
  const double rank = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(rank));
  const double fraction = rank - static_cast<double>(below);
  // Equal neighbours (also two +infinities, whose difference is NaN) need no interpolation.
  if (fraction == 0 || sorted[below] == sorted[below + 1]) return sorted[below];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

std::vector<double> sorted_copy(std::span<const double> values) {
  if (values.empty()) throw std::invalid_argument("statistics of an empty sample");
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

}  // namespace

double percentile(std::span<const double> values, double q) {
  if (!(q >= 0 && q <= 1)) throw std::invalid_argument("a percentile's q must be in [0, 1]");
  return sorted_percentile(sorted_copy(values), q);
}

SampleStats sample_stats(std::span<const double> values) {
  const std::vector<double> sorted = sorted_copy(values);
  const auto array = as_array(values);
  SampleStats stats;
  stats.count = values.size();
  stats.mean = array.mean();
  stats.sd = sample_sd(array, stats.mean);
  stats.min = sorted.front();
  stats.max = sorted.back();
  stats.p5 = sorted_percentile(sorted, 0.05);
  stats.p50 = sorted_percentile(sorted, 0.50);
  stats.p95 = sorted_percentile(sorted, 0.95);
  return stats;
}

PairedDifference paired_difference(std::span<const double> baseline, std::span<const double> other) {
  if (baseline.size() != other.size() || baseline.empty()) {
    throw std::invalid_argument("a paired difference needs two samples of the same, non-zero size");
  }
  const Eigen::ArrayXd differences = as_array(other) - as_array(baseline);
  PairedDifference result;
  result.count = baseline.size();
  result.mean = differences.mean();
  if (result.count < 2) return result;
  const double sd = sample_sd(differences, result.mean);
  const boost::math::students_t distribution(static_cast<double>(result.count - 1));
  const double half_width =
      boost::math::quantile(distribution, kCi95UpperTail) * sd / std::sqrt(static_cast<double>(result.count));
  result.ci95_low = result.mean - half_width;
  result.ci95_high = result.mean + half_width;
  return result;
}

}  // namespace delivsim
