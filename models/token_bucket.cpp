#include "models/token_bucket.h"

#include <algorithm>
#include <cmath>

namespace delivsim {

TokenBucket::TokenBucket(Rate rate, double capacity, Duration now, double initial_tokens)
    : rate_(rate),
      capacity_(capacity),
      tokens_(std::clamp(initial_tokens, 0.0, capacity)),
      updated_at_(now) {}

void TokenBucket::refill(Duration now) {
  if (now <= updated_at_) return;
  tokens_ = tokens(now);
  updated_at_ = now;
}

bool TokenBucket::try_take(Duration now, double n) {
  refill(now);
  if (tokens_ < n) return false;
  tokens_ -= n;
  return true;
}

Duration TokenBucket::time_until_available(Duration now, double n) const {
  const double available = tokens(now);
  if (available >= n) return Duration(0);
  if (rate_.per_second <= 0.0 || n > capacity_) return kLongestSpan;
  const double wait_ms = std::ceil((n - available) / rate_.per_second * 1000.0);
  // Past 2^52 ms (about 143,000 years) a double no longer tells whole milliseconds apart, and nothing
  // simulated waits that long: the closed form, saturated, is the answer.
  constexpr double kExactMs = 4503599627370496.0;
  if (!(wait_ms < kExactMs)) return saturating_ms(wait_ms);
  auto wait = Duration(static_cast<Duration::rep>(wait_ms));
  // Floating-point rounding can put the closed-form answer one millisecond off either way; settle on the
  // smallest whole millisecond at which try_take succeeds.
  if (wait > Duration(1) && tokens(now + wait - Duration(1)) >= n) wait -= Duration(1);
  while (tokens(now + wait) < n) wait += Duration(1);
  return wait;
}

void TokenBucket::reconfigure(Rate rate, double capacity, Duration now) {
  refill(now);
  rate_ = rate;
  capacity_ = capacity;
  tokens_ = std::min(tokens_, capacity_);
}

}  // namespace delivsim
