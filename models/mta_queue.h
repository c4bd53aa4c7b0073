#pragma once
/// @file The sender's queue for one (IP, provider) pair, PowerMTA's queue per domain and vMTA: ready
/// messages, connection count, shaping state (rates, warm-up caps, backoff, suspension, pattern overrides)
/// and the decisions that follow from them. No event queue here: the world drives it with times.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "models/adaptive_controller.h"
#include "models/destination_policy.h"
#include "models/kumomta_scheduler.h"
#include "models/postfix_scheduler.h"
#include "models/random.h"
#include "models/ready_queue.h"
#include "models/reply_catalog.h"
#include "models/reply_pattern.h"
#include "models/token_bucket.h"

namespace delivsim {

/// What a queue does with a deferred message: try it again at `at`, or, when that would fall at or after
/// the end of the message's lifetime (bounce_after from its injection), expire it at `at` instead.
struct RetryPlan {
  Duration at{0};
  bool expires = false;
};

/// One queue as a state machine: the world calls a transition when an event happens (a message arrives, a
/// connection opens or closes, a transaction starts, a reply comes) and asks the queries below what to do
/// next; answers that depend on time say when to ask again.
class MtaQueue {
 public:
  /// @param warming whether the queue's IP is new, so the policy's warm-up schedule caps it.
  MtaQueue(const DestinationPolicy& policy, bool warming, RandomEngine engine);

  // --- Ready messages, oldest injection first ---
  /// A message injected at `injected` waits for a connection (new, or back for a retry). With mta KumoMTA a
  /// message that finds max_ready messages ready waits outside the ready queue (KumoOverflow) until one
  /// leaves it.
  void push_ready(std::uint32_t message, Duration injected);
  bool has_ready() const { return !ready_.empty(); }
  /// Id of the oldest ready message: the one pop_ready() takes next unless an older one is pushed first (a
  /// retry, or KumoMTA's overflow). Requires has_ready().
  std::uint32_t next_ready() const { return ready_.oldest(); }
  /// Messages waiting: ready, and (mta KumoMTA) outside a full ready queue.
  std::size_t ready_count() const { return ready_.size() + kumo_overflow_.size(); }
  /// Removes the oldest ready message and returns its id (requires has_ready()); with mta KumoMTA a message
  /// waiting outside a full ready queue takes its place.
  std::uint32_t pop_ready();
  /// Whether the oldest ready message's lifetime (bounce_after from injection) has ended at `now` (false
  /// when none is ready); pop_ready() then takes it. Plain values rather than optionals, as the next one:
  /// asked at every pump and send, and GCC passes a std::optional through the stack with a stall.
  bool oldest_expired(Duration now) const {
    return !ready_.empty() && ready_.oldest_injected() + policy_->bounce_after <= now;
  }
  /// When the oldest ready message's lifetime ends (`now` if it has ended already); requires has_ready().
  Duration next_expiry(Duration now) const {
    return std::max(now, ready_.oldest_injected() + policy_->bounce_after);
  }

  // --- Connections ---
  /// Whether a new connection may open at `now`; if not and the reason will pass by itself, `wake_at` is
  /// set to when to look again.
  bool may_open_connection(Duration now, std::optional<Duration>& wake_at);
  void connection_opened() { ++open_connections_; }
  void connection_closed() { --open_connections_; }
  int open_connections() const { return open_connections_; }
  /// A connection got the reply to the message start_transaction() gave it, and is free again.
  void transaction_ended() { --busy_connections_; }
  /// Open connections that will take the next ready message: those in setup, those waiting for a rate
  /// token and idle ones, not those in a transaction.
  int free_connections() const { return open_connections_ - busy_connections_; }
  /// Whether a ready message has no free connection to take it, so the pump should open one (if allowed).
  bool needs_connection() const { return ready_.size() > static_cast<std::size_t>(free_connections()); }
  /// Whether a connection that has carried `sent` messages and finds nothing ready stays open, idle, for
  /// the policy's idle_timeout instead of closing: the timeout is not 0 and the connection may carry more.
  bool connection_may_idle(std::uint32_t sent) const {
    return policy_->idle_timeout > Duration(0) && ready_.empty() && !carried_its_limit(sent);
  }
  Duration idle_timeout() const { return policy_->idle_timeout; }
  void connection_idled() { ++idle_connections_; }
  /// An idle connection takes mail again, or closes at its timeout.
  void connection_woken() { --idle_connections_; }
  /// Whether a ready message has no free connection to take it but for an idle one, which the pump wakes
  /// (the other free connections take the next ready message by themselves).
  bool needs_idle_connection() const {
    return idle_connections_ > 0 &&
           ready_.size() > static_cast<std::size_t>(free_connections() - idle_connections_);
  }
  /// Whether an open connection that has carried `sent` messages may send another now: false when no
  /// message is ready, when it has carried max-msg-per-connection, when the queue is suspended or when a
  /// warm-up cap is reached (the connection should close); in the last two cases `wake_at` says when sending
  /// may resume.
  bool connection_may_send(std::uint32_t sent, Duration now, std::optional<Duration>& wake_at) const;
  /// Time until the message rate allows the next message (zero if now); takes the token when zero.
  Duration take_send_slot(Duration now);
  /// A free connection takes the oldest ready message (requires has_ready()) and hands it to the provider:
  /// the message counts against the warm-up caps and the connection is busy until transaction_ended().
  /// Returns the message's id.
  std::uint32_t start_transaction(Duration now);

