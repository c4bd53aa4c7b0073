#pragma once
/// @file Sample statistics over replications (computed with Eigen; Student t from Boost.Math): the aggregates
/// of `--replications`, the paired differences of `delivsim compare`, and p95(...) expectations.
#include <cstddef>
#include <optional>
#include <span>

namespace delivsim {

/// Summary of a sample of one figure.
struct SampleStats {
  std::size_t count = 0;
  double mean = 0;
  double sd = 0;  ///< sample standard deviation (divisor n - 1); 0 for a single value
  double min = 0, max = 0;
  double p5 = 0, p50 = 0, p95 = 0;  ///< see percentile()
};

/// The q-quantile (0 <= q <= 1) of `values` (not empty), by linear interpolation between the order
/// statistics at rank q*(n-1) (NumPy's default, Hyndman & Fan type 7). Values may be +infinity (a missing
/// value ranked last): a quantile that needs an infinite order statistic is infinite.
double percentile(std::span<const double> values, double q);

/// Count, mean, sd, min, max and the 5th/50th/95th percentiles of `values` (not empty).
SampleStats sample_stats(std::span<const double> values);

/// The mean of other[i] - baseline[i] with its 95% confidence interval (Student's t with n - 1 degrees of
/// freedom). Both spans have the same size n >= 1; with n == 1 the interval is absent.
struct PairedDifference {
  std::size_t count = 0;
  double mean = 0;
  std::optional<double> ci95_low, ci95_high;
};
PairedDifference paired_difference(std::span<const double> baseline, std::span<const double> other);

}  // namespace delivsim
