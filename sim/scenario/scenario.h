#pragma once
/// @file A scenario as plain structs: what `load_scenario` returns after parsing, validation and defaults.
/// The YAML format is documented in docs/scenario-format.md; each struct below mirrors one YAML mapping and
/// each field one key (same snake_case name unless noted).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/destination_policy.h"
#include "models/provider_profile.h"
#include "models/receiver_params.h"
#include "models/units.h"
#include "sim/scenario/expectation.h"
#include "sim/scenario/replay_log.h"
#include "sim/scenario/world_expectation.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// Whether an identity has a sending history with every provider at the start.
enum class IdentityAge { New, Warm };

/// `identities.ips[]`
struct IpSpec {
  std::string address;  ///< IPv4 or IPv6 literal
  IdentityAge age = IdentityAge::New;
  /// Warm only: the daily volume providers have seen from it lately (its baseline), messages/day.
  double established_per_day = 0.0;
  /// `live_source`: the local address (e.g. 127.0.0.2) an MTA under test binds to send as this IP to
  /// `delivsim serve`; empty: only a client connecting from `address` itself is this IP.
  std::string live_source;
};

/// `identities.domains[]`: a domain used as DKIM d= and/or SPF (return-path) domain.
struct DomainSpec {
  std::string name;
  IdentityAge age = IdentityAge::New;
  double established_per_day = 0.0;  ///< as IpSpec
  bool spf = true;                   ///< SPF passes for mail using it as return-path domain
  bool dkim = true;                  ///< DKIM signatures with d= this domain verify
  bool dmarc = true;                 ///< a DMARC record with a policy is published
  /// the From: domain of mail signed with this domain is aligned with its authenticated SPF or DKIM domain
  bool aligned = true;
};

/// `pools[]`: IPs that traffic can be routed through; messages are spread over them round-robin.
struct PoolSpec {
  std::string name;
  std::vector<std::string> ips;
};

/// `traffic[].list.segments[]`: a share of recipients with its engagement behaviour.
/// Most segments in one list and most traffic entries in a scenario: a message stores its segment in a byte
/// and its traffic entry in 16 bits (sim/world/message.h).
inline constexpr std::size_t kMaxSegments = 255;
inline constexpr std::size_t kMaxTrafficEntries = 65'535;

struct EngagementSegment {
  std::string name;
  double share = 1.0;           ///< of the list's existing, non-trap recipients; shares sum to 1
  double complaint_rate = 0.0;  ///< probability an inbox-placed message draws a complaint
  double open_rate = 0.0;       ///< probability an inbox-placed message is opened
  double not_spam_rate = 0.0;   ///< probability a spam-placed message is marked "not spam"
};

/// The most sends `unengaged_after_sends` may count (the sender keeps one byte per recipient).
inline constexpr int kMaxUnengagedSends = 250;

/// `traffic[].list.suppress`: the recipients the sender stops mailing (its suppression list). A stream only:
/// a campaign mails each recipient once.
struct SuppressionRules {
  bool hard_bounces = false;  ///< a recipient whose mail got 550 5.1.1 (the mailbox does not exist)
  bool complainers = false;   ///< a recipient whose complaint has reached the sender
  /// A recipient this many delivered messages in a row neither opened nor marked "not spam"; 0: never.
  int unengaged_after_sends = 0;
  /// Whether any rule is on (else the sender keeps no per-recipient state).
  bool any() const { return hard_bounces || complainers || unengaged_after_sends > 0; }
};

/// `traffic[].list`. Each recipient of the source has fixed properties (exists or not, spam trap, engagement
/// segment, domain), drawn once from these shares (see docs/model.md, section 4.1).
struct ListQuality {
  double unknown_user_share = 0.0;  ///< addresses that do not exist (550 5.1.1)
  double spam_trap_share = 0.0;     ///< addresses that are spam traps (accepted, counted as trap hits)
  std::vector<EngagementSegment> segments;  ///< default: one segment, complaint 0.05%, open 20%
  SuppressionRules suppress;                ///< default: no suppression
};

enum class TrafficClass { Transactional, Marketing };

/// `traffic[]`: one source of mail. Exactly one of `campaign`, `stream` and `replay` is set.
struct TrafficSpec {
  std::string name;
  TrafficClass traffic_class = TrafficClass::Marketing;  ///< YAML key `class`
  std::string pool;                                      ///< name of a pool
  std::string dkim_domain;                               ///< name of a domain in identities.domains
  std::string spf_domain;                                ///< name of a domain in identities.domains

