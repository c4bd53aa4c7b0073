#pragma once
/// @file `delivsim compare --robust`'s terminal text: a heading with the run's facts, a table per headline
/// figure (best in, beats / ties / loses against the first strategy, the paired difference's p5 / p50 /
/// p95), the verdict lines, and which varied parameters each difference hinges on.
#include <string>

#include "sim/batch/robust_compare.h"

namespace delivsim {

/// How many parameters the printout names per strategy and figure.
inline constexpr std::size_t kPrintedSensitivities = 3;

/// The whole printout. Verdicts are listed for every strategy after the first and every figure in which it
/// does not tie the first in all worlds; sensitivities (the kPrintedSensitivities strongest) for every such
/// pair whose difference varies over the worlds (for a lone strategy: its own figure), and not at all when
/// nothing was varied.
std::string format_robust_table(const RobustResult& result);

}  // namespace delivsim
