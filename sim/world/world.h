#pragma once
/// @file The world: builds agents from a scenario and turns model decisions into kernel events. Sender side:
/// traffic sources inject messages into MTA queues, queues open connections and send; receiver side: each
/// provider's Receiver answers. The Recorder watches everything.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/mta_queue.h"
#include "models/receiver.h"
#include "models/reply_pattern.h"
#include "models/smtp_step_cost.h"
#include "sim/kernel/rng_streams.h"
#include "sim/kernel/simulator.h"
#include "sim/scenario/scenario.h"
#include "sim/world/message.h"
#include "sim/world/message_table.h"
#include "sim/world/recorder.h"
#include "sim/world/run.h"
#include "sim/world/suppression_list.h"
#include "sim/world/traffic_source.h"

namespace delivsim {

class World {
 public:
  World(const Scenario& scenario, const RunOptions& options);
  /// Runs to the scenario's end and returns the result (checks conservation).
  RunResult run();

 private:
  struct Connection {
    std::uint32_t queue = 0;
    std::uint32_t sent = 0;
    bool counted_by_receiver = false;  ///< the receiver accepted it, so it must be told when it closes
    Duration idle_until{0};            ///< while idle: when it closes unless woken first
  };
  /// Which pattern rule (if any) and which reply text a (reply, named identity) pair gives, per provider.
  struct ReplyLookup {
    std::optional<std::size_t> rule;
    std::uint32_t text = 0;  ///< index into RunResult::reply_texts
  };
  /// A queue's one pending event for the earliest time asked of it (arm_earliest). `at` is -1 when none is
  /// pending (its event has run): it answers "is one pending, and when" without a look into the kernel's
  /// slots, a cache miss at every pump of a large run.
  struct EarliestEvent {
    kernel::TimerHandle handle;
    Duration at{-1};
  };
  /// A queue's sending IP and provider, and its pending wake-up, expiry and idle-sweep events.
  struct QueueInfo {
    std::uint16_t ip = 0;
    std::uint16_t provider = 0;
    EarliestEvent wake{};
    EarliestEvent expiry{};
    /// The queue's last reply and its lookup (queue_reply's one-entry cache; nullptr before the first).
    ReplyKind last_reply = ReplyKind::Accepted;
    std::uint32_t last_reply_named = 0;
    const ReplyLookup* last_reply_lookup = nullptr;
    /// Connections waiting, idle, for mail (DestinationPolicy::idle_timeout), in the order they went idle,
    /// so the first closes first; the pump wakes the last.
    std::vector<std::uint32_t> idle_connections{};
    /// The event that closes the idle connections whose time is up: one per queue rather than a timer per
    /// idle period to cancel at each wake-up.
    EarliestEvent idle_sweep{};
  };

  void build_identities();
  /// Receiver identity indices: IPs first, then every domain as DKIM identity, then as SPF identity.
  std::uint32_t dkim_identity(std::size_t domain) const;
  std::uint32_t spf_identity(std::size_t domain) const;
  const std::string& identity_name(std::uint32_t identity) const;
  void build_queues();
  void schedule_injection(std::uint32_t traffic, Duration tick);
  void inject_tick(std::uint32_t traffic, Duration tick);
  /// A message joins its queue's ready messages at its injection time.
  void arrive(std::uint32_t message);
  /// The IP a message to `domain` (hosted by `provider`) arriving at `arrival` leaves through when the pool
  /// picked `ip`: ip's cold IP while the provider's cold_msg_per_day for that day and domain lasts
  /// (PowerMTA's max-cold-virtual-mta-msg), else `ip`.
  std::uint16_t cold_or_warm_ip(std::uint16_t ip, std::uint16_t provider, std::uint16_t domain,
                                Duration arrival);

  void pump(std::uint32_t queue);
  /// Makes `handler(*this, queue)` run at `at` as `queue`'s `event`, unless that event is pending no later
  /// (a later one is cancelled); the event is marked as run before the handler is called.
  template <class Handler>
  void arm_earliest(std::uint32_t queue, EarliestEvent QueueInfo::*event, Duration at, Handler handler);
  void wake_queue_at(std::uint32_t queue, Duration at);
  void arm_expiry(std::uint32_t queue);
  void expire_ready(std::uint32_t queue);
  void open_connection(std::uint32_t queue);
  void on_connected(std::uint32_t connection);
  void send_next(std::uint32_t connection);
  /// The receiver's `verdict` on `message`, decided as its transaction started, reaches the sender.
  void on_reply(std::uint32_t connection, std::uint32_t message, const Verdict& verdict);
  void close_connection(std::uint32_t connection);
  /// The connection finds nothing ready: it waits for mail until the queue's idle_timeout, then closes.
  void idle(std::uint32_t connection);
  /// The queue's most recently idled connection takes the ready mail.
  void wake_idle_connection(std::uint32_t queue);
  /// Makes sure an event closes the queue's first idle connection at its time.
  void arm_idle_sweep(std::uint32_t queue);
  /// Closes the queue's idle connections whose time is up and arms the sweep for the next.
  void close_idle_connections(std::uint32_t queue);

