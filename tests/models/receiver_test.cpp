// Receiver decisions: connection caps (per IP, per sender), unknown users, quota (421 4.7.28 naming the
// identity), faults, LOW/BAD rate limiting hardening into 550 5.7.1, placement and 421 4.7.0 graduated in the
// combined score, and the generic profile.
#include "models/receiver.h"

#include "models/reputation_effects.h"
#include "tests/models/identity_setups.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

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
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(true, 10000));
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::TooManyConnections);
  receiver.disconnect(0);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
}

/// Microsoft's cap (500 published) counts the sender's connections over all its IPs; each IP below its own
/// cap.
TEST(Receiver, ConnectionsBeyondTheSenderCapGetTooManyConnectionsWhateverTheIp) {
  ReceiverParams params = without_faults(ReceiverParams::microsoft());
  params.max_connections_per_ip = 2;
  params.max_connections_per_sender = 3;
  const std::vector<Receiver::IdentitySetup> two_ips{
      {IdentityKind::Ip, true, 0}, {IdentityKind::Ip, true, 0}, {IdentityKind::Dkim, true, 0}};
  Receiver receiver(params, ReplyCatalog::microsoft(), two_ips);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(1, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(1, Duration(0)), ReplyKind::TooManyConnections);  // IP 1 has 1 of its 2
  EXPECT_EQ(receiver.identity(1).deferrals_this_interval(), 1);                // a deferral signal for IP 1
  receiver.disconnect(0);
  EXPECT_EQ(receiver.connect(1, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::TooManyConnections);
}

TEST(Receiver, ASenderCapOfZeroIsNoCap) {
  ReceiverParams params = without_faults(ReceiverParams::gmail());
  ASSERT_EQ(params.max_connections_per_sender, 0);
  params.max_connections_per_ip = 100;
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(true, 10000));
  for (int i = 0; i < 100; ++i) ASSERT_EQ(receiver.connect(0, Duration(0)), ReplyKind::Accepted);
  EXPECT_EQ(receiver.connect(0, Duration(0)), ReplyKind::TooManyConnections);  // the per-IP cap still holds
}

/// A Yahoo receiver that has accepted `trap_hits` spam-trap hits from IP 0 at time 0 (no other signal).
struct TrapHits {
  explicit TrapHits(int trap_hits, ReceiverParams params = ReceiverParams::yahoo(),
                    ReplyCatalog catalog = ReplyCatalog::yahoo())
      : receiver(without_reputation_deferrals(params), std::move(catalog), one_ip_one_domain(false, 0)) {
    RandomEngine engine(1);
    for (int r = 0; r < trap_hits; ++r) {
      InboundMessage trap = message(static_cast<std::size_t>(r));
      trap.spam_trap = true;
      EXPECT_EQ(receiver.receive(trap, Duration(0), engine).reply, ReplyKind::Accepted);
    }
  }
  Receiver receiver;
};

TEST(Receiver, TrapHitsPutTheIpOnTheBlockListAtTheGreeting) {
  const ReceiverParams params = ReceiverParams::yahoo();
  TrapHits hits(10);
  // The hits count once the hourly update has folded them in.
  EXPECT_EQ(hits.receiver.connect(0, Duration(0)), ReplyKind::Accepted);
  hits.receiver.disconnect(0);
  EXPECT_EQ(hits.receiver.connect(0, kHour), ReplyKind::Blocklisted);
  EXPECT_EQ(hits.receiver.listed_until(0), kHour + params.blocklist_duration);
  EXPECT_EQ(hits.receiver.connect(0, kHour + params.blocklist_duration - Duration(1)),
            ReplyKind::Blocklisted);
  // 48 h later the 10 hits have decayed below 5 (10 e^-2 = 1.4): delisted, and not listed again.
  EXPECT_EQ(hits.receiver.connect(0, kHour + params.blocklist_duration), ReplyKind::Accepted);
}

