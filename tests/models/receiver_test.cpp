// Receiver decisions: connection cap, unknown users, quota (421 4.7.28 naming the identity), faults,
// LOW/BAD rate limiting hardening into 550 5.7.1, and the generic profile.
#include "models/receiver.h"

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
  Receiver receiver(without_faults(ReceiverParams::gmail()), ReplyCatalog::gmail(),
                    one_ip_one_domain(false, 0), 1000);
  RandomEngine engine(1);
  InboundMessage unknown = message(0);
  unknown.unknown_user = true;
  for (int i = 0; i < 500; ++i)
    EXPECT_EQ(receiver.receive(unknown, Duration(0), engine).reply, ReplyKind::UnknownUser);
  EXPECT_TRUE(receiver.identity(0).has_quota(Duration(0)));
}

TEST(Receiver, OverQuotaTheReplyIs4728NamingTheIdentityThatRanOut) {
  Receiver receiver(without_faults(ReceiverParams::gmail()), ReplyCatalog::gmail(),
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

TEST(Receiver, HammeringABadIdentityHardensInto550_571) {
  ReceiverParams params = without_faults(ReceiverParams::gmail());
  params.new_identity_score = 0.1;  // BAD from the start
  params.bad_tier_defer_share = 1.0;
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

TEST(Receiver, InboxPlacementFollowsTheTierShare) {
  Receiver receiver(without_faults(ReceiverParams::gmail()), ReplyCatalog::gmail(),
                    one_ip_one_domain(true, 1e6), 100000);
  RandomEngine engine(5);
  int inbox = 0;
  for (std::size_t r = 0; r < 20000; ++r) inbox += receiver.receive(message(r), Duration(0), engine).inbox;
  EXPECT_NEAR(inbox / 20000.0, ReceiverParams::gmail().inbox_share_high, 0.005);
}

TEST(Receiver, GenericProfileAcceptsAnyVolume) {
  Receiver receiver(ReceiverParams::generic(), ReplyCatalog::generic(), one_ip_one_domain(false, 0), 100000);
  RandomEngine engine(1);
  for (std::size_t r = 0; r < 50000; ++r) {
    ASSERT_EQ(receiver.receive(message(r), Duration(0), engine).reply, ReplyKind::Accepted);
  }
}

}  // namespace
}  // namespace delivsim