  /// Handles a reply for `message` on `queue`: delivered, bounced or deferred (retry or expiry), and the
  /// queue's reaction to it (MtaQueue::record_reply).
  void settle(std::uint32_t queue, std::uint32_t message, const Verdict& verdict);
  void defer(std::uint32_t queue, std::uint32_t message, const PatternRule* rule);
  /// Defers every ready message of `queue`, each by its own retry schedule: KumoMTA after
  /// consecutive_connection_failures_before_delay refused connections. KumoMTA logs these as its own 451
  /// 4.4.1; they reach no receiver, so they are no attempt and no accounting record here.
  void defer_ready(std::uint32_t queue);
  /// `message`, in `queue`'s care, has reached its lifetime: bounced as expired.
  void expire(std::uint32_t queue, std::uint32_t message);
  /// The reply's one-line text and matching pattern rule, for a message sent from IP index `ip`.
  const ReplyLookup& lookup_reply(std::uint16_t provider, ReplyKind reply, std::uint32_t named_identity,
                                  std::uint16_t ip);
  /// lookup_reply for a reply to `queue`'s IP. Most replies repeat the queue's previous one (an acceptance
  /// naming its IP), so the queue remembers its last lookup instead of hashing each time.
  const ReplyLookup& queue_reply(std::uint32_t queue, ReplyKind reply, std::uint32_t named_identity);
  void account(char type, std::uint32_t message, ReplyKind reply, std::uint32_t reply_text);
  InboundMessage inbound(const Message& message) const;
  MessageIdentities identities_of(const Message& message) const;

  void schedule_periodic();
  RunResult finish();

  const Scenario& scenario_;
  RunOptions options_;
  bool accounting_;
  Duration end_;
  kernel::Simulator sim_;
  kernel::RngStreams rng_;

  std::vector<std::unique_ptr<Receiver>> receivers_;  ///< per provider
  /// Per queue: the receiver's draws (timing, faults, placement, complaints) for mail from that IP, so
  /// that traffic on one IP does not shift the draws another IP sees.
  std::vector<RandomEngine> receiver_engines_;
  std::vector<SmtpTimes> smtp_times_;                                          ///< per provider
  std::vector<PatternMatcher> matchers_;                                       ///< per provider
  std::vector<const DestinationPolicy*> policies_;                             ///< per provider
  std::vector<std::unordered_map<std::uint64_t, ReplyLookup>> reply_lookups_;  ///< per provider
  /// Per provider and reply kind: whether its text quotes the sending IP (ReplyInfo::quotes_sending_ip,
  /// which searches the texts, asked once here instead of every attempt).
  std::vector<std::array<bool, kReplyKindCount>> reply_quotes_ip_;

  std::vector<TrafficSource> sources_;
  std::vector<SuppressionList> suppressions_;  ///< per traffic
  std::vector<std::uint32_t> traffic_ip_cursor_;
  /// Per provider: ip indices of the pool its destination policy routes it through; empty: not routed.
  std::vector<std::vector<std::uint16_t>> routed_ips_;
  std::vector<std::uint32_t> routed_ip_cursor_;  ///< per provider, round-robin over routed_ips_
  static constexpr std::int32_t kNoColdIp = -1;
  std::vector<std::int32_t> cold_ip_;  ///< per ip: its cold IP's index (sender.cold_ips), or kNoColdIp
  struct ColdCount {
    std::int64_t day = -1;  ///< the simulated day `sent` counts
    std::int64_t sent = 0;  ///< messages routed to the cold IP that day
  };
  std::unordered_map<std::uint64_t, ColdCount> cold_counts_;  ///< per (warm ip << 32 | recipient domain)
  std::vector<std::vector<std::uint16_t>> traffic_domain_;  ///< per traffic: mix entry -> world domain index
  std::vector<std::uint16_t> domain_provider_;              ///< world domain index -> provider
  std::vector<std::uint32_t> traffic_recipient_offset_;     ///< per traffic, into the recipient index space
  std::vector<std::vector<std::uint16_t>> pool_ips_;        ///< per traffic: ip indices of its pool
  std::vector<std::uint32_t> traffic_dkim_, traffic_spf_;   ///< domain index per traffic
  std::vector<bool> injections_pending_;                    ///< per traffic
  /// Per traffic: draws each stream message's arrival time within its tick (its own stream, so that the
  /// traffic source's draws stay as they were).
  std::vector<RandomEngine> arrival_engines_;
  std::vector<DrawnRecipient> drawn_;

  MessageTable messages_;
  std::vector<MtaQueue> queues_;
  std::vector<QueueInfo> queue_info_;
  std::vector<Connection> connections_;
  std::vector<std::uint32_t> free_connections_;

  std::unique_ptr<Recorder> recorder_;
};

}  // namespace delivsim
