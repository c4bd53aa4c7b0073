#pragma once
/// @file The field list of ReceiverParams for visit_receiver_params (included by receiver_params.h).
/// Keep in the order and with the comments of the struct.

namespace delivsim {

template <class Params, class Visitor>
void visit_receiver_params(Params& p, Visitor&& visit) {
  visit(ParamInfo{"tier_high_min", "score >= this is HIGH", false}, p.tier_high_min);
  visit(ParamInfo{"tier_medium_min", "score >= this is MEDIUM", false}, p.tier_medium_min);
  visit(ParamInfo{"tier_low_min", "score >= this is LOW; below is BAD", false}, p.tier_low_min);
  visit(ParamInfo{"new_identity_score", "score of an identity with no history", false}, p.new_identity_score);
  visit(ParamInfo{"warm_identity_score", "score of an identity with an established history", false}, p.warm_identity_score);
  visit(ParamInfo{"weight_ip", "weight of the IP's score in the combined score that sets placement", false}, p.weight_ip);
  visit(ParamInfo{"weight_dkim", "weight of the DKIM domain's score", false}, p.weight_dkim);
  visit(ParamInfo{"weight_spf", "weight of the SPF domain's score", false}, p.weight_spf);
  visit(ParamInfo{"reputation_update_interval", "how often scores move", false}, p.reputation_update_interval);
  visit(ParamInfo{"score_fall_per_day", "share of the gap to a lower target closed per day", false}, p.score_fall_per_day);
  visit(ParamInfo{"score_rise_per_day", "share of the gap to a higher target closed per day (slow recovery)", false}, p.score_rise_per_day);
  visit(ParamInfo{"signal_memory", "time constant of the decayed signal counters", false}, p.signal_memory);
  visit(ParamInfo{"spam_rate_good", "published: keep below 0.10%", true}, p.spam_rate_good);
  visit(ParamInfo{"spam_rate_bad", "published: never reach 0.30%", true}, p.spam_rate_bad);
  visit(ParamInfo{"mitigation_clean_days", "published: days below spam_rate_bad before mitigation again", true}, p.mitigation_clean_days);
  visit(ParamInfo{"spam_rate_min_inbox", "a day with fewer inbox deliveries reports no spam rate", false}, p.spam_rate_min_inbox);
  visit(ParamInfo{"spam_penalty_at_bad", "target reduction at spam_rate_bad (linear from spam_rate_good)", false}, p.spam_penalty_at_bad);
  visit(ParamInfo{"spam_penalty_above_bad", "target reduction above spam_rate_bad", false}, p.spam_penalty_above_bad);
  visit(ParamInfo{"mitigation_score_cap", "score cap while ineligible for mitigation (inside LOW)", false}, p.mitigation_score_cap);
  visit(ParamInfo{"trap_hit_penalty", "target reduction per decayed spam-trap hit", false}, p.trap_hit_penalty);
  visit(ParamInfo{"trap_penalty_max", "cap on the spam-trap reduction", false}, p.trap_penalty_max);
  visit(ParamInfo{"unknown_user_tolerance", "unknown-user share that costs nothing", false}, p.unknown_user_tolerance);
  visit(ParamInfo{"unknown_user_penalty_slope", "target reduction per unit of share above the tolerance", false}, p.unknown_user_penalty_slope);
  visit(ParamInfo{"engagement_bonus_max", "target increase at full engagement", false}, p.engagement_bonus_max);
  visit(ParamInfo{"engagement_open_reference", "engaged share (opens + not-spam marks) giving the full bonus", false}, p.engagement_open_reference);
  visit(ParamInfo{"not_spam_weight", "a \"not spam\" mark counts as this many opens", false}, p.not_spam_weight);
  visit(ParamInfo{"missing_spf_penalty", "target reduction, weighted by the share of mail failing SPF", false}, p.missing_spf_penalty);
  visit(ParamInfo{"missing_dkim_penalty", "target reduction, weighted by the share of mail failing DKIM", false}, p.missing_dkim_penalty);
  visit(ParamInfo{"missing_dmarc_penalty", "target reduction, weighted by the share with no DMARC", false}, p.missing_dmarc_penalty);
  visit(ParamInfo{"volume_spike_ratio", "published (Google FAQ): suddenly doubling volume hurts", true}, p.volume_spike_ratio);
  visit(ParamInfo{"volume_spike_penalty", "target reduction per doubling beyond volume_spike_ratio", false}, p.volume_spike_penalty);
  visit(ParamInfo{"volume_spike_penalty_max", "cap on the volume-spike reduction", false}, p.volume_spike_penalty_max);
  visit(ParamInfo{"hammer_tolerance_per_hour", "decayed deferrals per hour that cost nothing", false}, p.hammer_tolerance_per_hour);
  visit(ParamInfo{"hammer_ratio_saturation", "deferred retries per accepted message giving the full penalty", false}, p.hammer_ratio_saturation);
  visit(ParamInfo{"hammer_penalty", "target reduction at full hammering", false}, p.hammer_penalty);
  visit(ParamInfo{"quota_enabled", "enforce the per-identity quota (421 4.7.28)", false}, p.quota_enabled);
  visit(ParamInfo{"quota_floor_high", "messages/day any HIGH identity may send, whatever its baseline", false}, p.quota_floor_high);
  visit(ParamInfo{"quota_floor_medium", "messages/day floor at MEDIUM", false}, p.quota_floor_medium);
  visit(ParamInfo{"quota_floor_low", "messages/day floor at LOW", false}, p.quota_floor_low);
  visit(ParamInfo{"quota_floor_bad", "messages/day floor at BAD", false}, p.quota_floor_bad);
  visit(ParamInfo{"quota_growth_high", "quota = max(floor, baseline * growth) per tier", false}, p.quota_growth_high);
  visit(ParamInfo{"quota_growth_medium", "baseline multiplier at MEDIUM", false}, p.quota_growth_medium);
  visit(ParamInfo{"quota_growth_low", "baseline multiplier at LOW", false}, p.quota_growth_low);
  visit(ParamInfo{"quota_growth_bad", "baseline multiplier at BAD", false}, p.quota_growth_bad);
  visit(ParamInfo{"baseline_window_days", "baseline = largest daily accepted volume over these days", false}, p.baseline_window_days);
  visit(ParamInfo{"quota_burst", "bucket capacity = quota rate * quota_burst", false}, p.quota_burst);
  visit(ParamInfo{"max_connections_per_ip", "concurrent connections per IP before 421 4.7.0", false}, p.max_connections_per_ip);
  visit(ParamInfo{"low_tier_defer_share", "share of messages answered 421 4.7.0 at LOW", false}, p.low_tier_defer_share);
  visit(ParamInfo{"bad_tier_defer_share", "share of messages answered 421 4.7.0 at BAD", false}, p.bad_tier_defer_share);
  visit(ParamInfo{"block_deferrals_per_hour", "seed 004: at BAD, hammering past this hardens into 5.7.1", false}, p.block_deferrals_per_hour);
  visit(ParamInfo{"block_duration", "how long a 550 5.7.1 block lasts", false}, p.block_duration);
  visit(ParamInfo{"recipient_limits", "published (Gmail per-user limits)", true}, p.recipient_limits);
  visit(ParamInfo{"inbox_share_high", "share of accepted mail placed in the inbox, per tier", false}, p.inbox_share_high);
  visit(ParamInfo{"inbox_share_medium", "inbox share at MEDIUM", false}, p.inbox_share_medium);
  visit(ParamInfo{"inbox_share_low", "inbox share at LOW", false}, p.inbox_share_low);
  visit(ParamInfo{"inbox_share_bad", "inbox share at BAD", false}, p.inbox_share_bad);
  visit(ParamInfo{"complaint_delay", "delay from inbox placement to the complaint (lognormal, median 4 h)", false}, p.complaint_delay);
  visit(ParamInfo{"reject_unknown_users", "550 5.1.1 for addresses that do not exist", false}, p.reject_unknown_users);
  visit(ParamInfo{"transient_fault_share", "share of messages answered 421 4.3.0", false}, p.transient_fault_share);
  visit(ParamInfo{"unauthenticated_defer_share", "share of mail with neither SPF nor DKIM deferred 4.7.26", false}, p.unauthenticated_defer_share);
  visit(ParamInfo{"reject_unauthenticated", "bulk-sender rule: 550 5.7.26 instead of deferring", false}, p.reject_unauthenticated);
  visit(ParamInfo{"alert_unusual_share", "published (seed 003): hourly deferral share above this is unusual", true}, p.alert_unusual_share);
  visit(ParamInfo{"alert_act_share", "published (seed 003): above this, act now", true}, p.alert_act_share);
  visit(ParamInfo{"alert_min_attempts", "hours with fewer attempts raise no alert", false}, p.alert_min_attempts);
  visit(ParamInfo{"connect_time", "TCP + TLS + EHLO time to open a connection (lognormal, median 200 ms)", false}, p.connect_time);
  visit(ParamInfo{"message_time", "MAIL FROM to final reply for one message (lognormal, median 300 ms)", false}, p.message_time);
}

}  // namespace delivsim