TEST(Receiver, FewerTrapHitsThanTheThresholdListNothing) {
  TrapHits hits(4);  // blocklist_trap_hits is 5
  EXPECT_EQ(hits.receiver.connect(0, kHour), ReplyKind::Accepted);
  EXPECT_EQ(hits.receiver.listed_until(0), Duration(0));
}

TEST(Receiver, StillTrappedAtTheEndOfAListingTheIpIsListedAgain) {
  ReceiverParams params = ReceiverParams::yahoo();
  params.blocklist_duration = std::chrono::hours(2);
  TrapHits hits(10, params);
  EXPECT_EQ(hits.receiver.connect(0, kHour), ReplyKind::Blocklisted);
  EXPECT_EQ(hits.receiver.connect(0, 3 * kHour), ReplyKind::Blocklisted);  // 10 e^(-2/24) hits remain
  EXPECT_EQ(hits.receiver.listed_until(0), 5 * kHour);
}

TEST(Receiver, NoBlockListWithoutItsReplyOrAtZeroHits) {
  // Gmail's catalog has no block-list reply, so Gmail never applies the mechanism.
  TrapHits gmail(10, ReceiverParams::yahoo(), ReplyCatalog::gmail());
  EXPECT_EQ(gmail.receiver.connect(0, kHour), ReplyKind::Accepted);
  ReceiverParams off = ReceiverParams::yahoo();
  off.blocklist_trap_hits = 0;
  TrapHits yahoo_off(10, off);
  EXPECT_EQ(yahoo_off.receiver.connect(0, kHour), ReplyKind::Accepted);
}

TEST(Receiver, UnknownUsersBounceWithoutUsingQuota) {
  Receiver receiver(without_reputation_deferrals(ReceiverParams::gmail()), ReplyCatalog::gmail(),
                    one_ip_one_domain(false, 0));
  RandomEngine engine(1);
  InboundMessage unknown = message(0);
  unknown.unknown_user = true;
  for (int i = 0; i < 500; ++i)
    EXPECT_EQ(receiver.receive(unknown, Duration(0), engine).reply, ReplyKind::UnknownUser);
  EXPECT_TRUE(receiver.identity(0).has_quota(Duration(0)));
}

TEST(Receiver, OverQuotaTheReplyIs4728NamingTheIdentityThatRanOut) {
  Receiver receiver(without_reputation_deferrals(ReceiverParams::gmail()), ReplyCatalog::gmail(),
                    one_ip_one_domain(false, 0));
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
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(true, 10000));
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
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(false, 0));
  RandomEngine engine(1);
  for (std::size_t r = 0; r < 51; ++r) {
    EXPECT_EQ(receiver.receive(message(r), Duration(r), engine).reply, ReplyKind::LowReputation);
  }
  const Verdict blocked = receiver.receive(message(60), Duration(100), engine);
  EXPECT_EQ(blocked.reply, ReplyKind::Blocked);
  EXPECT_EQ(receiver.identity(0).blocked_until(), Duration(50) + params.block_duration);
}

INSTANTIATE_TEST_SUITE_P(BadAndLow, HammeringHardens, testing::Values(0.1, 0.4));

/// A hammered LOW domain sending from a HIGH IP: Gmail blocks the domain, Yahoo (block_domains false) only
/// defers its mail ("we may defer mail from domains with a high complaint rate"; [TSS09] names the IP).
class HammeredLowDomain : public testing::TestWithParam<bool> {};

