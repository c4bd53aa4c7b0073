// The receiver with Microsoft's profile: over 5,000 a day without DMARC (or SPF, DKIM, alignment) a domain's
// mail is rejected with 550 5.7.515 at once, with no temporary phase; below it, and for SPF or DKIM alone,
// nothing is enforced (Microsoft's high-volume sender requirements, domain-facts-wave2 1.2).
#include <gtest/gtest.h>

#include "models/receiver.h"
#include "tests/models/identity_setups.h"

namespace delivsim {
namespace {

/// Microsoft's parameters without the draws that would hide the authentication rules.
ReceiverParams microsoft_params() {
  ReceiverParams params = ReceiverParams::microsoft();
  params.transient_fault_share = 0;
  params.high_tier_defer_share = params.medium_tier_defer_share = 0;
  params.quota_enabled = false;
  return params;
}

InboundMessage without_dmarc(std::size_t recipient) {
  InboundMessage m;
  m.ids = MessageIdentities{0, 1, 2};
  m.recipient = recipient;
  m.dmarc = false;
  return m;
}

TEST(MicrosoftReceiver, RejectsABulkSenderWithoutDmarcAtOnce) {
  // A warm domain sending 50,000 a day was a bulk sender before the run.
  Receiver receiver(microsoft_params(), ReplyCatalog::microsoft(), one_ip_one_domain(true, 50000));
  ASSERT_TRUE(receiver.bulk_sender(1));
  RandomEngine engine(1);
  const Verdict verdict = receiver.receive(without_dmarc(0), Duration(0), engine);
  EXPECT_EQ(verdict.reply, ReplyKind::RejectedDmarc);
  EXPECT_EQ(receiver.catalog().info(verdict.reply).key, "550 5.7.515");
  EXPECT_EQ(verdict.named_identity, 1u);  // the From: (DKIM) domain
}

TEST(MicrosoftReceiver, TheRejectionsStartAtThe5000thAcceptedMessageOfADay) {
  Receiver receiver(microsoft_params(), ReplyCatalog::microsoft(), one_ip_one_domain(true, 4000));
  RandomEngine engine(1);
  for (std::size_t r = 0; r < 5000; ++r) {
    ASSERT_EQ(receiver.receive(without_dmarc(r), kHour, engine).reply, ReplyKind::Accepted) << r;
  }
  EXPECT_TRUE(receiver.bulk_sender(1));
  EXPECT_EQ(receiver.receive(without_dmarc(5000), kHour, engine).reply, ReplyKind::RejectedDmarc);
}

TEST(MicrosoftReceiver, NoSpfOrDkimRequirementBelowTheBulkThreshold) {
  Receiver receiver(microsoft_params(), ReplyCatalog::microsoft(), one_ip_one_domain(true, 1000));
  RandomEngine engine(1);
  InboundMessage m = without_dmarc(0);
  m.spf_pass = m.dkim_pass = m.aligned = false;
  EXPECT_EQ(receiver.receive(m, Duration(0), engine).reply, ReplyKind::Accepted);  // Gmail: 421 4.7.26
}

}  // namespace
}  // namespace delivsim
