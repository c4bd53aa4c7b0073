#pragma once
/// @file One sending identity (IP, DKIM domain or SPF domain) as one provider sees it: its reputation score
/// and tier, the daily spam rate, the signals that move the score, and the quota that follows from it.
/// Equations and which numbers are published are in docs/model.md.
#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <optional>

#include "models/receiver_params.h"
#include "models/tier.h"
#include "models/token_bucket.h"
#include "models/units.h"

namespace delivsim {

/// The Postmaster tier of a score under `params`' thresholds.
Tier tier_for_score(double score, const ReceiverParams& params);

/// The score range of one tier: [low, high) (HIGH's high end is 1).
struct TierScoreBand {
  Tier tier;
  double low, high;
};

/// The four tiers' score ranges, BAD first, when LOW, MEDIUM and HIGH start at these scores.
std::array<TierScoreBand, 4> tier_score_bands(double low_min, double medium_min, double high_min);

/// tier_score_bands() under `params`' thresholds.
std::array<TierScoreBand, 4> tier_score_bands(const ReceiverParams& params);

/// How one accepted message went, as far as the identity's reputation cares.
struct AcceptedMessage {
  bool inbox = true;      ///< placed in the inbox (else the spam folder)
  bool engaged = false;   ///< opened (inbox) or marked "not spam" (spam folder); see not_spam
  bool not_spam = false;  ///< the engagement was a "not spam" mark
  bool spam_trap = false;
  bool spf_pass = true;
  bool dkim_pass = true;
  bool dmarc = true;
};

/// Where an identity stands. Call `advance(now)` before reading figures at `now`; the receiver does.
class IdentityReputation {
 public:
  /// @param warm whether it has a history; @param established_per_day its baseline volume if warm.
  IdentityReputation(const ReceiverParams& params, bool warm, double established_per_day);

  // --- Signals (each at a non-decreasing `now`) ---
  /// Inline, as take_quota: the receiver calls both for each of an accepted message's three identities.
  void record_accepted(const AcceptedMessage& m) {
    interval_.accepted += 1;
    ++accepted_total_;
    accepted_today_ += 1;
    if (m.inbox) {
      interval_.inbox += 1;
      inbox_today_ += 1;
    }
    if (m.engaged) interval_.engaged += m.not_spam ? params_->not_spam_weight : 1.0;
    if (m.spam_trap) interval_.traps += 1;
    if (!m.spf_pass) interval_.spf_fail += 1;
    if (!m.dkim_pass) interval_.dkim_fail += 1;
    if (!m.dmarc) interval_.no_dmarc += 1;
  }
  void record_unknown_user();
  /// A known recipient's message refused for good (5xx other than unknown user: a block, an authentication
  /// rejection): it counts among the recipients the unknown-user share is taken over.
  void record_rejected();
  void record_deferral();   ///< any 4xx this provider gave mail naming this identity (hammering signal)
  void record_complaint();  ///< counted on the day it arrives (Postmaster Tools)

  /// Runs every update and day boundary up to `now`: rolls days (spam rate, baseline, mitigation),
  /// moves the score toward its target every reputation_update_interval, and resets the quota rate.
  /// Inline: asked three times per attempt, and almost always nothing is due.
  void advance(Duration now) {
    if (std::min(next_update_, next_day_) <= now) catch_up(now);
  }

  /// Takes one message from the quota bucket; false when the identity is over its quota (421 4.7.28).
  bool take_quota(Duration now) { return !params_->quota_enabled || quota_.try_take(now); }
  bool has_quota(Duration now) const { return !params_->quota_enabled || quota_.tokens(now) >= 1.0; }

  double score() const { return score_; }
  Tier tier() const;
  double quota_per_day() const { return quota_per_day_; }
  /// Spam rate of the last complete day that reported one (complaints / inbox deliveries, at least
  /// spam_rate_min_inbox of them), 0 before the first.
  double last_spam_rate() const { return last_spam_rate_; }
  /// The spam rate reputation remembers: complaints over inbox deliveries of the reporting days, both
  /// decayed with time constant reputation_memory; 0 before the first reporting day.
  double remembered_spam_rate() const;
  /// Offered volume (accepted + unknown users + deferrals) over the last recent_volume_window, as of the
  /// latest update, against the volume reference (docs/model.md 3.3).
  double volume_ratio() const;
  double peak_spam_rate() const { return peak_spam_rate_; }
  /// True from a day above spam_rate_bad until mitigation_clean_days clean days in a row.
  bool ineligible_for_mitigation() const { return clean_days_needed_ > 0; }
  /// Spam-trap hits decayed with time constant signal_memory, as of the latest update (a block list's
  /// signal).
  double decayed_trap_hits() const { return decayed_.traps; }
  /// Deferrals recorded in the current update interval (the hammering signal).
  double deferrals_this_interval() const { return interval_.deferrals; }
  /// Messages accepted since the start (the time series differences it per interval).
  std::int64_t accepted_total() const { return accepted_total_; }
  /// Time at which a hard block (550 5.7.1) ends; zero when not blocked.
  Duration blocked_until() const { return blocked_until_; }
  void block_until(Duration until) { blocked_until_ = until; }
  /// The target score the last update moved toward (for docs and tests).
  double last_target() const { return last_target_; }

 private:
  /// advance() once a boundary is due.
  void catch_up(Duration now);
  struct Counts {
    double accepted = 0, inbox = 0, engaged = 0, traps = 0, unknown = 0, rejected = 0, deferrals = 0;
    double spf_fail = 0, dkim_fail = 0, no_dmarc = 0;
  };
  void update_score(Duration at);
  void roll_day();
  double target_score() const;
  /// The score's move at an update: toward the target while the identity has mail in the recent window,
  /// toward new_identity_score after idle_reset_after without mail, otherwise none.
  void move_score(Duration at);
  double baseline() const;  ///< busiest of the last baseline_window_days complete days (messages/day)
  double quota_for_current_tier() const;  ///< messages/day: max(floor(tier), baseline * growth(tier))
  double bucket_capacity() const;         ///< quota rate * quota_burst, at least one message
  void reset_quota(Duration at);

  const ReceiverParams* params_;
  double score_;
  double last_target_;
  Counts interval_{};  ///< raw counts in the current update interval
  Counts decayed_{};   ///< counts decayed with time constant signal_memory, folded in at each update
  std::deque<double> recent_offered_;  ///< offered volume per update interval over recent_volume_window
  std::optional<Duration> last_mail_;  ///< end of the last update interval with mail; none if no history
  double last_interval_deferrals_ = 0;
  double last_interval_accepted_ = 0;

  double accepted_today_ = 0, inbox_today_ = 0, complaints_today_ = 0;
  /// accepted volume of the last baseline_window_days + 1 complete days, newest at the back
  std::deque<double> daily_accepted_;
  double remembered_complaints_ = 0,
         remembered_inbox_ = 0;  ///< of reporting days, decayed (reputation_memory)
  double established_per_day_;
  double last_spam_rate_ = 0, peak_spam_rate_ = 0;
  int clean_days_needed_ = 0;
  std::int64_t accepted_total_ = 0;

  double quota_per_day_ = 0;
  TokenBucket quota_;
  Duration next_update_;
  Duration next_day_;
  Duration blocked_until_{0};
};

}  // namespace delivsim
