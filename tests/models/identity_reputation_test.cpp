// IdentityReputation against closed forms: initial state, quota bucket, score movement, spam rate days,
// the mitigation lock, the graduated spam-rate cut, the volume spike, idle identities and the hammering
// penalty.
#include "models/identity_reputation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace delivsim {
namespace {

const ReceiverParams kGmail = ReceiverParams::gmail();

AcceptedMessage inbox_message() {
  return AcceptedMessage{};
}

/// Records `inbox` deliveries of `message` and `complaints` complaints during day `day` (before it ends).
void live_a_day(IdentityReputation& identity, int day, int inbox, int complaints,
                const AcceptedMessage& message = inbox_message()) {
  const Duration noon = day * kDay + std::chrono::hours(12);
  identity.advance(noon);
  for (int i = 0; i < inbox; ++i) identity.record_accepted(message);
  for (int i = 0; i < complaints; ++i) identity.record_complaint();
  identity.advance((day + 1) * kDay);
}

/// An inbox delivery that was opened: full engagement, the largest bonus.
AcceptedMessage opened_message() {
  AcceptedMessage m;
  m.engaged = true;
  return m;
}

/// A warm identity mailing a fully engaged list of 10,000 a day at `spam_rate` for `days` days.
IdentityReputation list_at_spam_rate(double spam_rate, int days) {
  IdentityReputation identity(kGmail, true, 10000);
  for (int day = 0; day < days; ++day) {
    live_a_day(identity, day, 10000, static_cast<int>(std::lround(spam_rate * 10000)), opened_message());
  }
  return identity;
}

TEST(IdentityReputation, NewIdentityStartsMediumWithTheMediumFloorAsQuota) {
  IdentityReputation identity(kGmail, false, 0);
  EXPECT_DOUBLE_EQ(identity.score(), kGmail.new_identity_score);
  EXPECT_EQ(identity.tier(), Tier::Medium);
  EXPECT_DOUBLE_EQ(identity.quota_per_day(), kGmail.quota_floor_medium);
  // The bucket holds one hour (quota_burst) of the daily quota: 2000 / 24 = 83.3 messages.
  int taken = 0;
  while (identity.take_quota(Duration(0))) ++taken;
  EXPECT_EQ(taken, 83);
}

TEST(IdentityReputation, WarmIdentityQuotaIsItsBaselineTimesHighGrowth) {
  IdentityReputation identity(kGmail, true, 50000);
  EXPECT_EQ(identity.tier(), Tier::High);
  EXPECT_DOUBLE_EQ(identity.quota_per_day(), 50000 * kGmail.quota_growth_high);
}

TEST(IdentityReputation, AnEngagedCleanListRisesTowardOneAtTheDailyRiseRate) {
  IdentityReputation identity(kGmail, true, 10000);
  for (int i = 0; i < 10000; ++i) identity.record_accepted(opened_message());
  identity.advance(kHour);
  const double step = 1.0 - std::pow(1.0 - kGmail.score_rise_per_day, 1.0 / 24.0);
  EXPECT_DOUBLE_EQ(identity.last_target(), 1.0);
  EXPECT_NEAR(identity.score(), 0.85 + 0.15 * step, 1e-12);
  identity.advance(kDay);  // 24 steps in all: the gap shrinks by exactly (1 - rise) per day
  EXPECT_NEAR(identity.score(), 1.0 - 0.15 * (1.0 - kGmail.score_rise_per_day), 1e-9);
}

TEST(IdentityReputation, AnUnengagedListTopsOutBelowOneByTheEngagementBonus) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, 10000, 0);
  EXPECT_NEAR(identity.last_target(), 1.0 - kGmail.engagement_bonus_max, 1e-12);
}

TEST(IdentityReputation, AnIdentityThatSendsNothingEarnsNothing) {
  IdentityReputation fresh(kGmail, false, 0);
  fresh.advance(7 * kDay);
  EXPECT_DOUBLE_EQ(fresh.score(), kGmail.new_identity_score);
  EXPECT_EQ(fresh.tier(), Tier::Medium);
}

TEST(IdentityReputation, AnIdleIdentitysScoreHoldsThenDriftsBackToNoHistory) {
  IdentityReputation identity(kGmail, false, 0);
  live_a_day(identity, 0, 1500, 0, opened_message());
  identity.advance(kDay + kGmail.recent_volume_window);
  const double held = identity.score();
  EXPECT_GT(held, kGmail.new_identity_score);
  identity.advance(20 * kDay);  // idle, but not for idle_reset_after yet: nothing moves
  EXPECT_DOUBLE_EQ(identity.score(), held);
  // From idle_reset_after after the last mail, the score falls back toward new_identity_score.
  const Duration last_mail = 13 * std::chrono::hours(1);
  identity.advance(last_mail + kGmail.idle_reset_after - kGmail.reputation_update_interval);
  EXPECT_DOUBLE_EQ(identity.score(), held);
  identity.advance(last_mail + kGmail.idle_reset_after + 2 * kDay);
  EXPECT_LT(identity.score(), held);
  EXPECT_GT(identity.score(), kGmail.new_identity_score);
  identity.advance(last_mail + kGmail.idle_reset_after + 30 * kDay);
  EXPECT_NEAR(identity.score(), kGmail.new_identity_score, 1e-6);
}

