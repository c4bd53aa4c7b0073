#pragma once
/// @file The sender's queue for one (IP, provider) pair, PowerMTA's queue per domain and vMTA: ready
/// messages, connection count, shaping state (rates, warm-up caps, backoff, suspension, pattern overrides)
/// and the decisions that follow from them. No event queue here: the world drives it with times.
#include <cstdint>
#include <optional>

#include "models/adaptive_controller.h"
#include "models/destination_policy.h"
#include "models/random.h"
#include "models/ready_queue.h"
#include "models/reply_pattern.h"
#include "models/token_bucket.h"

namespace delivsim {

class MtaQueue {
 public:
  /// @param warming whether the queue's IP is new, so the policy's warm-up schedule caps it.
  MtaQueue(const DestinationPolicy& policy, bool warming, RandomEngine engine);

  // --- Ready messages, oldest injection first ---
  void push_ready(std::uint32_t message, Duration injected);
  bool has_ready() const { return !ready_.empty(); }
  std::size_t ready_count() const { return ready_.size(); }
  std::uint32_t pop_ready() { return ready_.pop(); }
  /// Injection time of the oldest ready message (requires has_ready()).
  Duration oldest_ready_injected() const { return ready_.oldest_injected(); }

  // --- Connections ---
  /// Whether a new connection may open at `now`; if not and the reason will pass by itself, `wake_at` is
  /// set to when to look again.
  bool may_open_connection(Duration now, std::optional<Duration>& wake_at);
  void connection_opened() { ++open_connections_; }
  void connection_closed() { --open_connections_; }
  int open_connections() const { return open_connections_; }
  /// An open connection handed a message to the provider and waits for the reply.
  void transaction_started() { ++busy_connections_; }
  /// That connection got its reply.
  void transaction_ended() { --busy_connections_; }
  /// Open connections that will take the next ready message: those in setup and those waiting for a rate
  /// token, not those in a transaction (connections close as soon as nothing is ready, so none sits idle).
  int free_connections() const { return open_connections_ - busy_connections_; }
  /// Whether a ready message has no free connection to take it, so the pump should open one (if allowed).
  bool needs_connection() const { return ready_.size() > static_cast<std::size_t>(free_connections()); }
  /// Whether an open connection may send another message now: false when suspended or over a warm-up
  /// cap (the connection should close) — `wake_at` then says when sending may resume.
  bool may_send(Duration now, std::optional<Duration>& wake_at) const;
  /// Time until the message rate allows the next message (zero if now); takes the token when zero.
  Duration take_send_slot(Duration now);
  /// Counts one message handed to the provider (warm-up caps).
  void count_sent(Duration now);

  // --- Replies ---
  /// Records an attempt's outcome for the adaptive controller.
  void record_outcome(Duration now, bool deferred);
  /// Applies a matched pattern rule's queue actions (suspend, lower max-smtp-out, backoff) at `now`.
  void apply_rule(const PatternRule& rule, Duration now);
  /// After a connection-level failure (the greeting refused with a 421) the queue is in retry mode: it opens
  /// no new connection for its retry interval, the rule's retry-after, else backoff's, else the schedule's
  /// first delay (PowerMTA's `retry-after` / `backoff-retry-after`). Open connections keep sending. A 421
  /// to a message is not such a failure: only that message is deferred (seed 003).
  void hold_after_connection_failure(const PatternRule* rule, Duration now);
  /// When a deferred message is tried next: the rule's retry-after, else backoff's, else the schedule's.
  Duration next_retry(const PatternRule* rule, int failed_attempts, Duration first_attempt, Duration now);

  const DestinationPolicy& policy() const { return *policy_; }
  Duration bounce_after() const { return policy_->bounce_after; }
  bool in_backoff(Duration now) const { return now < backoff_until_; }
  /// The connection limit in force: max-smtp-out, lowered by a pattern rule and by the adaptive factor.
  int connection_limit(Duration now);

 private:
  Rate message_rate(Duration now);
  std::optional<std::int64_t> cap_left(Duration now) const;  ///< warm-up allowance left now
  Duration next_cap_reset(Duration now) const;

  const DestinationPolicy* policy_;
  bool warming_;
  RandomEngine engine_;
  ReadyQueue ready_;
  int open_connections_ = 0;
  int busy_connections_ = 0;  ///< open connections in a transaction
  TokenBucket message_bucket_;
  Rate message_bucket_rate_{};
  TokenBucket connection_bucket_;
  AdaptiveController adaptive_;
  Duration suspended_until_{0};
  Duration reconnect_at_{0};
  Duration backoff_until_{0};
  Duration lowered_until_{0};
  int lowered_max_smtp_out_ = 0;
  std::int64_t cap_day_ = -1, sent_today_ = 0;
  std::int64_t cap_hour_ = -1, sent_this_hour_ = 0;
};

}  // namespace delivsim