TEST_P(HammeredLowDomain, IsBlockedOnlyWhereTheProviderBlocksDomains) {
  ReceiverParams params = without_faults(ReceiverParams::gmail());
  params.block_domains = GetParam();
  params.new_identity_score = 0.4;       // the domains: LOW
  params.medium_tier_defer_share = 1.0;  // the combined score (0.58) is MEDIUM: every message deferred
  params.high_tier_defer_share = 1.0;
  params.block_deferrals_per_hour = 50;
  const std::vector<Receiver::IdentitySetup> warm_ip_new_domain{
      {IdentityKind::Ip, true, 10000}, {IdentityKind::Dkim, false, 0}, {IdentityKind::Spf, false, 0}};
  Receiver receiver(params, ReplyCatalog::gmail(), warm_ip_new_domain);
  ASSERT_EQ(receiver.identity(0).tier(), Tier::High);
  ASSERT_EQ(receiver.identity(1).tier(), Tier::Low);
  RandomEngine engine(1);
  for (std::size_t r = 0; r < 51; ++r) {
    EXPECT_EQ(receiver.receive(message(r), Duration(r), engine).reply, ReplyKind::LowReputation);
  }
  const Verdict next = receiver.receive(message(60), Duration(100), engine);
  EXPECT_EQ(receiver.identity(0).blocked_until(), Duration(0));  // a HIGH IP is never blocked
  if (GetParam()) {
    EXPECT_EQ(next.reply, ReplyKind::Blocked);
    EXPECT_EQ(next.named_identity, 1u);
    EXPECT_EQ(receiver.identity(1).blocked_until(), Duration(50) + params.block_duration);
  } else {
    EXPECT_EQ(next.reply, ReplyKind::LowReputation);
    EXPECT_EQ(receiver.identity(1).blocked_until(), Duration(0));
    EXPECT_EQ(receiver.identity(2).blocked_until(), Duration(0));
  }
}

INSTANTIATE_TEST_SUITE_P(GmailAndYahoo, HammeredLowDomain, testing::Bool());

TEST(Receiver, MediumIdentitiesAreNotBlockedHoweverHammered) {
  ReceiverParams params = without_faults(ReceiverParams::gmail());
  params.medium_tier_defer_share = 1.0;
  params.high_tier_defer_share = 1.0;
  params.block_deferrals_per_hour = 50;
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(false, 0));
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
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(false, 0));
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

/// Gmail without faults or reputation deferrals, with every failing message deferred while enforcement is
/// temporary.
ReceiverParams always_defer_failures() {
  ReceiverParams params = without_reputation_deferrals(ReceiverParams::gmail());
  params.auth_defer_share = 1.0;
  params.quota_enabled = false;
  return params;
}

TEST(Receiver, UnauthenticatedMailIsDeferredThenRejectedNamingTheSpfDomain) {
  ReceiverParams params = always_defer_failures();
  params.auth_reject_after = std::chrono::days(2);
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(false, 0));
  RandomEngine engine(1);
  InboundMessage m = message(0);
  m.spf_pass = m.dkim_pass = false;
  Verdict verdict = receiver.receive(m, kHour, engine);
  EXPECT_EQ(verdict.reply, ReplyKind::Unauthenticated);
  EXPECT_EQ(verdict.named_identity, 2u);  // the text quotes the SPF domain
  EXPECT_EQ(receiver.receive(m, kHour + std::chrono::days(2) - Duration(1), engine).reply,
            ReplyKind::Unauthenticated);
  // Two days after the domain first failed, the temporary failures turn into rejections.
  verdict = receiver.receive(m, kHour + std::chrono::days(2), engine);
  EXPECT_EQ(verdict.reply, ReplyKind::RejectedUnauthenticated);
  EXPECT_EQ(verdict.named_identity, 2u);
}

TEST(Receiver, OneOfSpfOrDkimIsEnoughForASenderBelowTheBulkThreshold) {
  Receiver receiver(always_defer_failures(), ReplyCatalog::gmail(), one_ip_one_domain(true, 4000));
  RandomEngine engine(1);
  InboundMessage m = message(0);
  m.dkim_pass = m.dmarc = m.aligned = false;
  EXPECT_FALSE(receiver.bulk_sender(1));
  EXPECT_EQ(receiver.receive(m, Duration(0), engine).reply, ReplyKind::Accepted);
}

/// One failed bulk-sender requirement and the replies it gets: temporary, then rejected.
struct BulkFailure {
  void (*spoil)(InboundMessage&);
  ReplyKind deferral, rejection;
  std::uint32_t named;  ///< 1: the DKIM (From:) domain, 2: the SPF domain
};

class BulkSenderRequirementTest : public ::testing::TestWithParam<BulkFailure> {};

