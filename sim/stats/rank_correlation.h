#pragma once
/// @file Spearman's rank correlation: how monotonically one sample follows another, the sensitivity measure
/// of `delivsim compare --robust` (a varied receiver parameter against a strategy's paired difference).
#include <span>
#include <vector>

namespace delivsim {

/// The ranks of `values` (1 = smallest), tied values sharing the average of the ranks they span (values
/// {10, 20, 20, 30} rank {1, 2.5, 2.5, 4}).
std::vector<double> average_ranks(std::span<const double> values);

/// Spearman's rho of `x` and `y` (same size): the Pearson correlation of their average_ranks, in [-1, 1].
/// 0 when either sample is constant (including fewer than two values), where no ordering exists to follow.
/// Throws std::invalid_argument when the sizes differ.
double spearman_rank_correlation(std::span<const double> x, std::span<const double> y);

}  // namespace delivsim
