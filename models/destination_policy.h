#pragma once
/// @file The sender's shaping policy for one provider, in PowerMTA's terms: what a `<domain>` block sets.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "models/adaptive_controller.h"
#include "models/reply_pattern.h"
#include "models/retry_schedule.h"
#include "models/units.h"
#include "models/warmup_schedule.h"

namespace delivsim {

/// The longest idle_timeout a scenario takes (and an importer writes): delivsim's receivers keep an idle
/// connection however long it waits, and a real one drops it after its own timeout (RFC 5321 4.5.3.2.7: at
/// least 5 minutes).
inline constexpr Duration kMaxIdleTimeout = std::chrono::hours(1);

/// `sender.mta`: whose documented queue semantics the sender follows (docs/model.md 4.6).
enum class SenderMta : std::uint8_t {
  PowerMta,  ///< PowerMTA: queue-wide retry mode after a connection failure, pattern backoff (the default)
  Postfix,   ///< Postfix: per-message backoff at queue runs, slow start, dead destinations
  KumoMta,  ///< KumoMTA: per-message doubling retry, a bounded ready queue, retry until N refused connections
};

/// Postfix's scheduler settings for one destination (postconf(5) names in the comments); used only when
/// the policy's mta is Postfix.
struct PostfixScheduling {
  Duration queue_run_delay = std::chrono::seconds(300);  ///< queue_run_delay: deferred-queue scan interval
  int initial_concurrency = 5;                           ///< initial_destination_concurrency
  /// destination_concurrency_failed_cohort_limit: pseudo-cohorts of connection failures before the
  /// destination is dead; 0: never dead.
  int failed_cohort_limit = 1;
  /// destination_rate_delay: the pause between deliveries to the destination; 0: none. Non-zero forces
  /// concurrency 1.
  Duration rate_delay{0};

  friend bool operator==(const PostfixScheduling&, const PostfixScheduling&) = default;
};

/// KumoMTA's ready-queue settings for one destination (kumo.make_egress_path names); used only when the
/// policy's mta is KumoMta (docs/model.md 4.7).
struct KumoScheduling {
  /// max_ready: messages the ready queue holds; more wait outside it and get in, in no particular order, as
  /// it drains.
  int max_ready = 1024;
  /// consecutive_connection_failures_before_delay: refused connections in a row after which every ready
  /// message is deferred (each by its own retry schedule).
  int connection_failures_before_delay = 100;

  friend bool operator==(const KumoScheduling&, const KumoScheduling&) = default;
};

/// `sender.destinations.<provider>` (or `sender.defaults`): the MTA's domain block for one provider, in
/// PowerMTA's terms (and, with mta Postfix, Postfix's scheduler settings).
struct DestinationPolicy {
  SenderMta mta = SenderMta::PowerMta;  ///< `sender.mta`, the same for every destination
  int max_smtp_out = 20;           ///< PowerMTA default: concurrent connections per queue (IP x provider)
  int max_msg_per_connection = 0;  ///< 0: no limit (PowerMTA default)
  Rate max_msg_rate{};             ///< 0: unlimited (PowerMTA default)
  Rate max_conn_rate{};            ///< new connections per unit time; 0: unlimited
  /// How long a connection that finds nothing ready stays open for new mail before it closes (PowerMTA's
  /// connection-idle-timeout, default 0; KumoMTA's idle_timeout); 0: it closes at once.
  Duration idle_timeout{0};
  RetrySchedule retry;                              ///< default fixed 10m (PowerMTA)
  Duration bounce_after = std::chrono::hours(108);  ///< queue lifetime; PowerMTA default 4d12h
  std::vector<PatternRule> patterns;                ///< smtp-pattern-list, first match wins
  struct Backoff {
    Rate max_msg_rate = Rate::per_hour(100);
    Duration retry_after = std::chrono::hours(1);  ///< PowerMTA backoff-retry-after default 1h
    Duration to_normal_after = std::chrono::hours(1);
    /// backoff-max-smtp-out: at most this many connections in backoff mode (a cap on max_smtp_out); 0: no
    /// cap (delivsim's default; PowerMTA's is 20, which an import writes).
    int max_smtp_out = 0;
    bool to_normal_after_delivery = false;  ///< backoff-to-normal-after-delivery: a delivery ends backoff
  } backoff;
  AdaptiveParams adaptive;
  WarmupSchedule warmup;  ///< daily cap per IP for this provider
  /// The pool whose IPs carry this provider's mail instead of each traffic source's own pool (Postfix's
  /// transport_maps picking a transport with its own smtp_bind_address); empty: the traffic's pool.
  std::string pool;
  /// PowerMTA's max-cold-virtual-mta-msg: of the mail a warm IP with a cold IP (sender.cold_ips) would
  /// carry to this provider, the first this many messages a day per recipient domain leave through the cold
  /// IP instead; 0: none.
  int cold_msg_per_day = 0;
  PostfixScheduling postfix;
  KumoScheduling kumo;
};

/// The policy a Postfix sender starts from: Postfix's defaults (mail_params.h) where PowerMTA's differ:
/// backoff 300s..4000s (minimal/maximal_backoff_time, as retry exponential initial/max), a 5-day lifetime
/// (maximal_queue_lifetime), 20 connections (default_destination_concurrency_limit).
DestinationPolicy postfix_destination_defaults();

/// The policy a KumoMTA sender starts from: KumoMTA's defaults where PowerMTA's differ: retry_interval 20
/// minutes doubling with no maximum (retry exponential 20m..7d), max_age 7 days, connection_limit 32,
/// max_deliveries_per_connection 1024 (kumo.make_queue_config, kumo.make_egress_path).
DestinationPolicy kumomta_destination_defaults();

}  // namespace delivsim
