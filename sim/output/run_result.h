#pragma once
/// @file What one run produces: figures for summary.json, the time series, and accounting records. Plain
/// data; the world fills it, the writers and the GUI read it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/filter_colour.h"
#include "models/reply_catalog.h"
#include "models/tier.h"
#include "models/units.h"
#include "sim/output/provider_thresholds.h"

namespace delivsim {

/// Message counts. Conservation: injected == delivered + bounced + expired + queued_at_end.
struct MessageCounts {
  std::int64_t injected = 0;
  std::int64_t delivered = 0;
  std::int64_t bounced = 0;
  std::int64_t expired = 0;
  std::int64_t queued_at_end = 0;
  std::int64_t attempts = 0;   ///< SMTP transactions answered (every reply counts once)
  std::int64_t deferrals = 0;  ///< attempts answered with a 4xx
  /// Of delivered: placed in the inbox (the receiver's placement, Verdict::inbox); the rest went to the spam
  /// folder.
  std::int64_t delivered_inbox = 0;
  bool conserved() const { return injected == delivered + bounced + expired + queued_at_end; }
  /// deferrals / attempts; 0 when there were no attempts.
  double deferral_rate() const;
  /// delivered / injected; 0 when nothing was injected.
  double delivered_share() const;
  /// Delivered into the spam folder: delivered - delivered_inbox.
  std::int64_t delivered_spam() const { return delivered - delivered_inbox; }
  /// delivered_inbox / delivered; 0 when nothing was delivered.
  double inbox_share() const;
};

/// Delivery latency of delivered messages (injection to delivery), in seconds; all 0 when none was delivered.
struct LatencySummary {
  double mean_s = 0;                       ///< the exact mean: the sum of the latencies over their count
  double p50_s = 0, p95_s = 0, p99_s = 0;  ///< nearest-rank percentiles
  double max_s = 0;
};

/// Everything one run measured for one provider (a mailbox provider such as gmail).
struct ProviderResult {
  std::string name;
  /// The name of the provider's profile (models/provider_profile.h): "gmail", "microsoft", "generic"; empty
  /// for a summary.json written before runs recorded it.
  std::string profile;
  MessageCounts counts;
  std::map<std::string, std::int64_t> deferrals_by_reply;  ///< "421 4.7.28" -> count
  std::map<std::string, std::int64_t> bounces_by_reply;    ///< "550 5.1.1" -> count (expiries not included)
  /// The SMTP step the deferring replies answered ("greeting", "mail_from", "rcpt_to", "end_of_data") ->
  /// count
  std::map<std::string, std::int64_t> deferrals_by_step;
  /// Message bytes the sender transmitted: the body of every transaction answered at end of DATA (accepted or
  /// not); none for a reply at the greeting, MAIL FROM or RCPT TO
  std::int64_t bytes_sent = 0;
  double deferral_rate = 0;    ///< deferrals / attempts (0 when no attempts)
  std::int64_t max_queue = 0;  ///< most messages queued for this provider at any moment
  /// Seconds from the first injection until the provider's queue was last empty with nothing more to
  /// inject; nullopt when it never drained.
  std::optional<double> time_to_drain_s;
  LatencySummary latency;
  /// The provider's tier, spam-rate and alert thresholds, for charts and colours; the Gmail profile's unless
  /// the world fills them from the scenario (or summary.json holds them).
  ProviderThresholds thresholds = ProviderThresholds::gmail();
  /// SNDS-style filter colours (models/filter_colour.h) of its sending IPs' days, summed over the IPs
  /// (IP-days); nullopt when its profile has no colour bands.
  std::optional<FilterColourDays> filter_colours;
};

/// Where one sending identity's reputation with one provider ended up.
struct IdentityResult {
  IdentityKind kind = IdentityKind::Ip;
  std::string id;        ///< the IP or domain
  std::string provider;  ///< reputation is per identity per provider
  Tier final_tier = Tier::Medium;
  double final_score = 0;
  double peak_spam_rate = 0;  ///< highest daily spam rate over complete days
  /// An IP's days by SNDS-style filter colour with its provider (days on which it delivered mail there);
  /// nullopt for a domain, or when the provider's profile has no colour bands.
  std::optional<FilterColourDays> filter_colours;
};

/// Figures per traffic source (e.g. to compare transactional latency on a shared and a dedicated IP).
struct TrafficResult {
  std::string name;
  std::string traffic_class;  ///< "transactional" or "marketing"
  std::int64_t injected = 0;
  std::int64_t delivered = 0;
  std::int64_t delivered_inbox = 0;  ///< as MessageCounts::delivered_inbox
  LatencySummary latency;
  /// Messages not sent because the recipient was on the source's suppression list (never injected, so
  /// outside the conservation count).
  std::int64_t suppressed = 0;
  /// delivered - delivered_inbox: delivered into the spam folder.
  std::int64_t delivered_spam() const { return delivered - delivered_inbox; }
  /// delivered_inbox / delivered; 0 when nothing was delivered.
  double inbox_share() const;
};

/// An hour in which a provider's deferral share crossed seed 003's alert levels.
struct Alert {
  std::string provider;
  double hour_start_s = 0;
  double deferral_share = 0;
  std::string level;  ///< "unusual" (Gmail > 5%) or "act" (Gmail > 15%)
};

/// One column of the time series. Tier columns hold Tier values as numbers and are written as names.
struct SeriesColumn {
  std::string name;
  enum class Kind { Count, Ratio, Tier } kind = Kind::Count;
};

/// Row i covers [i*interval, (i+1)*interval); column 0 is t_s, the interval's start in seconds.
struct Timeseries {
  Duration interval = std::chrono::hours(1);
  std::vector<SeriesColumn> columns;
  std::vector<std::vector<double>> rows;
  /// Index of a column by name, or -1.
  int column_index(const std::string& name) const;
};

/// One PowerMTA-style accounting record (domain-facts section 6). Strings that repeat are indices into
/// RunResult tables to keep a million records small.
struct AccountingRecord {
  char type = 'd';     ///< 'd' delivered, 'b' bounced (also expired), 't' transient failure
  Duration logged{0};  ///< when the outcome happened
  Duration queued{0};  ///< when the message was injected
  std::int64_t message_id = 0;
  std::int64_t recipient = 0;  ///< recipient index within its traffic source
  std::uint16_t traffic = 0;   ///< index into RunResult::traffic_names
  std::uint16_t provider = 0;  ///< index into RunResult::providers
  std::uint16_t ip = 0;        ///< index into RunResult::ip_addresses
  std::uint16_t domain = 0;    ///< index into RunResult::recipient_domains
  std::uint32_t reply = 0;     ///< index into RunResult::reply_texts (one-line reply text)
  ReplyKind reply_kind = ReplyKind::Accepted;
};

/// Every figure of one run: what the writers in sim/output turn into files.
struct RunResult {
  std::string scenario;
  std::uint64_t seed = 0;
  std::string start_date;  ///< ISO 8601 UTC start of simulated time
  Duration simulated{0};   ///< how far the run went
  MessageCounts totals;
  std::vector<ProviderResult> providers;  ///< in scenario order
  std::vector<TrafficResult> traffic;     ///< in scenario order
  std::vector<IdentityResult> identities;
  std::vector<Alert> alerts;
  Timeseries timeseries;
  std::int64_t events_processed = 0;

  // Accounting (empty unless asked for).
  std::vector<AccountingRecord> accounting;
  std::vector<std::string> traffic_names;
  std::vector<std::string> traffic_orig;  ///< envelope sender per traffic, e.g. bounce@spf-domain
  std::vector<std::string> ip_addresses;
  std::vector<std::string> recipient_domains;
  std::vector<std::string> provider_mx;  ///< per provider, the MX host name for dsnMta
  std::vector<std::string> reply_texts;
  std::vector<std::int64_t> traffic_message_size;  ///< per traffic, bytes; accounting.csv's dlvSize
  std::vector<std::string> traffic_pool;           ///< per traffic, its pool name (vmtaPool)
  /// Per provider, the pool its destination policy routes its mail through (vmtaPool of that mail); an empty
  /// name, or no entry at all, means the traffic's pool.
  std::vector<std::string> provider_pool;
};

}  // namespace delivsim
