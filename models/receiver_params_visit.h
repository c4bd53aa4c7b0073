#pragma once
/// @file The field list of ReceiverParams for visit_receiver_params (included by receiver_params.h).
/// Keep in the order and with the comments of the struct.

namespace delivsim {

template <class Params, class Visitor>
void visit_receiver_params(Params& p, Visitor&& visit) {
  visit(ParamInfo{"tier_high_min", "score >= this is HIGH", false, "0.75", "0.85"}, p.tier_high_min);
  visit(ParamInfo{"tier_medium_min", "score >= this is MEDIUM", false, "0.5", "0.6"}, p.tier_medium_min);
  visit(ParamInfo{"tier_low_min", "score >= this is LOW; below is BAD", false, "0.25", "0.35"}, p.tier_low_min);
  visit(ParamInfo{"new_identity_score", "score of an identity with no history", false, "0.5", "0.7"}, p.new_identity_score);
  visit(ParamInfo{"warm_identity_score", "score of an identity with an established history", false, "0.8", "0.95"}, p.warm_identity_score);
  visit(ParamInfo{"weight_ip", "weight of the IP's score in the combined score that sets placement", false, "0.2", "0.6"}, p.weight_ip);
  visit(ParamInfo{"weight_dkim", "weight of the DKIM domain's score", false, "0.2", "0.6"}, p.weight_dkim);
  visit(ParamInfo{"weight_spf", "weight of the SPF domain's score", false, "0.1", "0.4"}, p.weight_spf);
  visit(ParamInfo{"reputation_update_interval", "how often scores move", false, "15m", "4h"}, p.reputation_update_interval);
  visit(ParamInfo{"score_fall_per_day", "share of the gap to a lower target closed per day", false, "0.5", "0.95"}, p.score_fall_per_day);
  visit(ParamInfo{"score_rise_per_day", "share of the gap to a higher target closed per day (slow recovery)", false, "0.03", "0.2"}, p.score_rise_per_day);
  visit(ParamInfo{"signal_memory", "time constant of the decayed signal counters", false, "12h", "72h"}, p.signal_memory);
  visit(ParamInfo{"reputation_memory", "spam-rate memory: time constant of the decayed complaints and inbox deliveries of reporting days", false, "14d", "60d"}, p.reputation_memory);
  visit(ParamInfo{"recent_volume_window", "sliding window of the recent volume (volume spike) and of activity (an idle identity's score holds)", false, "12h", "48h"}, p.recent_volume_window);
  visit(ParamInfo{"idle_reset_after", "after this long with no mail the identity drifts back toward no history (new_identity_score)", false, "14d", "60d"}, p.idle_reset_after);
  visit(ParamInfo{"spam_rate_good", "published: keep below 0.10%", true}, p.spam_rate_good);
  visit(ParamInfo{"spam_rate_bad", "published: never reach 0.30%", true}, p.spam_rate_bad);
  visit(ParamInfo{"mitigation_clean_days", "published: days below spam_rate_bad before mitigation again", true}, p.mitigation_clean_days);
  visit(ParamInfo{"spam_rate_min_inbox", "a day with fewer inbox deliveries reports no spam rate", false, "200", "5000"}, p.spam_rate_min_inbox);
  visit(ParamInfo{"spam_penalty_at_bad", "target reduction at spam_rate_bad (linear from spam_rate_good)", false, "0.15", "0.45"}, p.spam_penalty_at_bad);
  visit(ParamInfo{"spam_penalty_above_bad", "target reduction above spam_rate_bad", false, "0.4", "0.7"}, p.spam_penalty_above_bad);
  visit(ParamInfo{"mitigation_score_cap", "score cap while ineligible for mitigation (inside LOW)", false, "0.35", "0.55"}, p.mitigation_score_cap);
  visit(ParamInfo{"trap_hit_penalty", "target reduction per decayed spam-trap hit", false, "0.02", "0.1"}, p.trap_hit_penalty);
  visit(ParamInfo{"trap_penalty_max", "cap on the spam-trap reduction", false, "0.3", "0.7"}, p.trap_penalty_max);
  visit(ParamInfo{"unknown_user_tolerance", "unknown-user share that costs nothing", false, "0.01", "0.05"}, p.unknown_user_tolerance);
  visit(ParamInfo{"unknown_user_penalty_slope", "target reduction per unit of share above the tolerance", false, "1.5", "6"}, p.unknown_user_penalty_slope);
  visit(ParamInfo{"engagement_bonus_max", "target cut for an unengaged list, shrinking to 0 at full engagement", false, "0", "0.2"}, p.engagement_bonus_max);
  visit(ParamInfo{"engagement_open_reference", "engaged share (opens + not-spam marks) giving the full bonus", false, "0.1", "0.4"}, p.engagement_open_reference);
  visit(ParamInfo{"not_spam_weight", "a \"not spam\" mark counts as this many opens", false, "2", "10"}, p.not_spam_weight);
  visit(ParamInfo{"missing_spf_penalty", "target reduction, weighted by the share of mail failing SPF", false, "0.05", "0.2"}, p.missing_spf_penalty);
  visit(ParamInfo{"missing_dkim_penalty", "target reduction, weighted by the share of mail failing DKIM", false, "0.1", "0.3"}, p.missing_dkim_penalty);
  visit(ParamInfo{"missing_dmarc_penalty", "target reduction, weighted by the share with no DMARC", false, "0", "0.1"}, p.missing_dmarc_penalty);
  visit(ParamInfo{"volume_spike_ratio", "published (Google FAQ): suddenly doubling volume hurts", true}, p.volume_spike_ratio);
  visit(ParamInfo{"volume_spike_penalty", "target reduction at volume_spike_ratio, and per further doubling", false, "0.05", "0.3"}, p.volume_spike_penalty);
  visit(ParamInfo{"volume_spike_penalty_max", "cap on the volume-spike reduction", false, "0.3", "0.6"}, p.volume_spike_penalty_max);
  visit(ParamInfo{"hammer_tolerance_per_hour", "decayed deferrals per hour that cost nothing", false, "10", "200"}, p.hammer_tolerance_per_hour);
  visit(ParamInfo{"hammer_ratio_saturation", "deferred retries per accepted message giving the full penalty", false, "2", "10"}, p.hammer_ratio_saturation);
  visit(ParamInfo{"hammer_penalty", "target reduction at full hammering", false, "0", "0.6"}, p.hammer_penalty);
  visit(ParamInfo{"quota_enabled", "enforce the per-identity quota (421 4.7.28)", false}, p.quota_enabled);
  visit(ParamInfo{"quota_floor_high", "messages/day any HIGH identity may send, whatever its baseline", false, "5000", "50000"}, p.quota_floor_high);
  visit(ParamInfo{"quota_floor_medium", "messages/day floor at MEDIUM", false, "1000", "20000"}, p.quota_floor_medium);
  visit(ParamInfo{"quota_floor_low", "messages/day floor at LOW", false, "200", "2000"}, p.quota_floor_low);
  visit(ParamInfo{"quota_floor_bad", "messages/day floor at BAD", false, "20", "500"}, p.quota_floor_bad);
  visit(ParamInfo{"quota_growth_high", "quota = max(floor, baseline * growth) per tier", false, "2", "5"}, p.quota_growth_high);
  visit(ParamInfo{"quota_growth_medium", "baseline multiplier at MEDIUM", false, "1.5", "3"}, p.quota_growth_medium);
  visit(ParamInfo{"quota_growth_low", "baseline multiplier at LOW", false, "0.7", "1.5"}, p.quota_growth_low);
  visit(ParamInfo{"quota_growth_bad", "baseline multiplier at BAD", false, "0.2", "0.8"}, p.quota_growth_bad);
  visit(ParamInfo{"baseline_window_days", "baseline = largest daily accepted volume over these days", false, "3", "30"}, p.baseline_window_days);
  visit(ParamInfo{"quota_burst", "bucket capacity = quota rate * quota_burst", false, "15m", "4h"}, p.quota_burst);
  visit(ParamInfo{"max_connections_per_ip", "concurrent connections per IP before 421 4.7.0", false, "5", "20"}, p.max_connections_per_ip);
  visit(ParamInfo{"high_tier_defer_share", "share of messages answered 421 4.7.0 at the bottom of HIGH", false, "0", "0.02"}, p.high_tier_defer_share);
  visit(ParamInfo{"medium_tier_defer_share", "421 4.7.0 share at the bottom of MEDIUM", false, "0", "0.05"}, p.medium_tier_defer_share);
  visit(ParamInfo{"low_tier_defer_share", "421 4.7.0 share at the bottom of LOW", false, "0.1", "0.5"}, p.low_tier_defer_share);
  visit(ParamInfo{"bad_tier_defer_share", "share of messages answered 421 4.7.0 at BAD", false, "0.5", "0.9"}, p.bad_tier_defer_share);
  visit(ParamInfo{"block_deferrals_per_hour", "seed 004: at LOW or BAD, hammering past this hardens into 5.7.1", false, "100", "1000"}, p.block_deferrals_per_hour);
  visit(ParamInfo{"block_duration", "how long a 550 5.7.1 block lasts", false, "4h", "48h"}, p.block_duration);
  visit(ParamInfo{"block_domains", "the block rule also blocks a DKIM or SPF domain, not only an IP (Gmail's 550 5.7.1 names \"the sending domain\" too)", true}, p.block_domains);
  visit(ParamInfo{.name = "max_connections_per_sender", .doc = "simultaneous connections from all the sender's IPs before the connection reply; 0: no such cap", .published = false, .low = "100", .high = "1000", .zero_means_none = true}, p.max_connections_per_sender);
  visit(ParamInfo{.name = "max_messages_per_connection", .doc = "messages one connection may carry before the receiver ends it; 0: none", .published = false, .low = "10", .high = "100", .zero_means_none = true}, p.max_messages_per_connection);
  visit(ParamInfo{"close_silently_at_message_limit", "at that limit, close the connection without a reply instead of answering with the limit's reply", false}, p.close_silently_at_message_limit);
  visit(ParamInfo{"blocklist_trap_hits", "decayed spam-trap hits (signal_memory) of an IP that put it on a DNS block list (refused at the greeting); 0: never listed", false, "2", "20"}, p.blocklist_trap_hits);
  visit(ParamInfo{"blocklist_duration", "how long a block list keeps an IP listed", false, "12h", "7d"}, p.blocklist_duration);
  visit(ParamInfo{"greylist_enabled", "defer a (client /24, sender, recipient) triplet's first contact (450 4.2.0)", false}, p.greylist_enabled);
  visit(ParamInfo{"greylist_delay", "published (Postgrey --delay): first contact to pass", true}, p.greylist_delay);
  visit(ParamInfo{"greylist_retry_window", "published (Postgrey --retry-window, 2 days): a first retry later than this is a new first contact", true}, p.greylist_retry_window);
  visit(ParamInfo{"greylist_max_age", "published (Postgrey --max-age, 35 days): a triplet unseen this long is forgotten", true}, p.greylist_max_age);
  visit(ParamInfo{.name = "greylist_auto_whitelist_after", .doc = "published (Postgrey --auto-whitelist-clients, 5): passes that whitelist a client /24; 0: never", .published = true, .zero_means_none = true}, p.greylist_auto_whitelist_after);
  visit(ParamInfo{"recipient_limits", "published (Gmail per-user limits)", true}, p.recipient_limits);
  visit(ParamInfo{"inbox_share_high", "share of accepted mail placed in the inbox at the bottom of HIGH", false, "0.95", "0.995"}, p.inbox_share_high);
  visit(ParamInfo{"inbox_share_medium", "inbox share at the bottom of MEDIUM", false, "0.8", "0.95"}, p.inbox_share_medium);
  visit(ParamInfo{"inbox_share_low", "inbox share at the bottom of LOW", false, "0.4", "0.75"}, p.inbox_share_low);
  visit(ParamInfo{"inbox_share_bad", "inbox share at BAD", false, "0.05", "0.4"}, p.inbox_share_bad);
  visit(ParamInfo{"complaint_delay", "delay from inbox placement to the complaint (lognormal, median 4 h)", false, "{kind: lognormal, median: 1h, sigma: 1.0}", "{kind: lognormal, median: 24h, sigma: 1.0}"}, p.complaint_delay);
  visit(ParamInfo{"reject_unknown_users", "550 5.1.1 for addresses that do not exist", false}, p.reject_unknown_users);
  visit(ParamInfo{"transient_fault_share", "share of messages answered 421 4.3.0", false, "0", "0.01"}, p.transient_fault_share);
  visit(ParamInfo{"auth_enforced", "enforce Google's authentication requirements (4.7.26-4.7.40, 5.7.26-5.7.40)", false}, p.auth_enforced);
  visit(ParamInfo{"bulk_sender_per_day", "published (Google FAQ): a domain's messages/24 h making it a bulk sender", true}, p.bulk_sender_per_day);
  visit(ParamInfo{"auth_defer_share", "share of mail failing a requirement deferred (421) before rejection", false, "0.2", "0.9"}, p.auth_defer_share);
  visit(ParamInfo{.name = "auth_reject_after", .doc = "time failing a requirement before 5.7.x rejections; 0: rejected from the first failing message", .published = false, .low = "1d", .high = "30d", .zero_means_none = true}, p.auth_reject_after);
  visit(ParamInfo{"alert_unusual_share", "published (seed 003): hourly deferral share above this is unusual", true}, p.alert_unusual_share);
  visit(ParamInfo{"alert_act_share", "published (seed 003): above this, act now", true}, p.alert_act_share);
  visit(ParamInfo{"alert_min_attempts", "hours with fewer attempts raise no alert", false, "10", "100"}, p.alert_min_attempts);
  visit(ParamInfo{"connect_time", "TCP + TLS + EHLO time to open a connection (lognormal, median 200 ms)", false, "{kind: lognormal, median: 50ms, sigma: 0.5}", "{kind: lognormal, median: 1s, sigma: 0.5}"}, p.connect_time);
  visit(ParamInfo{"message_time", "MAIL FROM to the reply at end of DATA for one message, the body sent (lognormal, median 300 ms)", false, "{kind: lognormal, median: 100ms, sigma: 0.5}", "{kind: lognormal, median: 2s, sigma: 0.5}"}, p.message_time);
  visit(ParamInfo{"command_time", "MAIL FROM to a reply at MAIL FROM or RCPT TO: the envelope's round trip, no body sent (lognormal, median 100 ms)", false, "{kind: lognormal, median: 30ms, sigma: 0.5}", "{kind: lognormal, median: 500ms, sigma: 0.5}"}, p.command_time);
}

}  // namespace delivsim