  // --- Replies ---
  /// Records a reply at `now` that answered `step`: its outcome for the adaptive controller (`deferred`: a
  /// transient failure), when the reply matched a pattern rule the rule's queue actions (suspend, lower
  /// max-smtp-out, backoff), and, when the reply answered the greeting (a refused connection, 4xx or 5xx:
  /// the world settles no accepted greeting), a connection-level failure (hold_after_connection_failure). A
  /// transient reply to MAIL FROM, RCPT TO or DATA defers only its message (seed 003; Postfix smtp_trouble.c,
  /// domain-facts-wave2 2.2). With mta Postfix a greeting failure is negative concurrency feedback and any
  /// other reply positive feedback instead of the hold (PostfixConcurrency).
  /// With mta KumoMTA a refused greeting holds nothing; after connection_failures_before_delay of them in a
  /// row the queue asks for its ready messages to be deferred (take_defer_ready_request).
  void record_reply(Duration now, bool deferred, SmtpStep step, const PatternRule* rule);
  /// A message was delivered at `now` (after record_reply): with backoff.to_normal_after_delivery it ends
  /// backoff mode (PowerMTA's backoff-to-normal-after-delivery).
  void record_delivery(Duration now);
  /// Whether the queue asked, since the last call, for every ready message to be deferred (KumoMTA's
  /// consecutive_connection_failures_before_delay); the caller pops them and defers each.
  bool take_defer_ready_request() { return std::exchange(defer_ready_requested_, false); }
  /// What becomes of a message deferred at `now` after `failed_attempts` (>= 1) transient failures, first
  /// tried at `first_attempt` and injected at `injected`: it is tried again at the rule's retry-after, else
  /// backoff's, else the schedule's time, unless its lifetime ends first. With mta Postfix: at
  /// postfix_next_attempt (retry.initial and retry.max as minimal and maximal backoff time). With mta
  /// KumoMTA: at kumomta_next_attempt (neither takes a rule's or backoff's retry-after), and a message whose
  /// next attempt would come after its lifetime expires at once (KumoMTA's "Next delivery time > max_age").
  RetryPlan plan_retry(const PatternRule* rule, int failed_attempts, Duration first_attempt,
                       Duration injected, Duration now);

  /// Whether a backoff rule matched less than backoff.to_normal_after before `now`.
  bool in_backoff(Duration now) const { return now < backoff_until_; }
  /// The connection limit in force: max-smtp-out (at most backoff.max_smtp_out in backoff mode when set),
  /// lowered by a pattern rule and by the adaptive factor;
  /// with mta Postfix also at most the concurrency window (0 while the destination is dead).
  int connection_limit(Duration now);

 private:
  /// After a connection-level failure (the greeting refused with a 421) the queue is in retry mode: it opens
  /// no new connection for its retry interval, the rule's retry-after, else backoff's, else the schedule's
  /// first delay (PowerMTA's `retry-after` / `backoff-retry-after`). Open connections keep sending.
  void hold_after_connection_failure(const PatternRule* rule, Duration now);
  /// Whether a connection that has carried `sent` messages has reached max-msg-per-connection.
  bool carried_its_limit(std::uint32_t sent) const {
    const int per_connection = policy_->max_msg_per_connection;
    return per_connection > 0 && sent >= static_cast<std::uint32_t>(per_connection);
  }
  /// False when suspended or over a warm-up cap; `wake_at` then says when sending may resume.
  bool may_send(Duration now, std::optional<Duration>& wake_at) const;
  Rate message_rate(Duration now);
  std::optional<std::int64_t> cap_left(Duration now) const;  ///< warm-up allowance left now
  /// The warm-up schedule's cap for `day` (daily_cap), remembered for the day: it is asked several times
  /// per message, and a rule's cap is a loop over the days.
  std::optional<std::int64_t> warmup_cap(std::int64_t day) const;
  Duration next_cap_reset(Duration now) const;

  const DestinationPolicy* policy_;
  bool warming_;
  RandomEngine engine_;
  ReadyQueue ready_;
  int open_connections_ = 0;
  int busy_connections_ = 0;  ///< open connections in a transaction
  int idle_connections_ = 0;  ///< open connections waiting, idle, for mail (idle_timeout)
  TokenBucket message_bucket_;
  Rate message_bucket_rate_{};
  TokenBucket connection_bucket_;
  AdaptiveController adaptive_;
  std::optional<PostfixConcurrency> postfix_;  ///< set when the policy's mta is Postfix
  KumoOverflow kumo_overflow_;                 ///< messages beyond max_ready (mta KumoMTA)
  int kumo_connection_failures_ = 0;           ///< refused greetings in a row (mta KumoMTA)
  bool defer_ready_requested_ = false;
  Duration suspended_until_{0};
  Duration reconnect_at_{0};
  Duration backoff_until_{0};
  Duration lowered_until_{0};
  int lowered_max_smtp_out_ = 0;
  std::int64_t cap_day_ = -1, sent_today_ = 0;
  std::int64_t cap_hour_ = -1, sent_this_hour_ = 0;
  mutable std::int64_t warmup_cap_day_ = -1;  ///< the day warmup_cap_ is for (a cache: see warmup_cap)
  mutable std::optional<std::int64_t> warmup_cap_;
};

}  // namespace delivsim
