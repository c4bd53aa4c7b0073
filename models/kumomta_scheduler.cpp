#include "models/kumomta_scheduler.h"

#include <algorithm>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>

namespace delivsim {

DestinationPolicy kumomta_destination_defaults() {
  DestinationPolicy policy;
  policy.mta = SenderMta::KumoMta;
  policy.max_smtp_out = 32;                        // make_egress_path connection_limit
  policy.max_msg_per_connection = 1024;            // max_deliveries_per_connection
  policy.idle_timeout = std::chrono::seconds(60);  // make_egress_path idle_timeout
  policy.retry.kind = RetrySchedule::Kind::Exponential;
  policy.retry.initial = std::chrono::minutes(20);  // make_queue_config retry_interval
  // max_retry_interval has no default; a cap at max_age is the same as none.
  policy.retry.max = std::chrono::days(7);
  policy.retry.factor = 2.0;
  policy.bounce_after = std::chrono::days(7);  // max_age
  return policy;
}

Duration kumomta_next_attempt(const RetrySchedule& retry, int failed_attempts, Duration now,
                              RandomEngine& engine) {
  RetrySchedule doubling = retry;
  doubling.jitter = 0.0;
  const Duration due = next_attempt_time(doubling, failed_attempts, now, now, engine);
  const double magnitude_ms = std::min(static_cast<double>(retry.initial.count()) / 20.0, 60'000.0);
  const double jitter_ms =
      boost::random::uniform_real_distribution<double>(-magnitude_ms / 2.0, magnitude_ms / 2.0)(engine);
  if (due == Duration::max()) return due;
  const Duration jitter(std::llround(jitter_ms));  // |jitter| <= 30 s
  return jitter < Duration(0) ? std::max(now, due + jitter) : saturating_add(due, jitter);
}

KumoOverflow::Waiting KumoOverflow::take(RandomEngine& engine) {
  const std::size_t pick =
      boost::random::uniform_int_distribution<std::size_t>(0, waiting_.size() - 1)(engine);
  std::swap(waiting_[pick], waiting_.back());
  const Waiting taken = waiting_.back();
  waiting_.pop_back();
  return taken;
}

}  // namespace delivsim
