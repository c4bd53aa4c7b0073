// Microsoft's (Outlook.com) reply catalog: every reply's key, SMTP step and one-line text, pinned against
// domain-facts-wave2 1.2 (the row each text comes from is named per case), its text variants, and the
// mechanisms it leaves out.
#include <gtest/gtest.h>

#include "models/auth_requirements.h"
#include "models/reply_catalog.h"

namespace delivsim {
namespace {

constexpr const char* kIp = "192.0.2.5";
constexpr const char* kDomain = "news.example";

std::string one_line(const ReplyCatalog& catalog, ReplyKind kind) {
  return catalog.one_line(kind, IdentityKind::Dkim, kDomain, kIp);
}

struct MicrosoftReply {
  ReplyKind kind;
  const char* key;
  SmtpStep step;
  const char* one_line;  ///< as received, with {ip} = 192.0.2.5 and {id} = news.example
};

class MicrosoftReplyTest : public ::testing::TestWithParam<MicrosoftReply> {};

TEST_P(MicrosoftReplyTest, KeyStepAndText) {
  const MicrosoftReply& expected = GetParam();
  const ReplyCatalog catalog = ReplyCatalog::microsoft();
  const ReplyInfo& info = catalog.info(expected.kind);
  EXPECT_TRUE(info.used);
  EXPECT_EQ(info.key, expected.key);
  EXPECT_EQ(info.step, expected.step) << smtp_step_name(info.step);
  EXPECT_EQ(one_line(catalog, expected.kind), expected.one_line);
  EXPECT_EQ(info.closes_connection, info.basic_code == 421);
}

constexpr const char* kAuthLevel =
    "550 5.7.515 Access denied, sending domain [news.example] does not meet the required authentication "
    "level.";

INSTANTIATE_TEST_SUITE_P(
    EveryReply, MicrosoftReplyTest,
    ::testing::Values(
        // Delivery responses of hotmail-com.olc.protection.outlook.com (SendGrid, Postal logs), message ID,
        // host and figures left out.
        MicrosoftReply{ReplyKind::Accepted, "250 2.6.0", SmtpStep::EndOfData,
                       "250 2.6.0 Queued mail for delivery -> 250 2.1.5"},
        // 1.2 "421 RP-001 as received (MAIL FROM, 2012)", https://pastebin.com/dW4JrGn7
        MicrosoftReply{ReplyKind::QuotaExceeded, "421 RP-001", SmtpStep::MailFrom,
                       "421 RP-001 (SNT0-MC2-F19) Unfortunately, some messages from 192.0.2.5 weren't sent. "
                       "Please try again. We have limits for how many messages can be sent per hour and per "
                       "day. You can also refer to http://mail.live.com/mail/troubleshooting.aspx#errors."},
        // 1.2 "421 RP-002" (Microsoft's troubleshooting page); step assumed
        MicrosoftReply{ReplyKind::ConnectionMessageLimit, "421 RP-002", SmtpStep::MailFrom,
                       "421 RP-002 The mail server IP connecting to Outlook.com server has exceeded the rate "
                       "limit allowed on this connection. Reason for rate limitation is related to "
                       "IP/domain reputation."},
        // 1.2 "421 RP-003" (Microsoft's troubleshooting page); step assumed
        MicrosoftReply{ReplyKind::TooManyConnections, "421 RP-003", SmtpStep::Greeting,
                       "421 RP-003 The mail server IP connecting to Outlook.com server has exceeded the "
                       "connection limit allowed. Reason for limitation is related to IP/domain reputation."},
        // 1.2 "451 4.7.650 (MAIL FROM)", the 2026 form (directadmin forum)
        MicrosoftReply{ReplyKind::LowReputation, "451 4.7.650", SmtpStep::MailFrom,
                       "451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP "
                       "reputation. For e-mail delivery information, see https://aka.ms/postmaster (S775)"},
        // 1.2 "451 4.7.500 (RCPT TO)" (sisimai `microsoft`)
        MicrosoftReply{ReplyKind::TransientFault, "451 4.7.500", SmtpStep::RcptTo,
                       "451 4.7.500 Server busy. Please try again later from [192.0.2.5]. (AS761)"},
        // sisimai `microsoft` (5.5.0 at @hotmail.com/@outlook.com), the S code as in outlook.com bounces
        MicrosoftReply{ReplyKind::UnknownUser, "550 5.5.0", SmtpStep::RcptTo,
                       "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)."},
        // 1.2 "550 5.7.1 (MAIL FROM)", the common IP block (S3140)
        MicrosoftReply{ReplyKind::Blocked, "550 5.7.1", SmtpStep::MailFrom,
                       "550 5.7.1 Unfortunately, messages from [192.0.2.5] weren't sent. Please contact your "
                       "Internet service provider since part of their network is on our block list "
                       "(S3140). You can also refer your provider to "
                       "http://mail.live.com/mail/troubleshooting.aspx#errors."},
        // 1.2 "550 5.7.515" (Microsoft's high-volume sender requirements), one reply for every requirement
        MicrosoftReply{ReplyKind::RejectedSpf, "550 5.7.515", SmtpStep::EndOfData, kAuthLevel},
        MicrosoftReply{ReplyKind::RejectedDkim, "550 5.7.515", SmtpStep::EndOfData, kAuthLevel},
        MicrosoftReply{ReplyKind::RejectedNotAligned, "550 5.7.515", SmtpStep::EndOfData, kAuthLevel},
        MicrosoftReply{ReplyKind::RejectedDmarc, "550 5.7.515", SmtpStep::EndOfData, kAuthLevel},
        MicrosoftReply{ReplyKind::Expired, "554 5.4.7", SmtpStep::None, "554 5.4.7 delivery time expired"}));

TEST(MicrosoftCatalogTest, LeavesOutWhatMicrosoftHasNoReplyFor) {
  const ReplyCatalog catalog = ReplyCatalog::microsoft();
  for (ReplyKind kind : {ReplyKind::RecipientRateLimited, ReplyKind::Unauthenticated, ReplyKind::SpfRequired,
                         ReplyKind::DkimRequired, ReplyKind::NotAligned, ReplyKind::DmarcRequired,
                         ReplyKind::RejectedUnauthenticated, ReplyKind::Greylisted, ReplyKind::Blocklisted}) {
    EXPECT_FALSE(catalog.info(kind).used) << static_cast<int>(kind);
  }
}

TEST(MicrosoftCatalogTest, EnforcesTheBulkRequirementsOnlyAndNeverDefersThem) {
  const ReplyCatalog catalog = ReplyCatalog::microsoft();
  EXPECT_FALSE(provider_enforces(AuthRequirement::SpfOrDkim, catalog));
  for (AuthRequirement r :
       {AuthRequirement::Spf, AuthRequirement::Dkim, AuthRequirement::Dmarc, AuthRequirement::Alignment}) {
    EXPECT_TRUE(provider_enforces(r, catalog));
    EXPECT_FALSE(catalog.info(deferral_reply(r)).used);
  }
  // Neither SPF nor DKIM passes: below the bulk threshold nothing applies, above it the SPF requirement.
  const AuthResults none{false, false, true, true};
  EXPECT_EQ(first_failed_requirement(none, false, catalog), std::nullopt);
  EXPECT_EQ(first_failed_requirement(none, true, catalog), AuthRequirement::Spf);
}

TEST(MicrosoftCatalogTest, OneLineRepliesOnTheWire) {
  // Outlook.com sends one-line replies; with no enhanced code the tag follows the basic code.
  EXPECT_EQ(ReplyCatalog::microsoft().wire_text(ReplyKind::TooManyConnections, IdentityKind::Ip, kIp, kIp),
            "421 RP-003 The mail server IP connecting to Outlook.com server has exceeded the connection "
            "limit allowed. Reason for limitation is related to IP/domain reputation.");
}

/// A text variant: the reply it changes, its key and one-line text; every other reply as in microsoft().
struct MicrosoftVariantCase {
  const char* name;
  ReplyCatalog (*factory)();
  ReplyKind changed;
  const char* key;
  const char* one_line;
};

class MicrosoftVariantTest : public ::testing::TestWithParam<MicrosoftVariantCase> {};

TEST_P(MicrosoftVariantTest, ChangesOneReply) {
  const MicrosoftVariantCase& variant = GetParam();
  const ReplyCatalog catalog = variant.factory();
  const ReplyCatalog current = ReplyCatalog::microsoft();
  EXPECT_EQ(catalog.info(variant.changed).key, variant.key);
  EXPECT_EQ(one_line(catalog, variant.changed), variant.one_line);
  EXPECT_EQ(catalog.info(variant.changed).step, current.info(variant.changed).step);
  for (std::size_t k = 0; k < kReplyKindCount; ++k) {
    const auto kind = static_cast<ReplyKind>(k);
    if (kind == variant.changed) continue;
    EXPECT_EQ(one_line(catalog, kind), one_line(current, kind)) << variant.name << " " << k;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Variants, MicrosoftVariantTest,
    ::testing::Values(
        // 1.2 "451 4.7.650 (MAIL FROM)", the older URL (sisimai `microsoft`)
        MicrosoftVariantCase{
            "legacy", &ReplyCatalog::microsoft_legacy, ReplyKind::LowReputation, "451 4.7.650",
            "451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to "
            "IP reputation. For e-mail delivery information, see https://postmaster.live.com "
            "(S775)"},
        // 1.2 "550 5.7.1 (MAIL FROM)", the network block (S3150, sisimai `microsoft`)
        MicrosoftVariantCase{
            "network_block", &ReplyCatalog::microsoft_network_block, ReplyKind::Blocked, "550 5.7.1",
            "550 5.7.1 Unfortunately, messages from [192.0.2.5] weren't sent. Please contact "
            "your Internet service provider since part of their network is on our block list "
            "(S3150). You can also refer your provider to "
            "http://mail.live.com/mail/troubleshooting.aspx#errors."},
        // 1.2 "451 4.7.651" (learn.microsoft.com answers 5910730)
        MicrosoftVariantCase{
            "s3114", &ReplyCatalog::microsoft_s3114, ReplyKind::LowReputation, "451 4.7.651",
            "451 4.7.651 The mail server [192.0.2.5] has been temporarily rate limited due to "
            "IP reputation. For e-mail delivery information, see https://aka.ms/postmaster "
            "(S3114)"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace delivsim
