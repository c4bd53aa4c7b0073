#pragma once
/// @file The nearest-rank percentile's place, one definition for the recorder's exact percentiles and the
/// accounting-log statistics, so a run's figures and the same run's log read back agree by construction.
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace delivsim::kernel {

/// The rank (from 1) of percentile `fraction` (0 to 1) among `count` >= 1 sorted values:
/// ceil(fraction * count), at least 1 and at most `count`.
inline std::uint64_t nearest_rank(double fraction, std::uint64_t count) {
  const auto rank = static_cast<std::uint64_t>(std::ceil(fraction * static_cast<double>(count)));
  return std::clamp<std::uint64_t>(rank, 1, count);
}

}  // namespace delivsim::kernel
