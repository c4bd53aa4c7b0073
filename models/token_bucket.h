#pragma once
/// @file A token bucket: tokens refill at a rate up to a capacity; taking one needs one whole token.
#include <algorithm>

#include "models/units.h"

namespace delivsim {

/// Refills continuously at `rate` up to `capacity` tokens. Time is passed in (models have no clock);
/// calls must come with non-decreasing `now`.
class TokenBucket {
 public:
  TokenBucket() = default;
  /// @param rate refill rate; @param capacity burst size in tokens (> 0); @param now time of creation;
  /// @param initial_tokens tokens at creation (clamped to capacity).
  TokenBucket(Rate rate, double capacity, Duration now, double initial_tokens);

  /// Takes `n` tokens if they are there now; returns whether it did.
  bool try_take(Duration now, double n = 1.0);
  /// Time from `now` until `n` tokens will be there (zero if they are now). Saturates at kLongestSpan, so
  /// that now + the answer never overflows: that is also the answer when the tokens never come (no refill,
  /// or n > capacity).
  Duration time_until_available(Duration now, double n = 1.0) const;
  /// Changes rate and capacity from `now` on, keeping the tokens already earned (clamped to the capacity).
  void reconfigure(Rate rate, double capacity, Duration now);
  /// Tokens there at `now`. Inline: receivers ask it of every identity of every message.
  double tokens(Duration now) const {
    if (rate_.per_second <= 0.0 || now <= updated_at_) return tokens_;
    const double earned = rate_.per_second * to_seconds(now - updated_at_);
    return std::min(capacity_, tokens_ + earned);
  }
  Rate rate() const { return rate_; }
  double capacity() const { return capacity_; }

 private:
  void refill(Duration now);
  Rate rate_{};
  double capacity_ = 1.0;
  double tokens_ = 0.0;
  Duration updated_at_{0};
};

}  // namespace delivsim