TEST(IdentityReputation, ABurnedIdentityIdleForLongForgetsItsLockAndDriftsUpToNoHistory) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, 10000, 100);  // 1%: locked, capped inside LOW
  EXPECT_TRUE(identity.ineligible_for_mitigation());
  identity.advance(kDay + kGmail.idle_reset_after + 90 * kDay);
  EXPECT_FALSE(identity.ineligible_for_mitigation());
  EXPECT_DOUBLE_EQ(identity.remembered_spam_rate(), 0.0);
  EXPECT_NEAR(identity.score(), kGmail.new_identity_score, 1e-3);
}

TEST(IdentityReputation, DailySpamRateIsComplaintsOverInboxDeliveries) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, 1000, 2);
  EXPECT_DOUBLE_EQ(identity.last_spam_rate(), 0.002);
  EXPECT_FALSE(identity.ineligible_for_mitigation());
}

TEST(IdentityReputation, ALowVolumeDayReportsNoSpamRateAndCannotLockMitigation) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, static_cast<int>(kGmail.spam_rate_min_inbox) - 1, 100);  // 10% of too few
  EXPECT_DOUBLE_EQ(identity.last_spam_rate(), 0.0);
  EXPECT_DOUBLE_EQ(identity.peak_spam_rate(), 0.0);
  EXPECT_DOUBLE_EQ(identity.remembered_spam_rate(), 0.0);
  EXPECT_FALSE(identity.ineligible_for_mitigation());
}

TEST(IdentityReputation, LowVolumeDaysCountAsCleanDaysOfTheLock) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, 1000, 4);
  ASSERT_TRUE(identity.ineligible_for_mitigation());
  for (int day = 1; day <= 7; ++day) live_a_day(identity, day, 100, 10);
  EXPECT_FALSE(identity.ineligible_for_mitigation());
}

TEST(IdentityReputation, TheRememberedSpamRateWeighsReportingDaysOverThirtyDays) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, 2000, 10);  // 0.5%
  EXPECT_DOUBLE_EQ(identity.remembered_spam_rate(), 0.005);
  live_a_day(identity, 1, 2000, 0);
  const double keep = std::exp(-1.0 / 30.0);
  EXPECT_NEAR(identity.remembered_spam_rate(), 10 * keep / (2000 * keep + 2000), 1e-12);
}

TEST(IdentityReputation, AboveThreePerMilleTheIdentityIsCappedUntilSevenCleanDays) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, 1000, 4);
  EXPECT_DOUBLE_EQ(identity.peak_spam_rate(), 0.004);
  EXPECT_TRUE(identity.ineligible_for_mitigation());
  for (int day = 1; day <= 6; ++day) {
    live_a_day(identity, day, 1000, 0);
    EXPECT_TRUE(identity.ineligible_for_mitigation()) << "day " << day;
    EXPECT_LE(identity.score(), kGmail.mitigation_score_cap);
  }
  live_a_day(identity, 7, 1000, 0);
  EXPECT_FALSE(identity.ineligible_for_mitigation());
}

TEST(IdentityReputation, BetweenPointOneAndPointThreePercentTheCutIsGraduatedAndStrictlyMonotone) {
  const std::vector<double> rates = {0.0005, 0.001, 0.0012, 0.0015, 0.002, 0.0025, 0.0029};
  double previous_target = 2.0, previous_score = 2.0;
  for (double rate : rates) {
    const IdentityReputation identity = list_at_spam_rate(rate, 10);
    const double cut = rate <= kGmail.spam_rate_good
                           ? 0.0
                           : kGmail.spam_penalty_at_bad * (rate - kGmail.spam_rate_good) /
                                 (kGmail.spam_rate_bad - kGmail.spam_rate_good);
    // The full engagement bonus no longer hides a cut smaller than itself.
    EXPECT_NEAR(identity.last_target(), 1.0 - cut, 1e-9) << rate;
    if (rate > kGmail.spam_rate_good) {
      EXPECT_LT(identity.last_target(), previous_target) << rate;
      EXPECT_LT(identity.score(), previous_score) << rate;
    }
    previous_target = identity.last_target();
    previous_score = identity.score();
  }
  EXPECT_EQ(list_at_spam_rate(0.0015, 10).tier(), Tier::High);
  EXPECT_EQ(list_at_spam_rate(0.0025, 10).tier(), Tier::Medium);
}