TEST_P(BulkSenderRequirementTest, DeferredThenRejected) {
  ReceiverParams params = always_defer_failures();
  params.auth_reject_after = std::chrono::days(1);
  // A warm domain sending 50,000 a day was a bulk sender before the run.
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(true, 50000));
  ASSERT_TRUE(receiver.bulk_sender(1));
  RandomEngine engine(1);
  InboundMessage m = message(0);
  GetParam().spoil(m);
  Verdict verdict = receiver.receive(m, Duration(0), engine);
  EXPECT_EQ(verdict.reply, GetParam().deferral);
  EXPECT_EQ(verdict.named_identity, GetParam().named);
  verdict = receiver.receive(m, std::chrono::days(1), engine);
  EXPECT_EQ(verdict.reply, GetParam().rejection);
  EXPECT_EQ(verdict.named_identity, GetParam().named);
}

INSTANTIATE_TEST_SUITE_P(Requirements, BulkSenderRequirementTest,
                         ::testing::Values(BulkFailure{[](InboundMessage& m) { m.spf_pass = false; },
                                                       ReplyKind::SpfRequired, ReplyKind::RejectedSpf, 2},
                                           BulkFailure{[](InboundMessage& m) { m.dkim_pass = false; },
                                                       ReplyKind::DkimRequired, ReplyKind::RejectedDkim, 1},
                                           BulkFailure{[](InboundMessage& m) { m.dmarc = false; },
                                                       ReplyKind::DmarcRequired, ReplyKind::RejectedDmarc, 1},
                                           BulkFailure{[](InboundMessage& m) { m.aligned = false; },
                                                       ReplyKind::NotAligned, ReplyKind::RejectedNotAligned,
                                                       1}));

TEST(Receiver, ADomainBecomesABulkSenderAt5000AcceptedADayAndTheBulkRulesApplyFromThen) {
  Receiver receiver(always_defer_failures(), ReplyCatalog::gmail(), one_ip_one_domain(true, 4000));
  RandomEngine engine(1);
  InboundMessage no_dmarc = message(0);
  no_dmarc.dmarc = false;
  for (std::size_t r = 0; r < 4999; ++r) {
    InboundMessage m = no_dmarc;
    m.recipient = r;
    ASSERT_EQ(receiver.receive(m, kHour, engine).reply, ReplyKind::Accepted);
  }
  EXPECT_FALSE(receiver.bulk_sender(1));
  no_dmarc.recipient = 4999;
  EXPECT_EQ(receiver.receive(no_dmarc, kHour, engine).reply, ReplyKind::Accepted);  // the 5,000th
  EXPECT_TRUE(receiver.bulk_sender(1));
  no_dmarc.recipient = 5000;
  EXPECT_EQ(receiver.receive(no_dmarc, kHour, engine).reply, ReplyKind::DmarcRequired);
}

TEST(Receiver, SomeFailingMailGetsThroughWhileEnforcementIsTemporary) {
  ReceiverParams params = always_defer_failures();
  params.auth_defer_share = 0.5;
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(true, 50000));
  RandomEngine engine(1);
  int deferred = 0;
  for (std::size_t r = 0; r < 2000; ++r) {
    InboundMessage m = message(r);
    m.dkim_pass = false;
    const ReplyKind reply = receiver.receive(m, Duration(0), engine).reply;
    ASSERT_TRUE(reply == ReplyKind::DkimRequired || reply == ReplyKind::Accepted);
    deferred += reply == ReplyKind::DkimRequired;
  }
  EXPECT_NEAR(deferred / 2000.0, 0.5, 0.05);
}

/// Identities of two domains sending through one IP: IP 0; domain A as DKIM 1, SPF 2; domain B as DKIM 3,
/// SPF 4.
std::vector<Receiver::IdentitySetup> one_ip_two_domains(bool warm_ip, bool warm_a) {
  return {{IdentityKind::Ip, warm_ip, warm_ip ? 50000.0 : 0.0},
          {IdentityKind::Dkim, warm_a, warm_a ? 50000.0 : 0.0},
          {IdentityKind::Spf, warm_a, warm_a ? 50000.0 : 0.0},
          {IdentityKind::Dkim, true, 50000},
          {IdentityKind::Spf, true, 50000}};
}

