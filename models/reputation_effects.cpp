#include "models/reputation_effects.h"

#include <algorithm>
#include <array>

namespace delivsim {
namespace {

/// The value at `score` of the piecewise-linear curve through (low_min, low), (medium_min, medium),
/// (high_min, high) and (1, ideal); `bad` below low_min.
double graduated(double score, const ReceiverParams& p, double bad, double low, double medium, double high,
                 double ideal) {
  if (score < p.tier_low_min) return bad;
  const std::array<double, 4> at = {p.tier_low_min, p.tier_medium_min, p.tier_high_min, 1.0};
  const std::array<double, 4> value = {low, medium, high, ideal};
  const double s = std::min(score, 1.0);
  for (std::size_t i = 0; i + 1 < at.size(); ++i) {
    if (s < at[i + 1]) return value[i] + (value[i + 1] - value[i]) * (s - at[i]) / (at[i + 1] - at[i]);
  }
  return ideal;
}

}  // namespace

double inbox_share(double score, const ReceiverParams& p) {
  return graduated(score, p, p.inbox_share_bad, p.inbox_share_low, p.inbox_share_medium, p.inbox_share_high,
                   1.0);
}

double reputation_defer_share(double score, const ReceiverParams& p) {
  return graduated(score, p, p.bad_tier_defer_share, p.low_tier_defer_share, p.medium_tier_defer_share,
                   p.high_tier_defer_share, 0.0);
}

}  // namespace delivsim
