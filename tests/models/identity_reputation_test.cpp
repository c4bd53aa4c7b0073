// IdentityReputation against closed forms: initial state, quota bucket, score movement, spam rate days,
// the mitigation lock and the hammering penalty.
#include "models/identity_reputation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace delivsim {
namespace {

const ReceiverParams kGmail = ReceiverParams::gmail();

AcceptedMessage inbox_message() {
  return AcceptedMessage{};
}

/// Records `inbox` inbox deliveries and `complaints` complaints during day `day` (before it ends).
void live_a_day(IdentityReputation& identity, int day, int inbox, int complaints) {
  const Duration noon = day * kDay + std::chrono::hours(12);
  identity.advance(noon);
  for (int i = 0; i < inbox; ++i) identity.record_accepted(inbox_message());
  for (int i = 0; i < complaints; ++i) identity.record_complaint();
  identity.advance((day + 1) * kDay);
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

TEST(IdentityReputation, WithNoSignalsTheScoreRisesTowardOneAtTheDailyRiseRate) {
  IdentityReputation identity(kGmail, false, 0);
  identity.advance(kHour);
  const double step = 1.0 - std::pow(1.0 - kGmail.score_rise_per_day, 1.0 / 24.0);
  EXPECT_DOUBLE_EQ(identity.last_target(), 1.0);
  EXPECT_NEAR(identity.score(), 0.6 + 0.4 * step, 1e-12);
  identity.advance(kDay);  // 24 steps in all: the gap shrinks by exactly (1 - rise) per day
  EXPECT_NEAR(identity.score(), 1.0 - 0.4 * (1.0 - kGmail.score_rise_per_day), 1e-9);
}

TEST(IdentityReputation, DailySpamRateIsComplaintsOverInboxDeliveries) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, 1000, 2);
  EXPECT_DOUBLE_EQ(identity.last_spam_rate(), 0.002);
  EXPECT_FALSE(identity.ineligible_for_mitigation());
}

TEST(IdentityReputation, ADayWithTooFewInboxDeliveriesReportsNoNewSpamRate) {
  IdentityReputation identity(kGmail, true, 10000);
  live_a_day(identity, 0, 50, 5);
  EXPECT_DOUBLE_EQ(identity.last_spam_rate(), 0.0);
  EXPECT_DOUBLE_EQ(identity.peak_spam_rate(), 0.0);
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

TEST(IdentityReputation, HammeringCostsTheFullPenaltyPastSaturation) {
  IdentityReputation identity(kGmail, false, 0);
  for (int i = 0; i < 10; ++i)
    identity.record_accepted(AcceptedMessage{false, false, false, false, true, true, true});
  for (int i = 0; i < 1000; ++i) identity.record_deferral();
  identity.advance(kHour);  // folds the hour: 950 excess deferrals per 10 accepted is past saturation
  EXPECT_NEAR(identity.last_target(), 1.0 - kGmail.hammer_penalty, 1e-12);
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
