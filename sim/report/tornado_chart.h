#pragma once
/// @file The robust report's tornado chart: which varied receiver parameters a figure's paired difference
/// hinges on, as horizontal bars of Spearman's rho left (negative) or right (positive) of 0.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/report/robust_reader.h"

namespace delivsim::report {

/// Most bars a tornado chart draws.
inline constexpr std::size_t kTornadoBars = 10;

/// id `id`: the kTornadoBars parameters of `sensitivity` with the largest |rho| (ties in the given order),
/// most influential at the top, each a bar from 0 to its rho on a -1..1 axis titled `x_title`, over a grey
/// band of |rho| < `noise` (rank correlations that sampling noise alone gives). Parameter labels longer
/// than the left margin allows are cut with "…".
std::string tornado_chart_svg(const std::string& id, const std::string& title, const std::string& x_title,
                              std::vector<RobustSensitivity> sensitivity, double noise);

}  // namespace delivsim::report
