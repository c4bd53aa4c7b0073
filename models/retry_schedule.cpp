#include "models/retry_schedule.h"

#include <algorithm>
#include <boost/random/uniform_real_distribution.hpp>

namespace delivsim {

namespace {

Duration list_attempt_time(const RetrySchedule& schedule, int failed_attempts, Duration first_attempt,
                           Duration now) {
  const auto& offsets = schedule.offsets;
  if (offsets.empty()) return now;
  const auto index = static_cast<std::size_t>(failed_attempts - 1);
  if (index < offsets.size()) return std::max(now, saturating_add(first_attempt, offsets[index]));
  // List used up: the last gap repeats from the latest failure.
  const Duration last_gap = offsets.size() == 1 ? offsets[0] : offsets.back() - offsets[offsets.size() - 2];
  return saturating_add(now, last_gap);
}

Duration exponential_delay(const RetrySchedule& schedule, int failed_attempts, RandomEngine& engine) {
  const auto max_ms = static_cast<double>(schedule.max.count());
  const auto initial_ms = static_cast<double>(schedule.initial.count());
  // initial * factor^(failed_attempts - 1), grown step by step and stopped at max so that no attempt count
  // can overflow.
  double delay_ms = initial_ms;
  for (int attempt = 1; attempt < failed_attempts && delay_ms < max_ms; ++attempt)
    delay_ms *= schedule.factor;
  delay_ms = std::min(max_ms, delay_ms);
  if (schedule.jitter > 0.0) {
    delay_ms *=
        1.0 + boost::random::uniform_real_distribution<double>(-schedule.jitter, schedule.jitter)(engine);
    delay_ms = std::min(max_ms, delay_ms);
  }
  return saturating_ms(delay_ms);
}

}  // namespace

Duration next_attempt_time(const RetrySchedule& schedule, int failed_attempts, Duration first_attempt,
                           Duration now, RandomEngine& engine) {
  failed_attempts = std::max(1, failed_attempts);
  switch (schedule.kind) {
    case RetrySchedule::Kind::Fixed:
      return saturating_add(now, schedule.interval);
    case RetrySchedule::Kind::List:
      return list_attempt_time(schedule, failed_attempts, first_attempt, now);
    case RetrySchedule::Kind::Exponential:
      return saturating_add(now, exponential_delay(schedule, failed_attempts, engine));
  }
  return now;
}

}  // namespace delivsim
