#include "models/delay_distribution.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <cmath>

namespace delivsim {

DelaySampler::DelaySampler(const DelayDistribution& distribution) : distribution_(distribution) {
  const auto value_ms = static_cast<double>(distribution.value.count());
  if (distribution.kind == DelayDistribution::Kind::Lognormal && value_ms > 0.0)
    log_median_ms_ = std::log(value_ms);
}

Duration DelaySampler::operator()(RandomEngine& engine) const {
  const auto value_ms = static_cast<double>(distribution_.value.count());
  switch (distribution_.kind) {
    case DelayDistribution::Kind::Constant:
      return std::max(distribution_.value, Duration(0));
    case DelayDistribution::Kind::Exponential:
      if (value_ms <= 0.0) return Duration(0);
      // Boost takes the rate lambda = 1 / mean.
      return saturating_ms(boost::random::exponential_distribution<double>(1.0 / value_ms)(engine));
    case DelayDistribution::Kind::Lognormal:
      if (value_ms <= 0.0) return Duration(0);
      // Boost's parameters are those of log(duration): mu = ln(median), sigma.
      return saturating_ms(
          boost::random::lognormal_distribution<double>(log_median_ms_, distribution_.sigma)(engine));
  }
  return Duration(0);
}

Duration sample(const DelayDistribution& distribution, RandomEngine& engine) {
  return DelaySampler(distribution)(engine);
}

double mean_ms(const DelayDistribution& distribution) {
  const auto value_ms = static_cast<double>(distribution.value.count());
  if (distribution.kind == DelayDistribution::Kind::Lognormal) {
    return value_ms * std::exp(distribution.sigma * distribution.sigma / 2.0);
  }
  return value_ms;
}

}  // namespace delivsim
