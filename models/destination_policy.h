#pragma once
/// @file The sender's shaping policy for one provider, in PowerMTA's terms: what a `<domain>` block sets.
#include <chrono>
#include <string>
#include <vector>

#include "models/adaptive_controller.h"
#include "models/reply_pattern.h"
#include "models/retry_schedule.h"
#include "models/units.h"
#include "models/warmup_schedule.h"

namespace delivsim {

/// `sender.destinations.<provider>` (or `sender.defaults`): the MTA's domain block for one provider, in
/// PowerMTA's terms.
struct DestinationPolicy {
  int max_smtp_out = 20;           ///< PowerMTA default: concurrent connections per queue (IP x provider)
  int max_msg_per_connection = 0;  ///< 0: no limit (PowerMTA default)
  Rate max_msg_rate{};             ///< 0: unlimited (PowerMTA default)
  Rate max_conn_rate{};            ///< new connections per unit time; 0: unlimited
  RetrySchedule retry;             ///< default fixed 10m (PowerMTA)
  Duration bounce_after = std::chrono::hours(108);  ///< queue lifetime; PowerMTA default 4d12h
  std::vector<PatternRule> patterns;                ///< smtp-pattern-list, first match wins
  struct Backoff {
    Rate max_msg_rate = Rate::per_hour(100);
    Duration retry_after = std::chrono::hours(1);  ///< PowerMTA backoff-retry-after default 1h
    Duration to_normal_after = std::chrono::hours(1);
  } backoff;
  AdaptiveParams adaptive;
  WarmupSchedule warmup;  ///< daily cap per IP for this provider
  /// The pool whose IPs carry this provider's mail instead of each traffic source's own pool (Postfix's
  /// transport_maps picking a transport with its own smtp_bind_address); empty: the traffic's pool.
  std::string pool;
};

}  // namespace delivsim