InboundMessage from_domain(bool a, std::size_t recipient) {
  InboundMessage m = message(recipient);
  m.ids = a ? MessageIdentities{0, 1, 2} : MessageIdentities{0, 3, 4};
  return m;
}

TEST(Receiver, ADomainsQuotaIsItsOwnAndOtherDomainsOnTheIpStillSend) {
  // Google: "DKIM and SPF quotas are specific to your domain. If you hit the limit, other domains that send
  // from the same IP may not be affected."
  Receiver receiver(without_reputation_deferrals(ReceiverParams::gmail()), ReplyCatalog::gmail(),
                    one_ip_two_domains(true, false));
  RandomEngine engine(1);
  std::size_t recipient = 0;
  int accepted_a = 0;
  Verdict verdict;
  for (; recipient < 200; ++recipient) {
    verdict = receiver.receive(from_domain(true, recipient), Duration(0), engine);
    if (verdict.reply != ReplyKind::Accepted) break;
    ++accepted_a;
  }
  EXPECT_EQ(accepted_a, 83);  // domain A is new: one hour of 2,000/day
  EXPECT_EQ(verdict.reply, ReplyKind::QuotaExceeded);
  EXPECT_EQ(verdict.named_identity, 1u);  // A's DKIM domain, not the IP
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(receiver.receive(from_domain(false, ++recipient), Duration(0), engine).reply,
              ReplyKind::Accepted);
    ASSERT_EQ(receiver.receive(from_domain(true, ++recipient), Duration(0), engine).named_identity, 1u);
  }
}

TEST(Receiver, TheIpQuotaIsSharedByEveryDomainOnTheIp) {
  // Google: "The IP address quota is shared for all senders that use that IP address. When the IP address
  // hits its quota, all domains that send from that IP address stop sending emails."
  Receiver receiver(without_reputation_deferrals(ReceiverParams::gmail()), ReplyCatalog::gmail(),
                    one_ip_two_domains(false, true));
  RandomEngine engine(1);
  int accepted = 0;
  std::size_t recipient = 0;
  for (; recipient < 200; ++recipient) {
    if (receiver.receive(from_domain(recipient % 2 == 0, recipient), Duration(0), engine).reply !=
        ReplyKind::Accepted)
      break;
    ++accepted;
  }
  EXPECT_EQ(accepted, 83);  // the new IP's one hour of 2,000/day, shared by A and B
  for (bool a : {true, false}) {
    const Verdict verdict = receiver.receive(from_domain(a, ++recipient), Duration(0), engine);
    EXPECT_EQ(verdict.reply, ReplyKind::QuotaExceeded);
    EXPECT_EQ(verdict.named_identity, 0u);
  }
}

TEST(Receiver, GenericProfileAcceptsAnyVolume) {
  Receiver receiver(ReceiverParams::generic(), ReplyCatalog::generic(), one_ip_one_domain(false, 0));
  RandomEngine engine(1);
  for (std::size_t r = 0; r < 50000; ++r) {
    ASSERT_EQ(receiver.receive(message(r), Duration(0), engine).reply, ReplyKind::Accepted);
  }
}

TEST(Receiver, GenericProfileEnforcesNoAuthentication) {
  Receiver receiver(ReceiverParams::generic(), ReplyCatalog::generic(), one_ip_one_domain(true, 50000));
  RandomEngine engine(1);
  InboundMessage m = message(0);
  m.spf_pass = m.dkim_pass = m.dmarc = m.aligned = false;
  EXPECT_EQ(receiver.receive(m, std::chrono::days(30), engine).reply, ReplyKind::Accepted);
}

}  // namespace
}  // namespace delivsim

