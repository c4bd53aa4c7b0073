#pragma once
/// @file Postfix's queue-manager rules that differ from PowerMTA's (docs/model.md 4.6): when a deferred
/// message is tried again, and the per-destination concurrency window with its slow start, feedback and
/// dead-destination state.
#include "models/destination_policy.h"
#include "models/units.h"

namespace delivsim {

/// When Postfix tries a message deferred at `now` again: after its age (now - injected) clamped to
/// [minimal_backoff, maximal_backoff] (qmgr_active.c; with the age as the wait, the time between attempts
/// doubles), at the first queue run at or after that (queue runs at multiples of `queue_run_delay` from
/// time 0). Saturates at Duration::max().
Duration postfix_next_attempt(Duration injected, Duration now, Duration minimal_backoff,
                              Duration maximal_backoff, Duration queue_run_delay);

/// One destination's concurrency window (SCHEDULER_README, "Concurrency scheduling"; Postfix
/// qmgr_queue.c): it starts at the initial concurrency, grows by 1 per delivery that ends without a
/// connection or handshake failure (positive feedback 1: doubles per pseudo-cohort) up to the limit while
/// it is below the busy connections + the initial concurrency, shrinks by 1 per such failure (negative
/// feedback 1, never below 1), and after `failed_cohort_limit` consecutive pseudo-cohorts of failures (each
/// failure counts 1/window) the destination is dead: no connection until minimal_backoff_time later
/// (qmgr_queue_throttle's unthrottle timer), or until a delivery still in progress ends well, when it
/// restarts at the initial concurrency (at the busy connections if any, after a good delivery).
class PostfixConcurrency {
 public:
  /// @param limit the destination concurrency limit (max_smtp_out); 1 when a rate delay is set.
  PostfixConcurrency(const PostfixScheduling& scheduling, int limit, Duration dead_for);

  /// Connections allowed at `now`: the window, or 0 while the destination is dead.
  int window(Duration now);
  /// When a dead destination comes back (meaningful while window(now) is 0).
  Duration dead_until() const { return dead_until_; }
  /// A delivery ended without a connection or handshake failure (accepted, or any reply to MAIL FROM,
  /// RCPT TO or DATA) while `busy` connections are open: positive feedback; it revives a dead destination.
  void delivery_completed(int busy);
  /// A connection or handshake failure (the greeting refused) at `now`: negative feedback.
  void connection_failed(Duration now);

 private:
  int initial_;
  int limit_;
  int failed_cohort_limit_;
  Duration dead_for_;
  int window_;
  double failed_cohorts_ = 0.0;  ///< pseudo-cohorts of failure since the last good delivery
  bool dead_ = false;
  Duration dead_until_{0};
};

}  // namespace delivsim
