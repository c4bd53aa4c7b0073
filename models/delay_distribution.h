#pragma once
/// @file Random durations (SMTP connection setup, message transaction, complaint delay).
#include "models/random.h"
#include "models/units.h"

namespace delivsim {

/// A distribution of durations as a scenario writes it.
struct DelayDistribution {
  enum class Kind { Constant, Exponential, Lognormal };
  Kind kind = Kind::Constant;
  /// Constant: the value. Exponential: the mean. Lognormal: the median.
  Duration value{0};
  /// Lognormal only: the standard deviation of log(duration).
  double sigma = 0.0;

  friend bool operator==(const DelayDistribution&, const DelayDistribution&) = default;
};

/// A distribution prepared for many draws (a lognormal's log(median) is taken once): the same draws as
/// sample(), for the per-attempt timings of a run.
class DelaySampler {
 public:
  explicit DelaySampler(const DelayDistribution& distribution);
  /// One draw, rounded to whole milliseconds, never negative. Constant draws consume no randomness.
  Duration operator()(RandomEngine& engine) const;

 private:
  DelayDistribution distribution_;
  double log_median_ms_ = 0.0;  ///< Lognormal only: mu, the mean of log(duration in ms)
};

/// One draw of `distribution` (DelaySampler's).
Duration sample(const DelayDistribution& distribution, RandomEngine& engine);

/// The distribution's mean in milliseconds (for documentation and closed-form checks).
double mean_ms(const DelayDistribution& distribution);

}  // namespace delivsim
