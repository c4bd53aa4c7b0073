// Receiver decisions: connection cap, unknown users, quota (421 4.7.28 naming the identity), faults,
// LOW/BAD rate limiting hardening into 550 5.7.1, placement and 421 4.7.0 graduated in the combined score,
// and the generic profile.
#include "models/receiver.h"

#include "models/reputation_effects.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

std::vector<Receiver::IdentitySetup> one_ip_one_domain(bool warm, double per_day) {
  return {{IdentityKind::Ip, warm, per_day},
          {IdentityKind::Dkim, warm, per_day},
          {IdentityKind::Spf, warm, per_day}};
}

InboundMessage message(std::size_t recipient) {
  InboundMessage m;
  m.ids = MessageIdentities{0, 1, 2};
  m.recipient = recipient;
  return m;
}

ReceiverParams without_faults(ReceiverParams params) {
  params.transient_fault_share = 0;
  return params;
}

/// Without faults and without the 421 4.7.0 share a MEDIUM or HIGH identity gets, for tests of other rules.
ReceiverParams without_reputation_deferrals(ReceiverParams params) {
  params.medium_tier_defer_share = 0;
  params.high_tier_defer_share = 0;
  return without_faults(params);
}

TEST(Receiver, ConnectionsBeyondTheCapGetTooManyConnections) {
  ReceiverParams params = without_faults(ReceiverParams::gmail());
  params.max_connections_per_ip = 2;
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(true, 10000), 10);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::TooManyConnections);
  receiver.disconnect(0);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
}

TEST(Receiver, UnknownUsersBounceWithoutUsingQuota) {
  Receiver receiver(without_reputation_deferrals(ReceiverParams::gmail()), ReplyCatalog::gmail(),
                    one_ip_one_domain(false, 0), 1000);
  RandomEngine engine(1);
  InboundMessage unknown = message(0);
  unknown.unknown_user = true;
  for (int i = 0; i < 500; ++i)
    EXPECT_EQ(receiver.receive(unknown, Duration(0), engine).reply, ReplyKind::UnknownUser);
  EXPECT_TRUE(receiver.identity(0).has_quota(Duration(0)));
}

TEST(Receiver, OverQuotaTheReplyIs4728NamingTheIdentityThatRanOut) {
  Receiver receiver(without_reputation_deferrals(ReceiverParams::gmail()), ReplyCatalog::gmail(),
                    one_ip_one_domain(false, 0), 1000);
  RandomEngine engine(1);
  int accepted = 0;
  Verdict verdict;
  for (std::size_t r = 0; r < 100; ++r) {
    verdict = receiver.receive(message(r), Duration(0), engine);
    if (verdict.reply != ReplyKind::Accepted) break;
    ++accepted;
  }
  EXPECT_EQ(accepted, 83);  // one hour of a 2,000/day quota
  EXPECT_EQ(verdict.reply, ReplyKind::QuotaExceeded);
  EXPECT_EQ(verdict.named_identity, 0u);  // the IP is checked first
  // An hour later the bucket has refilled by 83.3 messages.
  EXPECT_EQ(receiver.receive(message(200), kHour, engine).reply, ReplyKind::Accepted);
}

TEST(Receiver, EveryMessageIsAFaultAtFaultShareOne) {
  ReceiverParams params = ReceiverParams::gmail();
  params.transient_fault_share = 1.0;
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(true, 10000), 10);
  RandomEngine engine(1);
  EXPECT_EQ(receiver.receive(message(0), Duration(0), engine).reply, ReplyKind::TransientFault);
}

/// Starting score of an identity hammered with 421 4.7.0: BAD and LOW both harden into a block.
class HammeringHardens : public testing::TestWithParam<double> {};

TEST_P(HammeringHardens, Into550_571AtLowOrBad) {
  ReceiverParams params = without_faults(ReceiverParams::gmail());
  params.new_identity_score = GetParam();
  params.bad_tier_defer_share = 1.0;
  params.low_tier_defer_share = 1.0;
  params.medium_tier_defer_share = 1.0;
  params.block_deferrals_per_hour = 50;
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(false, 0), 1000);
  RandomEngine engine(1);
  for (std::size_t r = 0; r < 51; ++r) {
    EXPECT_EQ(receiver.receive(message(r), Duration(r), engine).reply, ReplyKind::LowReputation);
  }
  const Verdict blocked = receiver.receive(message(60), Duration(100), engine);
  EXPECT_EQ(blocked.reply, ReplyKind::Blocked);
  EXPECT_EQ(receiver.identity(0).blocked_until(), Duration(50) + params.block_duration);
}

INSTANTIATE_TEST_SUITE_P(BadAndLow, HammeringHardens, testing::Values(0.1, 0.4));

TEST(Receiver, MediumIdentitiesAreNotBlockedHoweverHammered) {
  ReceiverParams params = without_faults(ReceiverParams::gmail());
  params.medium_tier_defer_share = 1.0;
  params.high_tier_defer_share = 1.0;
  params.block_deferrals_per_hour = 50;
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(false, 0), 1000);
  RandomEngine engine(1);
  for (std::size_t r = 0; r < 200; ++r) {
    EXPECT_EQ(receiver.receive(message(r), Duration(r), engine).reply, ReplyKind::LowReputation);
  }
}

/// A starting score for all three identities; placement and 421 4.7.0 follow the graduated curves.
class PlacementAtScore : public testing::TestWithParam<double> {};

TEST_P(PlacementAtScore, InboxAndDeferralSharesFollowTheCombinedScore) {
  ReceiverParams params = without_faults(ReceiverParams::gmail());
  params.quota_enabled = false;
  params.block_deferrals_per_hour = 1e18;  // placement, not blocks
  params.new_identity_score = GetParam();
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(false, 0), 100000);
  RandomEngine engine(5);
  const int n = 90000;
  int deferred = 0, accepted = 0, inbox = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const Verdict verdict = receiver.receive(message(r), Duration(0), engine);
    deferred += verdict.reply == ReplyKind::LowReputation;
    if (verdict.reply == ReplyKind::Accepted) {
      ++accepted;
      inbox += verdict.inbox;
    }
  }
  EXPECT_NEAR(static_cast<double>(deferred) / n, reputation_defer_share(GetParam(), params), 0.008);
  EXPECT_NEAR(static_cast<double>(inbox) / accepted, inbox_share(GetParam(), params), 0.008);
}

INSTANTIATE_TEST_SUITE_P(AcrossTiers, PlacementAtScore, testing::Values(0.2, 0.45, 0.6, 0.85, 0.95));

TEST(Receiver, GenericProfileAcceptsAnyVolume) {
  Receiver receiver(ReceiverParams::generic(), ReplyCatalog::generic(), one_ip_one_domain(false, 0), 100000);
  RandomEngine engine(1);
  for (std::size_t r = 0; r < 50000; ++r) {
    ASSERT_EQ(receiver.receive(message(r), Duration(0), engine).reply, ReplyKind::Accepted);
  }
}

}  // namespace
}  // namespace delivsim
