#pragma once
/// @file Shares the form writes (domain mixes, segment shares): rounded to a few decimals and summing to
/// exactly 1 as written.
#include <vector>

namespace delivsim::gui {

/// Shares are written with this many decimals (0.7733).
inline constexpr int kShareDecimals = 4;

/// `share` rounded to kShareDecimals.
double round_share(double share);

/// Sets the last of `shares` (the others already rounded) to 1 minus the others, rounded, so the written
/// shares sum to 1; false (and `shares` unchanged) when that would not be > 0 or `shares` is empty.
bool absorb_rounding_in_last(std::vector<double>& shares);

}  // namespace delivsim::gui
