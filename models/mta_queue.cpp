#include "models/mta_queue.h"

#include <algorithm>
#include <cmath>

namespace delivsim {

MtaQueue::MtaQueue(const DestinationPolicy& policy, bool warming, RandomEngine engine)
    : policy_(&policy),
      warming_(warming && policy.warmup.kind != WarmupSchedule::Kind::None),
      engine_(engine),
      adaptive_(policy.adaptive) {
  // Sender-side rates pace evenly (capacity of one message or connection), as PowerMTA spreads them.
  if (!policy.max_conn_rate.unlimited())
    connection_bucket_ = TokenBucket(policy.max_conn_rate, 1.0, Duration(0), 1.0);
  if (policy.mta == SenderMta::Postfix) {
    // A rate delay forces concurrency 1 (QSHAPE_README); a dead destination waits minimal_backoff_time.
    const int limit = policy.postfix.rate_delay > Duration(0) ? 1 : policy.max_smtp_out;
    postfix_.emplace(policy.postfix, limit, policy.retry.initial);
  }
}

void MtaQueue::push_ready(std::uint32_t message, Duration injected) {
  if (policy_->mta == SenderMta::KumoMta &&
      ready_.size() >= static_cast<std::size_t>(policy_->kumo.max_ready)) {
    kumo_overflow_.push(message, injected);
    return;
  }
  ready_.push(message, injected);
}

std::uint32_t MtaQueue::pop_ready() {
  const std::uint32_t message = ready_.pop();
  if (!kumo_overflow_.empty()) {
    const KumoOverflow::Waiting next = kumo_overflow_.take(engine_);
    ready_.push(next.message, next.injected);
  }
  return message;
}

int MtaQueue::connection_limit(Duration now) {
  int limit = policy_->max_smtp_out;
  if (in_backoff(now) && policy_->backoff.max_smtp_out > 0)
    limit = std::min(limit, policy_->backoff.max_smtp_out);
  if (now < lowered_until_) limit = std::min(limit, lowered_max_smtp_out_);
  const double factor = adaptive_.factor(now);
  limit = std::max(1, static_cast<int>(std::floor(limit * factor)));
  return postfix_ ? std::min(limit, postfix_->window(now)) : limit;
}

std::optional<std::int64_t> MtaQueue::cap_left(Duration now) const {
  if (!warming_) return std::nullopt;
  const std::int64_t day = now / kDay;
  const std::optional<std::int64_t> daily = warmup_cap(day);
  if (!daily) return std::nullopt;
  std::int64_t left = *daily - (cap_day_ == day ? sent_today_ : 0);
  if (policy_->warmup.spread_hourly) {
    const std::int64_t hourly = (*daily + 23) / 24;
    left = std::min(left, hourly - (cap_hour_ == now / kHour ? sent_this_hour_ : 0));
  }
  return left;
}

std::optional<std::int64_t> MtaQueue::warmup_cap(std::int64_t day) const {
  if (warmup_cap_day_ != day) {
    warmup_cap_day_ = day;
    warmup_cap_ = daily_cap(policy_->warmup, static_cast<int>(day));
  }
  return warmup_cap_;
}

Duration MtaQueue::next_cap_reset(Duration now) const {
  const Duration unit = policy_->warmup.spread_hourly ? kHour : kDay;
  // An exhausted day waits for the next day even when spreading hourly.
  const std::int64_t day = now / kDay;
  const std::optional<std::int64_t> daily = warmup_cap(day);
  if (daily && cap_day_ == day && sent_today_ >= *daily) return (day + 1) * kDay;
  return (now / unit + 1) * unit;
}

bool MtaQueue::may_send(Duration now, std::optional<Duration>& wake_at) const {
  if (now < suspended_until_) {
    wake_at = suspended_until_;
    return false;
  }
  const std::optional<std::int64_t> left = cap_left(now);
  if (left && *left <= 0) {
    wake_at = next_cap_reset(now);
    return false;
  }
  return true;
}

bool MtaQueue::connection_may_send(std::uint32_t sent, Duration now, std::optional<Duration>& wake_at) const {
  if (ready_.empty() || carried_its_limit(sent)) return false;
  return may_send(now, wake_at);
}

bool MtaQueue::may_open_connection(Duration now, std::optional<Duration>& wake_at) {
  if (!may_send(now, wake_at)) return false;
  if (now < reconnect_at_) {
    wake_at = reconnect_at_;
    return false;
  }
  if (open_connections_ >= connection_limit(now)) {
    if (now < lowered_until_) wake_at = lowered_until_;
    if (postfix_ && postfix_->window(now) == 0) wake_at = postfix_->dead_until();
    return false;
  }
  if (!policy_->max_conn_rate.unlimited() && !connection_bucket_.try_take(now)) {
    wake_at = now + connection_bucket_.time_until_available(now);
    return false;
  }
  return true;
}

Rate MtaQueue::message_rate(Duration now) {
  Rate rate = policy_->max_msg_rate;
  if (postfix_ && policy_->postfix.rate_delay > Duration(0)) {
    // destination_rate_delay: one delivery per delay (paced start to start here).
    Rate paced;
    paced.per_second = 1.0 / to_seconds(policy_->postfix.rate_delay);
    if (rate.unlimited() || paced.per_second < rate.per_second) rate = paced;
  }
  if (in_backoff(now)) {
    const Rate backoff = policy_->backoff.max_msg_rate;
    if (!backoff.unlimited() && (rate.unlimited() || backoff.per_second < rate.per_second)) rate = backoff;
  }
  if (!rate.unlimited()) rate.per_second *= adaptive_.factor(now);
  return rate;
}

Duration MtaQueue::take_send_slot(Duration now) {
  const Rate rate = message_rate(now);
  if (rate.unlimited()) return Duration(0);
  if (!(rate == message_bucket_rate_)) {
    if (message_bucket_rate_.unlimited()) {
      message_bucket_ = TokenBucket(rate, 1.0, now, 1.0);
    } else {
      message_bucket_.reconfigure(rate, 1.0, now);
    }
    message_bucket_rate_ = rate;
  }
  if (message_bucket_.try_take(now)) return Duration(0);
  return std::max(Duration(1), message_bucket_.time_until_available(now));
}

std::uint32_t MtaQueue::start_transaction(Duration now) {
  ++busy_connections_;
  if (warming_) {
    const std::int64_t day = now / kDay, hour = now / kHour;
    if (cap_day_ != day) cap_day_ = day, sent_today_ = 0;
    if (cap_hour_ != hour) cap_hour_ = hour, sent_this_hour_ = 0;
    ++sent_today_;
    ++sent_this_hour_;
  }
  return pop_ready();
}

void MtaQueue::record_reply(Duration now, bool deferred, SmtpStep step, const PatternRule* rule) {
  adaptive_.record(now, deferred);
  if (rule) {
    if (rule->suspend_for) suspended_until_ = std::max(suspended_until_, now + *rule->suspend_for);
    if (rule->max_smtp_out) {
      lowered_max_smtp_out_ = *rule->max_smtp_out;
      lowered_until_ = now + rule->hold_for;
    }
    if (rule->backoff) backoff_until_ = now + policy_->backoff.to_normal_after;
  }
  if (postfix_) {
    // Only a connection or handshake failure is negative feedback (SCHEDULER_README; smtp_trouble.c).
    if (step == SmtpStep::Greeting) {
      postfix_->connection_failed(now);
    } else {
      postfix_->delivery_completed(open_connections_);
    }
    return;
  }
  if (policy_->mta == SenderMta::KumoMta) {
    // KumoMTA opens the next connection at once; only a run of refusals delays the ready messages.
    kumo_connection_failures_ = step == SmtpStep::Greeting ? kumo_connection_failures_ + 1 : 0;
    if (kumo_connection_failures_ >= policy_->kumo.connection_failures_before_delay) {
      kumo_connection_failures_ = 0;
      defer_ready_requested_ = true;
    }
    return;
  }
  if (step == SmtpStep::Greeting) hold_after_connection_failure(rule, now);
}

void MtaQueue::record_delivery(Duration now) {
  if (policy_->backoff.to_normal_after_delivery) backoff_until_ = std::min(backoff_until_, now);
}

void MtaQueue::hold_after_connection_failure(const PatternRule* rule, Duration now) {
  Duration pause = policy_->retry.interval;
  if (rule && rule->retry_after) {
    pause = *rule->retry_after;
  } else if (in_backoff(now)) {
    pause = policy_->backoff.retry_after;
  } else if (policy_->retry.kind == RetrySchedule::Kind::List) {
    pause = policy_->retry.offsets.front();
  } else if (policy_->retry.kind == RetrySchedule::Kind::Exponential) {
    pause = policy_->retry.initial;
  }
  reconnect_at_ = std::max(reconnect_at_, now + pause);
}

RetryPlan MtaQueue::plan_retry(const PatternRule* rule, int failed_attempts, Duration first_attempt,
                               Duration injected, Duration now) {
  Duration retry_at;
  if (postfix_) {
    retry_at = postfix_next_attempt(injected, now, policy_->retry.initial, policy_->retry.max,
                                    policy_->postfix.queue_run_delay);
  } else if (policy_->mta == SenderMta::KumoMta) {
    retry_at = kumomta_next_attempt(policy_->retry, failed_attempts, now, engine_);
  } else if (rule && rule->retry_after) {
    retry_at = now + *rule->retry_after;
  } else if (in_backoff(now)) {
    retry_at = now + policy_->backoff.retry_after;
  } else {
    retry_at = next_attempt_time(policy_->retry, failed_attempts, first_attempt, now, engine_);
  }
  const Duration deadline = injected + policy_->bounce_after;
  if (policy_->mta == SenderMta::KumoMta && retry_at > deadline) return RetryPlan{now, true};
  if (retry_at >= deadline) return RetryPlan{std::max(now, deadline), true};
  return RetryPlan{retry_at, false};
}

}  // namespace delivsim
