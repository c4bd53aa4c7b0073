// Graduated effects of the combined score: each tier's value at its lower threshold, linear in between,
// the ideal at score 1, BAD's value below LOW, and strictly monotone from tier_low_min to 1.
#include "models/reputation_effects.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

const ReceiverParams kGmail = ReceiverParams::gmail();

TEST(ReputationEffects, EachTiersValueHoldsAtItsLowerThreshold) {
  EXPECT_DOUBLE_EQ(inbox_share(kGmail.tier_high_min, kGmail), kGmail.inbox_share_high);
  EXPECT_DOUBLE_EQ(inbox_share(kGmail.tier_medium_min, kGmail), kGmail.inbox_share_medium);
  EXPECT_DOUBLE_EQ(inbox_share(kGmail.tier_low_min, kGmail), kGmail.inbox_share_low);
  EXPECT_DOUBLE_EQ(inbox_share(0.1, kGmail), kGmail.inbox_share_bad);
  EXPECT_DOUBLE_EQ(inbox_share(1.0, kGmail), 1.0);
  EXPECT_DOUBLE_EQ(reputation_defer_share(kGmail.tier_high_min, kGmail), kGmail.high_tier_defer_share);
  EXPECT_DOUBLE_EQ(reputation_defer_share(kGmail.tier_medium_min, kGmail), kGmail.medium_tier_defer_share);
  EXPECT_DOUBLE_EQ(reputation_defer_share(kGmail.tier_low_min, kGmail), kGmail.low_tier_defer_share);
  EXPECT_DOUBLE_EQ(reputation_defer_share(0.1, kGmail), kGmail.bad_tier_defer_share);
  EXPECT_DOUBLE_EQ(reputation_defer_share(1.0, kGmail), 0.0);
}

TEST(ReputationEffects, HalfwayBetweenThresholdsIsHalfwayBetweenValues) {
  const double s = (kGmail.tier_high_min + 1.0) / 2;
  EXPECT_NEAR(inbox_share(s, kGmail), (kGmail.inbox_share_high + 1.0) / 2, 1e-12);
  EXPECT_NEAR(reputation_defer_share(s, kGmail), kGmail.high_tier_defer_share / 2, 1e-12);
}

TEST(ReputationEffects, ALowerScoreAlwaysPlacesLessInTheInboxAndDefersMore) {
  for (double s = kGmail.tier_low_min; s < 1.0; s += 0.01) {
    EXPECT_GT(inbox_share(s + 0.01, kGmail), inbox_share(s, kGmail)) << s;
    EXPECT_LT(reputation_defer_share(s + 0.01, kGmail), reputation_defer_share(s, kGmail)) << s;
  }
}

TEST(ReputationEffects, GenericProfileNeverDefersForReputation) {
  const ReceiverParams generic = ReceiverParams::generic();
  for (double s = 0.0; s <= 1.0; s += 0.05) EXPECT_EQ(reputation_defer_share(s, generic), 0.0) << s;
}

}  // namespace
}  // namespace delivsim
