// The receiver judges in SMTP step order: a provider that refuses the sender at MAIL FROM never sees the
// recipient (no unknown-user reply, no unknown-user signal), one that judges the recipient at RCPT TO answers
// it before any end-of-DATA refusal.
#include <gtest/gtest.h>

#include "models/receiver.h"
#include "tests/models/identity_setups.h"

namespace delivsim {
namespace {

InboundMessage message(std::size_t recipient, bool unknown_user = false) {
  InboundMessage m;
  m.ids = MessageIdentities{0, 1, 2};
  m.recipient = recipient;
  m.unknown_user = unknown_user;
  return m;
}

/// The profile's parameters without faults and reputation deferrals, so that only the rules under test act.
ReceiverParams without_draws(ReceiverParams params) {
  params.transient_fault_share = 0;
  params.high_tier_defer_share = params.medium_tier_defer_share = 0;
  return params;
}

struct QuotaAtMailFrom {
  const char* name;
  ReceiverParams (*params)();
  ReplyCatalog (*catalog)();
};

/// Yahoo ([TSS04]) and Microsoft (RP-001) answer an exhausted quota at MAIL FROM.
class QuotaAtMailFromTest : public testing::TestWithParam<QuotaAtMailFrom> {};

TEST_P(QuotaAtMailFromTest, AnUnknownRecipientOfASenderOverQuotaIsDeferredAndCostsNothing) {
  const ReceiverParams params = without_draws(GetParam().params());
  const ReplyCatalog catalog = GetParam().catalog();
  ASSERT_EQ(catalog.info(ReplyKind::QuotaExceeded).step, SmtpStep::MailFrom);
  ASSERT_GT(catalog.info(ReplyKind::UnknownUser).step, SmtpStep::MailFrom);
  // Twin receivers: both exhaust their quota, then one is offered unknown recipients, the other known ones.
  Receiver unknown(params, catalog, one_ip_one_domain(false, 0));
  Receiver known(params, catalog, one_ip_one_domain(false, 0));
  RandomEngine engine_unknown(1), engine_known(1);
  for (std::size_t r = 0; r < 83; ++r) {  // one hour of a new identity's 2,000/day quota
    ASSERT_EQ(unknown.receive(message(r), Duration(0), engine_unknown).reply, ReplyKind::Accepted) << r;
    ASSERT_EQ(known.receive(message(r), Duration(0), engine_known).reply, ReplyKind::Accepted) << r;
  }
  for (std::size_t r = 100; r < 140; ++r) {
    const Verdict verdict = unknown.receive(message(r, true), Duration(0), engine_unknown);
    EXPECT_EQ(verdict.reply, ReplyKind::QuotaExceeded) << r;
    EXPECT_EQ(known.receive(message(r), Duration(0), engine_known).reply, ReplyKind::QuotaExceeded) << r;
  }
  // After the next update no unknown-user penalty separates the two: the recipients were never judged.
  unknown.advance(kHour);
  known.advance(kHour);
  for (std::uint32_t id = 0; id < 3; ++id)
    EXPECT_DOUBLE_EQ(unknown.identity(id).last_target(), known.identity(id).last_target()) << id;
}

INSTANTIATE_TEST_SUITE_P(
    Providers, QuotaAtMailFromTest,
    testing::Values(QuotaAtMailFrom{"yahoo", &ReceiverParams::yahoo, &ReplyCatalog::yahoo},
                    QuotaAtMailFrom{"microsoft", &ReceiverParams::microsoft, &ReplyCatalog::microsoft}),
    [](const testing::TestParamInfo<QuotaAtMailFrom>& info) { return info.param.name; });

TEST(ReceiverStepOrder, AYahooQuotaDeferralNamesTss04) {
  Receiver receiver(without_draws(ReceiverParams::yahoo()), ReplyCatalog::yahoo(),
                    one_ip_one_domain(false, 0));
  RandomEngine engine(1);
  Verdict verdict;
  for (std::size_t r = 0; r < 100 && verdict.reply == ReplyKind::Accepted; ++r)
    verdict = receiver.receive(message(r, r >= 83), Duration(0), engine);
  EXPECT_EQ(receiver.catalog().info(verdict.reply).key, "421 4.7.0 [TSS04]");
}

/// Gmail's parameters with a low-scored new identity deferred at every tier below HIGH, hardening into a
/// 550 5.7.1 block after 50 deferrals in an hour.
ReceiverParams hammered_gmail_params() {
  ReceiverParams params = ReceiverParams::gmail();
  params.transient_fault_share = 0;
  params.new_identity_score = 0.1;
  params.bad_tier_defer_share = params.low_tier_defer_share = params.medium_tier_defer_share = 1.0;
  params.block_deferrals_per_hour = 50;
  return params;
}

/// Hammers the receiver's one IP (hammered_gmail_params) into a block within the first minute.
void hammer_into_block(Receiver& receiver, RandomEngine& engine) {
  for (std::size_t r = 0; r < 51; ++r) receiver.receive(message(r), Duration(r), engine);
}

TEST(ReceiverStepOrder, GmailAnswersAnUnknownRecipientAtRcptToBeforeItsBlock) {
  ASSERT_EQ(ReplyCatalog::gmail().info(ReplyKind::Blocked).step, SmtpStep::EndOfData);
  ASSERT_EQ(ReplyCatalog::gmail().info(ReplyKind::UnknownUser).step, SmtpStep::RcptTo);
  Receiver receiver(hammered_gmail_params(), ReplyCatalog::gmail(), one_ip_one_domain(false, 0));
  RandomEngine engine(1);
  hammer_into_block(receiver, engine);
  ASSERT_GT(receiver.identity(0).blocked_until(), Duration(100));
  EXPECT_EQ(receiver.receive(message(60, true), Duration(100), engine).reply, ReplyKind::UnknownUser);
  EXPECT_EQ(receiver.receive(message(61), Duration(100), engine).reply, ReplyKind::Blocked);
}

// A blocked sender's unknown users are answered at RCPT TO and its known recipients refused at the end of
// DATA: both count among the recipients the unknown-user share is over, so one unknown user in ten costs
// what 10% costs, not what 100% would.
TEST(ReceiverStepOrder, ABlockedSendersRefusedRecipientsDiluteItsUnknownUserShare) {
  const ReceiverParams params = hammered_gmail_params();
  Receiver receiver(params, ReplyCatalog::gmail(), one_ip_one_domain(false, 0));
  RandomEngine engine(1);
  hammer_into_block(receiver, engine);
  ASSERT_GT(receiver.identity(0).blocked_until(), params.reputation_update_interval * 2);
  for (std::size_t r = 100; r < 200; ++r)
    receiver.receive(message(r, r % 10 == 0), params.reputation_update_interval / 2, engine);
  receiver.advance(params.reputation_update_interval);
  const double share_cut = params.unknown_user_penalty_slope * (0.1 - params.unknown_user_tolerance);
  const double all_unknown_cut = params.unknown_user_penalty_slope * (1.0 - params.unknown_user_tolerance);
  EXPECT_GT(receiver.identity(0).last_target(), 1.0 - params.engagement_bonus_max - share_cut - 0.5)
      << "a 10% unknown-user share, not 100% (a cut of " << all_unknown_cut << ")";
}

TEST(ReceiverStepOrder, TheGenericProfileGreylistsAtRcptToBeforeItsBlock) {
  ReceiverParams params = ReceiverParams::generic();
  params.greylist_enabled = true;
  // Hammered at BAD, the IP hardens into a 550 5.7.1 block (end of DATA in the generic catalog).
  params.new_identity_score = 0.1;
  params.bad_tier_defer_share = 1.0;
  // Fewer greylist passes than auto_whitelist_after (5), which would whitelist the client.
  params.block_deferrals_per_hour = 2;
  Receiver receiver(params, ReplyCatalog::generic(), one_ip_one_domain(false, 0));
  RandomEngine engine(1);
  EXPECT_EQ(receiver.receive(message(0), Duration(0), engine).reply, ReplyKind::Greylisted);
  const Duration passed = params.greylist_delay;  // recipient 0's triplet passes from here on
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(receiver.receive(message(0), passed + Duration(i), engine).reply, ReplyKind::LowReputation)
        << i;
  ASSERT_GT(receiver.identity(0).blocked_until(), passed + Duration(100));
  // A first contact is greylisted at RCPT TO, before the block; a known triplet meets the block.
  EXPECT_EQ(receiver.receive(message(4), passed + Duration(100), engine).reply, ReplyKind::Greylisted);
  EXPECT_EQ(receiver.receive(message(0), passed + Duration(101), engine).reply, ReplyKind::Blocked);
}

}  // namespace
}  // namespace delivsim
