#include "models/identity_reputation.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numeric>

namespace delivsim {
namespace {

double per_tier(Tier tier, double bad, double low, double medium, double high) {
  switch (tier) {
    case Tier::Bad:
      return bad;
    case Tier::Low:
      return low;
    case Tier::Medium:
      return medium;
    case Tier::High:
      return high;
  }
  return medium;
}

/// Share of the gap closed in one step of `step`, when `per_day` of it closes in a day.
double step_fraction(double per_day, Duration step) {
  return 1.0 - std::pow(1.0 - per_day, to_seconds(step) / 86400.0);
}

/// Update intervals in `window` (at least one).
std::size_t intervals_in(Duration window, Duration interval) {
  return static_cast<std::size_t>(
      std::max<long long>(1, std::llround(to_seconds(window) / to_seconds(interval))));
}

}  // namespace

IdentityReputation::IdentityReputation(const ReceiverParams& params, bool warm, double established_per_day)
    : params_(&params),
      score_(warm ? params.warm_identity_score : params.new_identity_score),
      last_target_(score_),
      established_per_day_(warm ? established_per_day : 0.0),
      next_update_(params.reputation_update_interval),
      next_day_(kDay) {
  daily_accepted_.assign(static_cast<std::size_t>(std::max(1, params.baseline_window_days)) + 1,
                         established_per_day_);
  recent_offered_.assign(intervals_in(params.recent_volume_window, params.reputation_update_interval),
                         established_per_day_ * to_seconds(params.reputation_update_interval) / 86400.0);
  if (warm) last_mail_ = Duration(0);
  quota_per_day_ = quota_for_current_tier();
  if (params.quota_enabled) {
    quota_ = TokenBucket(Rate::per_day(quota_per_day_), bucket_capacity(), Duration(0), bucket_capacity());
  }
}

void IdentityReputation::record_rejected() {
  interval_.rejected += 1;
}

void IdentityReputation::record_unknown_user() {
  interval_.unknown += 1;
}
void IdentityReputation::record_deferral() {
  interval_.deferrals += 1;
}
void IdentityReputation::record_complaint() {
  complaints_today_ += 1;
}

void IdentityReputation::catch_up(Duration now) {
  while (true) {
    const Duration next = std::min(next_update_, next_day_);
    if (next > now) return;
    if (next_day_ == next) {
      roll_day();
      next_day_ += kDay;
    }
    if (next_update_ == next) {
      update_score(next);
      next_update_ += params_->reputation_update_interval;
    }
  }
}

void IdentityReputation::roll_day() {
  const double keep = std::exp(-to_seconds(kDay) / to_seconds(params_->reputation_memory));
  remembered_complaints_ *= keep;
  remembered_inbox_ *= keep;
  // A day without a reported rate (too little volume) cannot lock mitigation; it counts as a clean day.
  const bool reported = inbox_today_ >= params_->spam_rate_min_inbox;
  if (reported) {
    remembered_complaints_ += complaints_today_;
    remembered_inbox_ += inbox_today_;
    last_spam_rate_ = complaints_today_ / inbox_today_;
    peak_spam_rate_ = std::max(peak_spam_rate_, last_spam_rate_);
  }
  if (reported && last_spam_rate_ > params_->spam_rate_bad) {
    clean_days_needed_ = params_->mitigation_clean_days;
  } else if (clean_days_needed_ > 0) {
    --clean_days_needed_;
  }
  daily_accepted_.push_back(accepted_today_);
  daily_accepted_.pop_front();
  accepted_today_ = inbox_today_ = complaints_today_ = 0;
}

double IdentityReputation::remembered_spam_rate() const {
  return remembered_inbox_ > 0 ? remembered_complaints_ / remembered_inbox_ : 0.0;
}

double IdentityReputation::volume_ratio() const {
  const double offered = std::accumulate(recent_offered_.begin(), recent_offered_.end(), 0.0);
  const double window_s =
      static_cast<double>(recent_offered_.size()) * to_seconds(params_->reputation_update_interval);
  const double per_day = offered * to_seconds(kDay) / window_s;
  // The days before yesterday: yesterday and today overlap the recent window.
  const double previous = *std::max_element(daily_accepted_.begin(), std::prev(daily_accepted_.end()));
  return per_day / std::max(previous, params_->quota_floor_medium);
}

double IdentityReputation::target_score() const {
  const ReceiverParams& p = *params_;
  const Counts& d = decayed_;
  // The top (1) is reached only with full engagement: the engagement shortfall is a cut like the others,
  // so every penalty shows however engaged the list is.
  double target = 1.0 - p.engagement_bonus_max;

  const double spam_rate = remembered_spam_rate();
  if (spam_rate > p.spam_rate_bad) {
    target -= p.spam_penalty_above_bad;
  } else if (spam_rate > p.spam_rate_good) {
    target -= p.spam_penalty_at_bad * (spam_rate - p.spam_rate_good) / (p.spam_rate_bad - p.spam_rate_good);
  }

  target -= std::min(p.trap_penalty_max, p.trap_hit_penalty * d.traps);

  // Over every recipient given a final answer: a blocked sender's refused mail keeps its unknown users from
  // looking like the whole list.
  const double recipients = d.accepted + d.unknown + d.rejected;
  if (recipients > 0) {
    const double unknown_share = d.unknown / recipients;
    target -= p.unknown_user_penalty_slope * std::max(0.0, unknown_share - p.unknown_user_tolerance);
  }
  if (d.accepted > 0) {
    target -= p.missing_spf_penalty * d.spf_fail / d.accepted;
    target -= p.missing_dkim_penalty * d.dkim_fail / d.accepted;
    target -= p.missing_dmarc_penalty * d.no_dmarc / d.accepted;
    const double engaged_share = d.engaged / d.accepted;
    target += p.engagement_bonus_max * std::min(1.0, engaged_share / p.engagement_open_reference);
  }

  // Google FAQ: suddenly doubling the volume previously sent hurts; the cut starts at the ratio and grows
  // with each further doubling.
  const double ratio = volume_ratio();
  if (ratio >= p.volume_spike_ratio) {
    target -= std::min(p.volume_spike_penalty_max,
                       p.volume_spike_penalty * (1.0 + std::log2(ratio / p.volume_spike_ratio)));
  }

  // Hammering: deferred retries in the interval just ended, per accepted message.
  const double excess_deferrals = std::max(0.0, last_interval_deferrals_ - p.hammer_tolerance_per_hour);
  const double hammer_ratio = excess_deferrals / std::max(1.0, last_interval_accepted_);
  target -= p.hammer_penalty * std::min(1.0, hammer_ratio / p.hammer_ratio_saturation);

  target = std::clamp(target, 0.0, 1.0);
  if (ineligible_for_mitigation()) target = std::min(target, p.mitigation_score_cap);
  return target;
}

void IdentityReputation::update_score(Duration at) {
  const ReceiverParams& p = *params_;
  const double keep = std::exp(-to_seconds(p.reputation_update_interval) / to_seconds(p.signal_memory));
  auto fold = [keep](double& decayed, double fresh) { decayed = decayed * keep + fresh; };
  fold(decayed_.accepted, interval_.accepted);
  fold(decayed_.inbox, interval_.inbox);
  fold(decayed_.engaged, interval_.engaged);
  fold(decayed_.traps, interval_.traps);
  fold(decayed_.unknown, interval_.unknown);
  fold(decayed_.rejected, interval_.rejected);
  fold(decayed_.deferrals, interval_.deferrals);
  fold(decayed_.spf_fail, interval_.spf_fail);
  fold(decayed_.dkim_fail, interval_.dkim_fail);
  fold(decayed_.no_dmarc, interval_.no_dmarc);
  last_interval_deferrals_ = interval_.deferrals;
  last_interval_accepted_ = interval_.accepted;
  const double offered = interval_.accepted + interval_.unknown + interval_.deferrals;
  recent_offered_.push_back(offered);
  recent_offered_.pop_front();
  if (offered > 0) last_mail_ = at;
  interval_ = Counts{};

  move_score(at);
  reset_quota(at);
}

void IdentityReputation::move_score(Duration at) {
  const ReceiverParams& p = *params_;
  if (!last_mail_) return;  // no history: no evidence, the score holds
  const Duration quiet = at - *last_mail_;
  if (quiet >= p.idle_reset_after) {
    // A long silence: the history is forgotten and the identity drifts back toward "no history".
    remembered_complaints_ = remembered_inbox_ = 0;
    clean_days_needed_ = 0;
    last_target_ = p.new_identity_score;
  } else if (quiet < p.recent_volume_window) {
    last_target_ = target_score();
  } else {
    return;  // idle: no mail is no evidence, the score holds
  }
  const double per_day = last_target_ < score_ ? p.score_fall_per_day : p.score_rise_per_day;
  score_ += (last_target_ - score_) * step_fraction(per_day, p.reputation_update_interval);
  if (ineligible_for_mitigation()) score_ = std::min(score_, p.mitigation_score_cap);
  score_ = std::clamp(score_, 0.0, 1.0);
}

Tier tier_for_score(double score, const ReceiverParams& params) {
  if (score >= params.tier_high_min) return Tier::High;
  if (score >= params.tier_medium_min) return Tier::Medium;
  if (score >= params.tier_low_min) return Tier::Low;
  return Tier::Bad;
}

std::array<TierScoreBand, 4> tier_score_bands(double low_min, double medium_min, double high_min) {
  return {{{Tier::Bad, 0.0, low_min},
           {Tier::Low, low_min, medium_min},
           {Tier::Medium, medium_min, high_min},
           {Tier::High, high_min, 1.0}}};
}

std::array<TierScoreBand, 4> tier_score_bands(const ReceiverParams& params) {
  return tier_score_bands(params.tier_low_min, params.tier_medium_min, params.tier_high_min);
}

Tier IdentityReputation::tier() const {
  return tier_for_score(score_, *params_);
}

double IdentityReputation::quota_for_current_tier() const {
  const ReceiverParams& p = *params_;
  if (!p.quota_enabled) return std::numeric_limits<double>::infinity();
  const Tier t = tier();
  const double floor =
      per_tier(t, p.quota_floor_bad, p.quota_floor_low, p.quota_floor_medium, p.quota_floor_high);
  const double growth =
      per_tier(t, p.quota_growth_bad, p.quota_growth_low, p.quota_growth_medium, p.quota_growth_high);
  return std::max(floor, baseline() * growth);
}

double IdentityReputation::baseline() const {
  return *std::max_element(std::next(daily_accepted_.begin()), daily_accepted_.end());
}

double IdentityReputation::bucket_capacity() const {
  return std::max(1.0, Rate::per_day(quota_per_day_).per_second * to_seconds(params_->quota_burst));
}

void IdentityReputation::reset_quota(Duration at) {
  quota_per_day_ = quota_for_current_tier();
  if (params_->quota_enabled) quota_.reconfigure(Rate::per_day(quota_per_day_), bucket_capacity(), at);
}

}  // namespace delivsim
