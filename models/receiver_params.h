#pragma once
/// @file Every number of the mailbox-provider model, with its default. Fields marked "published" come from
/// docs/domain-facts (the source is in the comment); all others are delivsim's assumptions, exposed so a
/// scenario can change them (`providers.<name>.params.<field>`).
#include <cstdint>
#include <string_view>

#include "models/delay_distribution.h"
#include "models/recipient_limiter.h"
#include "models/units.h"

namespace delivsim {

struct ReceiverParams {
  // --- Reputation score and tiers -------------------------------------------------------------------
  double tier_high_min = 0.80;        ///< score >= this is HIGH
  double tier_medium_min = 0.55;      ///< score >= this is MEDIUM
  double tier_low_min = 0.30;         ///< score >= this is LOW; below is BAD
  double new_identity_score = 0.60;   ///< score of an identity with no history
  double warm_identity_score = 0.85;  ///< score of an identity with an established history
  double weight_ip = 0.4;             ///< weight of the IP's score in the combined score that sets placement
  double weight_dkim = 0.4;           ///< weight of the DKIM domain's score
  double weight_spf = 0.2;            ///< weight of the SPF domain's score
  Duration reputation_update_interval = std::chrono::hours(1);  ///< how often scores move
  double score_fall_per_day = 0.85;  ///< share of the gap to a lower target closed per day
  double score_rise_per_day = 0.08;  ///< share of the gap to a higher target closed per day (slow recovery)
  Duration signal_memory = std::chrono::hours(24);  ///< time constant of the decayed signal counters
  /// spam-rate memory: time constant of the decayed complaints and inbox deliveries of reporting days
  Duration reputation_memory = std::chrono::hours(24 * 30);
  /// sliding window of the recent volume (volume spike) and of activity (an idle identity's score holds)
  Duration recent_volume_window = std::chrono::hours(24);
  /// after this long with no mail the identity drifts back toward no history (new_identity_score)
  Duration idle_reset_after = std::chrono::hours(24 * 30);

  // --- Spam (complaint) rate: published, Google sender guidelines -----------------------------------
  double spam_rate_good = 0.001;         ///< published: keep below 0.10%
  double spam_rate_bad = 0.003;          ///< published: never reach 0.30%
  int mitigation_clean_days = 7;         ///< published: days below spam_rate_bad before mitigation again
  double spam_rate_min_inbox = 1000;     ///< a day with fewer inbox deliveries reports no spam rate
  double spam_penalty_at_bad = 0.30;     ///< target reduction at spam_rate_bad (linear from spam_rate_good)
  double spam_penalty_above_bad = 0.55;  ///< target reduction above spam_rate_bad
  double mitigation_score_cap = 0.45;    ///< score cap while ineligible for mitigation (inside LOW)

  // --- Other reputation signals ----------------------------------------------------------------------
  double trap_hit_penalty = 0.05;           ///< target reduction per decayed spam-trap hit
  double trap_penalty_max = 0.50;           ///< cap on the spam-trap reduction
  double unknown_user_tolerance = 0.02;     ///< unknown-user share that costs nothing
  double unknown_user_penalty_slope = 3.0;  ///< target reduction per unit of share above the tolerance
  double engagement_bonus_max =
      0.10;  ///< target cut for an unengaged list, shrinking to 0 at full engagement
  double engagement_open_reference = 0.20;  ///< engaged share (opens + not-spam marks) giving the full bonus
  double not_spam_weight = 5.0;             ///< a "not spam" mark counts as this many opens
  double missing_spf_penalty = 0.10;        ///< target reduction, weighted by the share of mail failing SPF
  double missing_dkim_penalty = 0.20;       ///< target reduction, weighted by the share of mail failing DKIM
  double missing_dmarc_penalty = 0.05;      ///< target reduction, weighted by the share with no DMARC
  double volume_spike_ratio = 2.0;          ///< published (Google FAQ): suddenly doubling volume hurts
  double volume_spike_penalty = 0.15;  ///< target reduction at volume_spike_ratio, and per further doubling
  double volume_spike_penalty_max = 0.45;  ///< cap on the volume-spike reduction
  double hammer_tolerance_per_hour = 50;   ///< decayed deferrals per hour that cost nothing
  double hammer_ratio_saturation = 5.0;    ///< deferred retries per accepted message giving the full penalty
  double hammer_penalty = 0.45;            ///< target reduction at full hammering