  struct Campaign {
    std::int64_t recipients = 0;  ///< distinct recipients, each sent one message
    Duration at{0};               ///< when the first message is injected
    Duration over{0};             ///< spread evenly over this span (0: all at `at`)
  };
  struct Stream {
    Rate rate;  ///< mean messages per unit time (Poisson arrivals)
    Duration from{0};
    std::optional<Duration> until;   ///< default: the scenario's end
    double diurnal_amplitude = 0.0;  ///< 0: flat; a: rate * (1 + a*cos(2π(hour-peak)/24)), 0 <= a <= 1
    int diurnal_peak_hour = 14;
    std::int64_t population = 100000;  ///< distinct recipients messages are drawn from (uniformly)
  };
  struct Replay {
    std::string log;  ///< the accounting log's path as written (relative to the scenario's folder)
    Duration at{0};   ///< when the log's first selected message is injected
    /// The log's messages, read at load (shared: a batch's variants and copies do not copy them).
    std::shared_ptr<const ReplayLog> messages;
  };
  std::optional<Campaign> campaign;
  std::optional<Stream> stream;
  std::optional<Replay> replay;

  /// Recipient domains and their shares (sum to 1), in the order written; a replay's are its log's domains
  /// in first-seen order, each with its share of the log's messages.
  std::vector<std::pair<std::string, double>> domain_mix;
  ListQuality list;
  std::int64_t message_size_bytes = 50000;
};

/// `providers.<name>`: a mailbox provider and the recipient domains it hosts.
struct ProviderSpec {
  std::string name;
  /// `profile`: its entry in provider_profiles() (models/provider_profile.h); set by the parser, never null
  /// in a loaded scenario.
  const ProviderProfile* profile = nullptr;
  /// Domains it hosts; "*" catches every domain no other provider names.
  std::vector<std::string> domains;
  ReceiverParams params;  ///< the profile's defaults with the scenario's `params:` overrides applied
  /// The keys its `params:` mapping writes, in the order written: pinned at those values in every robust
  /// world (sim/batch/receiver_worlds.h).
  std::vector<std::string> params_written;
  /// `reply_texts`: one of the profile's reply texts (gmail: "current", whose 4.7.28 names the identity, or
  /// the pre-2024 "legacy" still seen in logs); the profile's first by default. Set with `profile`.
  const NamedReplyTexts* reply_texts = nullptr;
};

/// The whole scenario.
struct Scenario {
  std::string name;         ///< default: the file name without extension
  std::string description;  ///< optional free text
  std::string source_path;  ///< the file it was loaded from (for messages)
  std::uint64_t seed = 1;
  std::string start_date = "2026-01-05T00:00:00Z";  ///< ISO 8601 UTC, for accounting.csv times
  Duration duration = std::chrono::hours(24 * 7);
  Duration timeseries_interval = std::chrono::hours(1);
  bool accounting = false;  ///< write accounting.csv
  /// `replications`: how many replications run, check, compare and sweep run when `--replications` is not
  /// given (>= 1).
  int replications = 1;

  std::vector<IpSpec> ips;
  std::vector<DomainSpec> domains;
  std::vector<PoolSpec> pools;
  std::vector<TrafficSpec> traffic;
  std::vector<ProviderSpec> providers;  ///< default: gmail (gmail.com, googlemail.com) and other ("*")
  DestinationPolicy sender_defaults;
  /// Per provider name; providers with no entry use sender_defaults. Entries start from sender_defaults.
  std::vector<std::pair<std::string, DestinationPolicy>> destinations;
  /// `sender.cold_ips`: PowerMTA's cold VirtualMTAs, as (warm address, cold address): a message that would
  /// leave through the warm IP leaves through the cold one while the provider's cold_msg_per_day allows.
  std::vector<std::pair<std::string, std::string>> cold_ips;
  /// `expect:` conditions on the run's figures, in the order written (for `delivsim check`).
  std::vector<Expectation> expectations;
  /// The `expect:` entries over receiver worlds (share_of_worlds, wins), in the order written; checked by
  /// `delivsim check` and `delivsim compare --robust`, not by a plain run.
  std::vector<WorldExpectation> world_expectations;
  /// Where the keys that size a run's work are written, by dotted path (see note_work_positions): duration,
  /// timeseries_interval, replications, traffic[i].campaign.recipients, traffic[i].replay.log,
  /// traffic[i].stream.rate and traffic[i].stream.population. A key left at its default points at the mapping
  /// it would be written in.
  std::map<std::string, SourcePosition> work_positions;
  /// What `sender: {import: ...}` could not model, one "<file>:<line>:<column>: warning: ..." line each
  /// (sim/scenario/sender_import.h); the commands print them on stderr.
  std::vector<std::string> import_warnings;

  /// The policy for a provider (its entry, else the defaults).
  const DestinationPolicy& policy_for(const std::string& provider) const;
  /// The provider hosting recipient domain `domain` (lower case): the one listing it, else the one listing
  /// "*", else nullptr.
  const ProviderSpec* provider_for_domain(const std::string& domain) const;
  /// Some traffic's recipient domains give `provider` a share above 0.
  bool sends_mail_to(const ProviderSpec& provider) const;
};

}  // namespace delivsim