namespace delivsim {
namespace {

TEST(Receiver, AtItsMessageLimitAConnectionIsAnsweredOrClosed) {
  ReceiverParams params = ReceiverParams::generic();
  params.max_messages_per_connection = 3;
  const Receiver replying(params, ReplyCatalog::generic(), one_ip_one_domain(true, 0));
  EXPECT_EQ(replying.message_limit_turn(2), MessageLimitTurn::Continue);
  EXPECT_EQ(replying.message_limit_turn(3), MessageLimitTurn::Reply);
  params.close_silently_at_message_limit = true;
  const Receiver silent(params, ReplyCatalog::generic(), one_ip_one_domain(true, 0));
  EXPECT_EQ(silent.message_limit_turn(3), MessageLimitTurn::Close);
}

TEST(Receiver, AtItsMessageLimitTheReceiverAnswersTheMessageWithTheLimitReply) {
  ReceiverParams params = without_faults(ReceiverParams::generic());
  params.max_messages_per_connection = 3;
  Receiver receiver(params, ReplyCatalog::generic(), one_ip_one_domain(true, 0));
  RandomEngine engine(1);
  InboundMessage m = message(0);
  m.carried = 2;
  EXPECT_EQ(receiver.receive(m, Duration(0), engine).reply, ReplyKind::Accepted);
  m.carried = 3;
  const Verdict limit = receiver.receive(m, Duration(0), engine);
  EXPECT_EQ(limit.reply, ReplyKind::ConnectionMessageLimit);
  EXPECT_EQ(limit.named_identity, m.ids.ip);
  EXPECT_EQ(receiver.identity(m.ids.ip).deferrals_this_interval(), 0);  // no reputation signal
  // A silent close happens before the message is offered (message_limit_turn is Close): a message that
  // reaches the receiver is judged as usual.
  params.close_silently_at_message_limit = true;
  Receiver silent(params, ReplyCatalog::generic(), one_ip_one_domain(true, 0));
  EXPECT_EQ(silent.receive(m, Duration(0), engine).reply, ReplyKind::Accepted);
}

TEST(Receiver, NoMessageLimitWithoutTheParameterOrTheReply) {
  ReceiverParams params = ReceiverParams::gmail();
  const Receiver unlimited(ReceiverParams::generic(), ReplyCatalog::generic(), one_ip_one_domain(true, 0));
  EXPECT_EQ(unlimited.message_limit_turn(100000), MessageLimitTurn::Continue);  // 0: no limit
  params.max_messages_per_connection = 3;
  const Receiver gmail(params, ReplyCatalog::gmail(), one_ip_one_domain(true, 0));  // Gmail has no reply
  EXPECT_EQ(gmail.message_limit_turn(3), MessageLimitTurn::Continue);
}

TEST(Receiver, GreylistingDefersAFirstContactWithoutHurtingReputation) {
  ReceiverParams params = ReceiverParams::generic();
  params.greylist_enabled = true;
  Receiver receiver(params, ReplyCatalog::generic(), one_ip_one_domain(true, 0));
  RandomEngine engine(1);
  const Verdict first = receiver.receive(message(4), Duration(0), engine);
  EXPECT_EQ(first.reply, ReplyKind::Greylisted);
  EXPECT_EQ(receiver.receive(message(4), std::chrono::seconds(299), engine).reply, ReplyKind::Greylisted);
  EXPECT_EQ(receiver.receive(message(4), std::chrono::seconds(300), engine).reply, ReplyKind::Accepted);
  EXPECT_EQ(receiver.receive(message(5), std::chrono::seconds(300), engine).reply, ReplyKind::Greylisted);
  for (std::uint32_t id = 0; id < 3; ++id)
    EXPECT_EQ(receiver.identity(id).deferrals_this_interval(), 0) << id;
}

TEST(Receiver, GreylistingIsOffByDefault) {
  Receiver receiver(ReceiverParams::generic(), ReplyCatalog::generic(), one_ip_one_domain(true, 0));
  RandomEngine engine(1);
  EXPECT_EQ(receiver.receive(message(4), Duration(0), engine).reply, ReplyKind::Accepted);
}

}  // namespace
}  // namespace delivsim