  // --- Quota (421 4.7.28) -----------------------------------------------------------------------------
  bool quota_enabled = true;         ///< enforce the per-identity quota (421 4.7.28)
  double quota_floor_high = 10000;   ///< messages/day any HIGH identity may send, whatever its baseline
  double quota_floor_medium = 2000;  ///< messages/day floor at MEDIUM
  double quota_floor_low = 500;      ///< messages/day floor at LOW
  double quota_floor_bad = 100;      ///< messages/day floor at BAD
  double quota_growth_high = 3.0;    ///< quota = max(floor, baseline * growth) per tier
  double quota_growth_medium = 2.0;  ///< baseline multiplier at MEDIUM
  double quota_growth_low = 1.0;     ///< baseline multiplier at LOW
  double quota_growth_bad = 0.5;     ///< baseline multiplier at BAD
  int baseline_window_days = 7;      ///< baseline = largest daily accepted volume over these days
  Duration quota_burst = std::chrono::hours(1);  ///< bucket capacity = quota rate * quota_burst

  // --- Connections and hard blocks (421 4.7.0, 550 5.7.1) ---------------------------------------------
  int max_connections_per_ip = 10;        ///< concurrent connections per IP before 421 4.7.0
  double high_tier_defer_share = 0.005;   ///< share of messages answered 421 4.7.0 at the bottom of HIGH
  double medium_tier_defer_share = 0.02;  ///< 421 4.7.0 share at the bottom of MEDIUM
  double low_tier_defer_share = 0.25;     ///< 421 4.7.0 share at the bottom of LOW
  double bad_tier_defer_share = 0.70;     ///< share of messages answered 421 4.7.0 at BAD
  double block_deferrals_per_hour = 300;  ///< seed 004: at LOW or BAD, hammering past this hardens into 5.7.1
  Duration block_duration = std::chrono::hours(12);  ///< how long a 550 5.7.1 block lasts
  /// the block rule also blocks a DKIM or SPF domain, not only an IP (Gmail's 550 5.7.1 names "the sending
  /// domain" too)
  bool block_domains = true;
  /// simultaneous connections from all the sender's IPs before the connection reply; 0: no such cap
  int max_connections_per_sender = 0;
  /// messages one connection may carry before the receiver ends it (ReplyKind::ConnectionMessageLimit); 0:
  /// none
  int max_messages_per_connection = 0;
  /// at that limit, close the connection without a reply instead of answering with the limit's reply
  bool close_silently_at_message_limit = false;
  /// decayed spam-trap hits (signal_memory) of an IP that put it on a DNS block list (ReplyKind::Blocklisted,
  /// refused at the greeting); 0: never listed
  double blocklist_trap_hits = 5;
  Duration blocklist_duration = std::chrono::hours(48);  ///< how long a block list keeps an IP listed

  // --- Greylisting (a generic-profile option; figures: Postgrey's defaults, `postgrey --help`) ------------
  bool greylist_enabled =
      false;  ///< defer a (client /24, sender, recipient) triplet's first contact (450 4.2.0)
  Duration greylist_delay =
      std::chrono::seconds(300);  ///< published (Postgrey --delay): first contact to pass
  /// published (Postgrey --retry-window, 2 days): a first retry later than this is a new first contact
  Duration greylist_retry_window = std::chrono::hours(48);
  /// published (Postgrey --max-age, 35 days): a triplet unseen this long is forgotten
  Duration greylist_max_age = std::chrono::hours(24 * 35);
  /// published (Postgrey --auto-whitelist-clients, 5): passes that whitelist a client /24; 0: never
  int greylist_auto_whitelist_after = 5;

