#include "models/postfix_scheduler.h"

#include <algorithm>

namespace delivsim {

DestinationPolicy postfix_destination_defaults() {
  DestinationPolicy policy;
  policy.mta = SenderMta::Postfix;
  policy.max_smtp_out = 20;
  policy.retry.kind = RetrySchedule::Kind::Exponential;
  policy.retry.initial = std::chrono::seconds(300);
  policy.retry.max = std::chrono::seconds(4000);
  policy.retry.factor = 2.0;
  policy.bounce_after = std::chrono::days(5);
  return policy;
}

Duration postfix_next_attempt(Duration injected, Duration now, Duration minimal_backoff,
                              Duration maximal_backoff, Duration queue_run_delay) {
  const Duration wait = std::clamp(now - injected, minimal_backoff, maximal_backoff);
  const Duration ready = saturating_add(now, wait);
  if (queue_run_delay <= Duration(0)) return ready;
  const Duration past_run = ready % queue_run_delay;
  return past_run == Duration(0) ? ready : saturating_add(ready, queue_run_delay - past_run);
}

PostfixConcurrency::PostfixConcurrency(const PostfixScheduling& scheduling, int limit, Duration dead_for)
    : initial_(std::clamp(scheduling.initial_concurrency, 1, std::max(1, limit))),
      limit_(std::max(1, limit)),
      failed_cohort_limit_(scheduling.failed_cohort_limit),
      dead_for_(dead_for),
      window_(initial_) {}

int PostfixConcurrency::window(Duration now) {
  if (dead_ && now >= dead_until_) {
    dead_ = false;
    window_ = initial_;
    failed_cohorts_ = 0.0;
  }
  return dead_ ? 0 : window_;
}

void PostfixConcurrency::delivery_completed(int busy) {
  failed_cohorts_ = 0.0;
  if (dead_) {  // "Back from the almost grave, best concurrency is anyone's guess."
    dead_ = false;
    window_ = busy > 0 ? std::min(limit_, busy) : initial_;
    return;
  }
  // The window stays within the initial concurrency of the connections in use.
  if (window_ < busy + initial_) window_ = std::min(limit_, window_ + 1);
}

void PostfixConcurrency::connection_failed(Duration now) {
  if (window(now) == 0) return;
  failed_cohorts_ += 1.0 / window_;
  window_ = std::max(1, window_ - 1);
  if (failed_cohort_limit_ > 0 && failed_cohorts_ >= failed_cohort_limit_) {
    dead_ = true;
    dead_until_ = saturating_add(now, dead_for_);
  }
}

}  // namespace delivsim
