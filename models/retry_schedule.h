#pragma once
/// @file When to try a deferred message again: a fixed interval (PowerMTA `retry-after`), an explicit list of
/// offsets from the first attempt (seed 002), or exponential with a cap and jitter (Postfix, KumoMTA).
#include <vector>

#include "models/random.h"
#include "models/units.h"

namespace delivsim {

struct RetrySchedule {
  enum class Kind { Fixed, List, Exponential };
  Kind kind = Kind::Fixed;
  /// Fixed: the interval between attempts (PowerMTA default 10m).
  Duration interval = std::chrono::minutes(10);
  /// List: offsets from the first attempt, strictly increasing (seed 002: 15m, 1h, 4h, 12h). Once the list
  /// is used up, the last gap between offsets repeats (one offset alone: it repeats as an interval).
  std::vector<Duration> offsets;
  /// Exponential: the first delay, the cap, the growth factor (> 1), and jitter as a fraction (0..1) by
  /// which each delay is spread uniformly (delay * (1 + U(-jitter, +jitter)), then capped).
  Duration initial = std::chrono::seconds(300);
  Duration max = std::chrono::seconds(4000);
  double factor = 2.0;
  double jitter = 0.0;

  friend bool operator==(const RetrySchedule&, const RetrySchedule&) = default;
};

/// The time of the next attempt after `failed_attempts` (>= 1) transient failures, the first attempt having
/// been made at `first_attempt` and the latest failure at `now`. Always >= now; saturates at Duration::max()
/// instead of overflowing. Draws from `engine` only for
/// an exponential schedule with jitter > 0.
Duration next_attempt_time(const RetrySchedule& schedule, int failed_attempts, Duration first_attempt,
                           Duration now, RandomEngine& engine);

}  // namespace delivsim
