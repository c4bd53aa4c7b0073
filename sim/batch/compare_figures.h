#pragma once
/// @file The headline figures of a batch of replications: each figure's values and their mean and sd, the
/// numbers `delivsim compare` and `delivsim sweep` report per strategy or point.
#include <optional>
#include <span>
#include <vector>

#include "sim/output/headline.h"
#include "sim/output/run_result.h"

namespace delivsim {

/// One headline figure over replications.
struct FigureStats {
  std::vector<std::optional<double>> values;  ///< per replication; nullopt where missing (never drained)
  std::optional<double> mean;                 ///< nullopt when a value is missing
  std::optional<double> sd;                   ///< sample sd (0 for one replication); nullopt as `mean`
};

/// FigureStats of every headline figure over `replications` (not empty), in headline_figures() order.
std::vector<FigureStats> headline_stats(std::span<const RunResult> replications);

/// The index of the best of `means` for a figure that is better `better` (nullopt entries never win; ties
/// go to the first), or nullopt when every entry is nullopt.
std::optional<std::size_t> best_index(std::span<const std::optional<double>> means, Better better);

}  // namespace delivsim