  // --- Recipients and placement -------------------------------------------------------------------------
  RecipientLimits recipient_limits{};  ///< published (Gmail per-user limits)
  double inbox_share_high = 0.98;      ///< share of accepted mail placed in the inbox at the bottom of HIGH
  double inbox_share_medium = 0.90;    ///< inbox share at the bottom of MEDIUM
  double inbox_share_low = 0.60;       ///< inbox share at the bottom of LOW
  double inbox_share_bad = 0.20;       ///< inbox share at BAD
  /// delay from inbox placement to the complaint (lognormal, median 4 h)
  DelayDistribution complaint_delay{DelayDistribution::Kind::Lognormal, std::chrono::hours(4), 1.0};
  bool reject_unknown_users = true;  ///< 550 5.1.1 for addresses that do not exist

  // --- Faults and authentication ---------------------------------------------------------------------
  double transient_fault_share = 0.001;  ///< share of messages answered 421 4.3.0
  bool auth_enforced = true;  ///< enforce Google's authentication requirements (4.7.26-4.7.40, 5.7.26-5.7.40)
  double bulk_sender_per_day =
      5000;  ///< published (Google FAQ): a domain's messages/24 h making it a bulk sender
  double auth_defer_share = 0.5;  ///< share of mail failing a requirement deferred (421) before rejection
  /// time failing a requirement before 5.7.x rejections; 0: rejected from the first failing message
  Duration auth_reject_after = std::chrono::days(3);

  // --- Monitoring (seed 003 alert levels for Gmail) ---------------------------------------------------
  double alert_unusual_share = 0.05;  ///< published (seed 003): hourly deferral share above this is unusual
  double alert_act_share = 0.15;      ///< published (seed 003): above this, act now
  int alert_min_attempts = 20;        ///< hours with fewer attempts raise no alert

  // --- SMTP timing ---------------------------------------------------------------------------------------
  /// TCP + TLS + EHLO time to open a connection (lognormal, median 200 ms)
  DelayDistribution connect_time{DelayDistribution::Kind::Lognormal, Duration(200), 0.5};
  /// MAIL FROM to the reply at end of DATA for one message, the body sent (lognormal, median 300 ms)
  DelayDistribution message_time{DelayDistribution::Kind::Lognormal, Duration(300), 0.5};
  /// MAIL FROM to a reply at MAIL FROM or RCPT TO: the envelope's round trip, no body sent (MAIL FROM and
  /// RCPT TO pipelined, RFC 2920) (lognormal, median 100 ms)
  DelayDistribution command_time{DelayDistribution::Kind::Lognormal, Duration(100), 0.5};

  /// The Gmail profile (these defaults).
  static ReceiverParams gmail() { return {}; }
  /// The Microsoft (Outlook.com) profile: Gmail's assumptions, Microsoft's published figures (500
  /// connections, 5,000/day, rejection from the start, seed 003's alert levels); flags and sources in
  /// ProviderProfile::param_flags (models/profiles/*.cpp).
  static ReceiverParams microsoft();
  /// A provider that accepts everything but unknown users: no quota, no reputation throttling, no faults.
  static ReceiverParams generic();
  /// Yahoo / AOL: Gmail's model with Yahoo's published figures and assumptions (docs/model.md 1.1, "Yahoo /
  /// AOL"; the profile's param_flags say which is which).
  static ReceiverParams yahoo();
};

/// What a parameter is, for parsers, docs and GUI forms.
struct ParamInfo {
  std::string_view name;  ///< snake_case key as written in scenarios
  std::string_view doc;   ///< one line, with the unit
  bool published;         ///< true: a published figure (domain-facts); false: delivsim's assumption
  /// An assumption's plausible range, as values a scenario may write (`2000`, `6h`, `false`): the ends the
  /// validation suite tries each lesson at (tests/validation, docs/validation.md). Empty for published
  /// figures and for on/off switches (`quota_enabled`, `reject_unknown_users`, `auth_enforced`).
  std::string_view low = {};
  std::string_view high = {};
  /// 0 is a value a scenario may write and turns the mechanism off ("0: none"); other whole numbers and
  /// durations must be > 0.
  bool zero_means_none = false;
};

/// Calls `visit(info, field)` for every field of `params`, in declaration order. `field` is a reference to
/// double, int, bool, Duration, DelayDistribution or RecipientLimits (const when Params is const).
template <class Params, class Visitor>
void visit_receiver_params(Params& params, Visitor&& visit);

}  // namespace delivsim

#include "models/receiver_params_visit.h"
