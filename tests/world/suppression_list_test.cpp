// The suppression list's rules, recipient by recipient.
#include "sim/world/suppression_list.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(SuppressionList, WithoutRulesNobodyIsSuppressed) {
  SuppressionList list(SuppressionRules{}, 10);
  list.hard_bounced(1);
  list.complained(2);
  for (int i = 0; i < 300; ++i) list.delivered(3, false);
  for (std::uint32_t r = 0; r < 10; ++r) EXPECT_FALSE(list.suppressed(r)) << r;
}

TEST(SuppressionList, AHardBounceSuppressesOnlyWithItsRuleAndOnlyThatRecipient) {
  SuppressionList with(SuppressionRules{true, false, 0}, 10);
  SuppressionList complainers_only(SuppressionRules{false, true, 0}, 10);
  with.hard_bounced(4);
  complainers_only.hard_bounced(4);
  EXPECT_TRUE(with.suppressed(4));
  EXPECT_FALSE(with.suppressed(3));
  EXPECT_FALSE(with.suppressed(5));
  EXPECT_FALSE(complainers_only.suppressed(4));
}

TEST(SuppressionList, AComplaintSuppressesOnlyWithItsRule) {
  SuppressionList with(SuppressionRules{false, true, 0}, 10);
  SuppressionList bounces_only(SuppressionRules{true, false, 0}, 10);
  with.complained(0);
  bounces_only.complained(0);
  EXPECT_TRUE(with.suppressed(0));
  EXPECT_FALSE(with.suppressed(1));
  EXPECT_FALSE(bounces_only.suppressed(0));
}

class UnengagedRule : public ::testing::TestWithParam<int> {};

TEST_P(UnengagedRule, SuppressesAfterNDeliveriesInARowWithoutEngagement) {
  const int n = GetParam();
  SuppressionList list(SuppressionRules{false, false, n}, 3);
  for (int i = 1; i < n; ++i) {
    list.delivered(1, false);
    EXPECT_FALSE(list.suppressed(1)) << "after " << i;
  }
  list.delivered(1, false);
  EXPECT_TRUE(list.suppressed(1));
  list.delivered(1, true);  // mail queued before the mark: it stays suppressed
  EXPECT_TRUE(list.suppressed(1));
  EXPECT_FALSE(list.suppressed(0));
  EXPECT_FALSE(list.suppressed(2));
}

TEST_P(UnengagedRule, AnEngagedDeliveryRestartsTheCount) {
  const int n = GetParam();
  SuppressionList list(SuppressionRules{false, false, n}, 1);
  for (int round = 0; round < 3; ++round) {
    for (int i = 1; i < n; ++i) list.delivered(0, false);
    list.delivered(0, true);
  }
  EXPECT_FALSE(list.suppressed(0));
  for (int i = 0; i < n; ++i) list.delivered(0, false);
  EXPECT_TRUE(list.suppressed(0));
}

INSTANTIATE_TEST_SUITE_P(Counts, UnengagedRule, ::testing::Values(1, 2, 10, kMaxUnengagedSends));

}  // namespace
}  // namespace delivsim