/// The target at the end of day 7 of a warm identity sending 10,000 a day, then `factor` times that on
/// day 7 (no other signal).
double target_after_volume_step(double factor) {
  IdentityReputation identity(kGmail, true, 10000);
  for (int day = 0; day < 8; ++day) {
    live_a_day(identity, day, static_cast<int>(day >= 7 ? 10000 * factor : 10000), 0, opened_message());
  }
  return identity.last_target();
}

TEST(IdentityReputation, DoublingTheVolumeCostsTheSpikeCutAndMoreVolumeCostsMore) {
  EXPECT_DOUBLE_EQ(target_after_volume_step(1.9), 1.0);
  EXPECT_NEAR(target_after_volume_step(2.0), 1.0 - kGmail.volume_spike_penalty, 1e-9);
  EXPECT_NEAR(target_after_volume_step(3.0), 1.0 - kGmail.volume_spike_penalty * (1 + std::log2(1.5)), 1e-9);
  EXPECT_NEAR(target_after_volume_step(4.0), 1.0 - 2 * kGmail.volume_spike_penalty, 1e-9);
}

TEST(IdentityReputation, TheVolumeReferenceAdaptsOnceTheSpikeDayIsPast) {
  IdentityReputation identity(kGmail, true, 10000);
  for (int day = 0; day < 7; ++day) live_a_day(identity, day, 10000, 0, opened_message());
  for (int day = 7; day < 10; ++day) live_a_day(identity, day, 20000, 0, opened_message());
  EXPECT_DOUBLE_EQ(identity.volume_ratio(), 1.0);  // day 7's 20,000 is now "previously sent"
  EXPECT_DOUBLE_EQ(identity.last_target(), 1.0);
}

TEST(IdentityReputation, HammeringCostsTheFullPenaltyPastSaturation) {
  IdentityReputation identity(kGmail, false, 0);
  for (int i = 0; i < 10; ++i)
    identity.record_accepted(AcceptedMessage{false, false, false, false, true, true, true});
  for (int i = 0; i < 1000; ++i) identity.record_deferral();
  identity.advance(kHour);  // folds the hour: 950 excess deferrals per 10 accepted is past saturation
  // 1,010 offered against the 2,000 floor is no spike; no engagement costs the bonus.
  EXPECT_NEAR(identity.last_target(), 1.0 - kGmail.engagement_bonus_max - kGmail.hammer_penalty, 1e-12);
}

// The unknown-user share is taken over every recipient given a final answer: refused-for-good mail of known
// recipients (a blocked sender) counts, so 30 unknown users among 1,000 recipients cost what 3% costs.
TEST(IdentityReputation, TheUnknownUserShareCountsKnownRecipientsRefusedForGood) {
  IdentityReputation refused(kGmail, true, 10000), alone(kGmail, true, 10000);
  for (IdentityReputation* identity : {&refused, &alone}) {
    identity->advance(std::chrono::hours(12));
    for (int i = 0; i < 30; ++i) identity->record_unknown_user();
  }
  for (int i = 0; i < 970; ++i) refused.record_rejected();
  for (IdentityReputation* identity : {&refused, &alone}) identity->advance(kDay);
  const double cut = kGmail.unknown_user_penalty_slope * (0.03 - kGmail.unknown_user_tolerance);
  EXPECT_NEAR(refused.last_target(), 1.0 - kGmail.engagement_bonus_max - cut, 1e-9);
  EXPECT_EQ(alone.last_target(), 0.0) << "unknown users alone are a share of 100%: the cut clamps to 0";
}

TEST(IdentityReputation, BaselineIsTheBusiestRecentDay) {
  IdentityReputation identity(kGmail, false, 0);
  live_a_day(identity, 0, 3000, 0);
  // Still MEDIUM after a day (0.6 -> 0.63): quota = max(2000, 3000 * 2).
  EXPECT_EQ(identity.tier(), Tier::Medium);
  EXPECT_DOUBLE_EQ(identity.quota_per_day(), 6000);
}

TEST(TierScoreBands, CoverZeroToOneInTierOrderAndAgreeWithTierForScore) {
  ReceiverParams params = ReceiverParams::gmail();
  params.tier_low_min = 0.2;
  params.tier_medium_min = 0.5;
  params.tier_high_min = 0.9;
  const auto bands = tier_score_bands(params);
  EXPECT_EQ(bands.front().low, 0.0);
  EXPECT_EQ(bands.back().high, 1.0);
  for (std::size_t i = 0; i < bands.size(); ++i) {
    EXPECT_EQ(bands[i].tier, static_cast<Tier>(i));
    if (i > 0) {
      EXPECT_EQ(bands[i].low, bands[i - 1].high);
    }
    EXPECT_EQ(tier_for_score(bands[i].low, params), bands[i].tier);
    EXPECT_EQ(tier_for_score((bands[i].low + bands[i].high) / 2, params), bands[i].tier);
  }
  EXPECT_EQ(bands[1].low, 0.2);
  EXPECT_EQ(bands[3].low, 0.9);
}

}  // namespace
}  // namespace delivsim
