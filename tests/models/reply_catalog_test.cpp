#include "models/reply_catalog.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(ReplyCatalogTest, LegacyGmailQuotaWireTextMatchesSeed002) {
  // Seed 002's reply, with RFC 5321 continuation marks ("421-") on every line but the last.
  const std::string expected =
      "421-4.7.28 [203.0.113.42] Our system has detected an unusual rate of\r\n"
      "421-4.7.28 unsolicited mail originating from your IP address. To protect our\r\n"
      "421-4.7.28 users from spam, mail sent from your IP address has been temporarily\r\n"
      "421-4.7.28 rate limited. Please visit\r\n"
      "421-4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError to\r\n"
      "421 4.7.28 review our Bulk Email Senders Guidelines. - gsmtp";
  EXPECT_EQ(ReplyCatalog::gmail_legacy().wire_text(ReplyKind::QuotaExceeded, IdentityKind::Ip, "203.0.113.42",
                                                   "203.0.113.42"),
            expected);
}

TEST(ReplyCatalogTest, LegacyGmailQuotaOneLineNamesTheKindInTheOldText) {
  const ReplyCatalog legacy = ReplyCatalog::gmail_legacy();
  EXPECT_EQ(
      legacy.one_line(ReplyKind::QuotaExceeded, IdentityKind::Ip, "203.0.113.42", "203.0.113.42"),
      "421 4.7.28 [203.0.113.42] Our system has detected an unusual rate of unsolicited mail originating "
      "from your IP address. To protect our users from spam, mail sent from your IP address has been "
      "temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError "
      "to review our Bulk Email Senders Guidelines. - gsmtp");
  const std::string dkim =
      legacy.one_line(ReplyKind::QuotaExceeded, IdentityKind::Dkim, "news.example", "203.0.113.42");
  EXPECT_TRUE(dkim.starts_with("421 4.7.28 [news.example] Our system")) << dkim;
  EXPECT_NE(dkim.find("originating from your DKIM domain. To protect"), std::string::npos) << dkim;
  // Only 4.7.28 differs from the current catalog.
  const ReplyCatalog current = ReplyCatalog::gmail();
  for (std::size_t k = 0; k < kReplyKindCount; ++k) {
    const auto kind = static_cast<ReplyKind>(k);
    if (kind == ReplyKind::QuotaExceeded) continue;
    EXPECT_EQ(legacy.one_line(kind, IdentityKind::Dkim, "news.example", "203.0.113.42"),
              current.one_line(kind, IdentityKind::Dkim, "news.example", "203.0.113.42"));
  }
}

TEST(ReplyCatalogTest, GmailQuotaWireTextNamesTheIpAddress) {
  // Google's current 4.7.28 text for an IP address (SMTP errors and codes, 2025-08), " - gsmtp" at the end.
  const std::string expected =
      "421-4.7.28 Gmail has detected an unusual rate of email originating from your IP\r\n"
      "421-4.7.28 address 203.0.113.42. To protect our users from spam, email sent from your IP\r\n"
      "421-4.7.28 address has been temporarily rate limited. To review our bulk email\r\n"
      "421 4.7.28 senders guidelines, go to Email sender guidelines. - gsmtp";
  EXPECT_EQ(ReplyCatalog::gmail().wire_text(ReplyKind::QuotaExceeded, IdentityKind::Ip, "203.0.113.42",
                                            "203.0.113.42"),
            expected);
}

/// An identity kind and the exact one-line 4.7.28 Gmail gives for it today.
struct QuotaText {
  IdentityKind kind;
  const char* identity;
  const char* one_line;
};

class GmailQuotaTextTest : public ::testing::TestWithParam<QuotaText> {};

TEST_P(GmailQuotaTextTest, CurrentVariantNamesTheIdentity) {
  const QuotaText& q = GetParam();
  EXPECT_EQ(ReplyCatalog::gmail().one_line(ReplyKind::QuotaExceeded, q.kind, q.identity, "203.0.113.42"),
            q.one_line);
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, GmailQuotaTextTest,
    ::testing::Values(
        QuotaText{IdentityKind::Ip, "198.51.100.7",
                  "421 4.7.28 Gmail has detected an unusual rate of email originating from your IP address "
                  "198.51.100.7. To protect our users from spam, email sent from your IP address has been "
                  "temporarily rate limited. To review our bulk email senders guidelines, go to Email sender "
                  "guidelines. - gsmtp"},
        QuotaText{IdentityKind::Dkim, "news.example",
                  "421 4.7.28 Gmail has detected an unusual rate of unsolicited email originating from your "
                  "DKIM domain news.example. To protect our users from spam, email sent from your domain has "
                  "been temporarily rate limited. To review our bulk email senders guidelines, go to Email "
                  "sender guidelines. - gsmtp"},
        QuotaText{
            IdentityKind::Spf, "bounce.example",
            "421 4.7.28 Gmail has detected an unusual rate of unsolicited email originating from your "
            "SPF domain bounce.example. To protect our users from spam, email sent from your domain has "
            "been temporarily rate limited. To review our bulk email senders guidelines, go to Email "
            "sender guidelines. - gsmtp"}));

/// An authentication reply and its exact one-line text (Google's page, 2025-08), naming `identity` and
/// quoting the sending IP 203.0.113.42.
struct AuthText {
  ReplyKind kind;
  const char* identity;
  const char* one_line;
};

class GmailAuthTextTest : public ::testing::TestWithParam<AuthText> {};

TEST_P(GmailAuthTextTest, ExactText) {
  const AuthText& a = GetParam();
  EXPECT_EQ(ReplyCatalog::gmail().one_line(a.kind, IdentityKind::Spf, a.identity, "203.0.113.42"),
            a.one_line);
}

INSTANTIATE_TEST_SUITE_P(
    Requirements, GmailAuthTextTest,
    ::testing::Values(
        AuthText{
            ReplyKind::Unauthenticated, "bounce.example",
            "421 4.7.26 This email has been rate limited because it is unauthenticated. Gmail requires "
            "all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not "
            "pass SPF bounce.example with ip: 203.0.113.42 = did not pass. - gsmtp"},
        AuthText{
            ReplyKind::SpfRequired, "bounce.example",
            "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this "
            "message. Gmail requires all bulk email senders to authenticate their email with SPF. "
            "Authentication results: SPF bounce.example with IP address: 203.0.113.42 = Did not pass. - "
            "gsmtp"},
        AuthText{
            ReplyKind::DkimRequired, "news.example",
            "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this "
            "message. Gmail requires all email bulk senders to authenticate their email with DKIM. "
            "Authentication results: DKIM = Did not pass. - gsmtp"},
        AuthText{ReplyKind::TlsRequired, "news.example",
                 "421 4.7.29 Your email has been rate limited because you're not using a TLS connection. "
                 "Gmail requires all bulk email senders to use TLS/SSL for SMTP connections. - gsmtp"},
        AuthText{ReplyKind::RejectedTls, "news.example",
                 "550 5.7.29 This message was blocked because it wasn't sent over a TLS connection. Gmail "
                 "requires all bulk email senders to use TLS/SSL for SMTP connections. - gsmtp"},
        AuthText{ReplyKind::NotAligned, "news.example",
                 "421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this "
                 "message isn't aligned with either the authenticated SPF or DKIM organizational domain. - "
                 "gsmtp"},
        AuthText{
            ReplyKind::DmarcRequired, "news.example",
            "421 4.7.40 Your email has been rate limited because the sending domain doesn't have a DMARC "
            "record, or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk email "
            "senders to add a DMARC record to their sending domain. - gsmtp"},
        AuthText{
            ReplyKind::RejectedUnauthenticated, "bounce.example",
            "550 5.7.26 This email has been blocked because the sender is unauthenticated. Gmail requires "
            "all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not "
            "pass SPF [bounce.example] with ip: [203.0.113.42] = did not pass. - gsmtp"},
        AuthText{ReplyKind::RejectedSpf, "bounce.example",
                 "550 5.7.27 This message was blocked because it didn't pass SPF authentication. - gsmtp"},
        AuthText{ReplyKind::RejectedDkim, "news.example",
                 "550 5.7.30 This message was blocked because it didn't pass DKIM authentication. - gsmtp"},
        AuthText{ReplyKind::RejectedNotAligned, "news.example",
                 "421 5.7.32 Your email was blocked because the From: header (RFC5322) in this message isn't "
                 "aligned with either the authenticated SPF or DKIM organizational domain. - gsmtp"},
        AuthText{
            ReplyKind::RejectedDmarc, "news.example",
            "550 5.7.40 Your message was blocked because the sending domain doesn't have a DMARC record. "
            "- gsmtp"}));

TEST(ReplyCatalogTest, AuthenticationWireTextQuotesDomainAndIp) {
  const std::string expected =
      "421-4.7.26 This email has been rate limited because it is unauthenticated. Gmail\r\n"
      "421-4.7.26 requires all senders to authenticate with either SPF or DKIM.\r\n"
      "421-4.7.26 Authentication results: DKIM = did not pass SPF bounce.example with ip:\r\n"
      "421 4.7.26 203.0.113.42 = did not pass. - gsmtp";
  EXPECT_EQ(ReplyCatalog::gmail().wire_text(ReplyKind::Unauthenticated, IdentityKind::Spf, "bounce.example",
                                            "203.0.113.42"),
            expected);
}

TEST(ReplyCatalogTest, OnlyRepliesQuotingTheIpSayTheyDo) {
  const ReplyCatalog gmail = ReplyCatalog::gmail();
  for (std::size_t k = 0; k < kReplyKindCount; ++k) {
    const auto kind = static_cast<ReplyKind>(k);
    const bool quoted =
        gmail.one_line(kind, IdentityKind::Spf, "bounce.example", "192.0.2.99").find("192.0.2.99") !=
        std::string::npos;
    EXPECT_EQ(gmail.info(kind).quotes_sending_ip(), quoted) << gmail.info(kind).key;
  }
  EXPECT_TRUE(gmail.info(ReplyKind::Unauthenticated).quotes_sending_ip());
  EXPECT_FALSE(gmail.info(ReplyKind::QuotaExceeded).quotes_sending_ip());
}

TEST(ReplyCatalogTest, NoPlaceholderLeftInAnyReply) {
  for (const ReplyCatalog& catalog :
       {ReplyCatalog::gmail(), ReplyCatalog::gmail_legacy(), ReplyCatalog::generic()}) {
    for (std::size_t k = 0; k < kReplyKindCount; ++k) {
      for (IdentityKind kind : {IdentityKind::Ip, IdentityKind::Dkim, IdentityKind::Spf}) {
        const std::string reply = catalog.one_line(static_cast<ReplyKind>(k), kind, "x.example", "192.0.2.1");
        EXPECT_EQ(reply.find('{'), std::string::npos) << reply;
      }
    }
  }
}

TEST(ReplyCatalogTest, SingleLineReplies) {
  const ReplyCatalog gmail = ReplyCatalog::gmail();
  EXPECT_EQ(gmail.wire_text(ReplyKind::Accepted, IdentityKind::Ip, "203.0.113.42", "203.0.113.42"),
            "250 2.0.0 OK - gsmtp");
  EXPECT_EQ(gmail.one_line(ReplyKind::TooManyConnections, IdentityKind::Ip, "203.0.113.42", "203.0.113.42"),
            "421 4.7.0 Try again later, closing connection. - gsmtp");
  EXPECT_EQ(gmail.one_line(ReplyKind::Expired, IdentityKind::Ip, "203.0.113.42", "203.0.113.42"),
            "554 5.4.7 delivery time expired");
  EXPECT_EQ(
      gmail.one_line(ReplyKind::UnknownUser, IdentityKind::Ip, "203.0.113.42", "203.0.113.42"),
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the "
      "recipient's email address for typos or unnecessary spaces. - gsmtp");
}

TEST(ReplyCatalogTest, IdentityKindNames) {
  EXPECT_EQ(identity_kind_name(IdentityKind::Ip), "ip");
  EXPECT_EQ(identity_kind_name(IdentityKind::Dkim), "dkim");
  EXPECT_EQ(identity_kind_name(IdentityKind::Spf), "spf");
}

/// A reply kind and the code it must carry in every catalog.
struct ExpectedCode {
  ReplyKind kind;
  const char* key;
};

class ReplyCodeTest : public ::testing::TestWithParam<std::tuple<ReplyCatalog (*)(), ExpectedCode>> {};

TEST_P(ReplyCodeTest, KeyClassAndConnectionClose) {
  const ReplyCatalog catalog = std::get<0>(GetParam())();
  const ExpectedCode expected = std::get<1>(GetParam());
  const ReplyInfo& info = catalog.info(expected.kind);
  EXPECT_TRUE(info.used);
  EXPECT_EQ(info.key, expected.key);
  EXPECT_EQ(info.key, std::to_string(info.basic_code) + " " + info.enhanced);
  EXPECT_FALSE(info.text.empty());
  EXPECT_EQ(info.closes_connection, info.basic_code == 421);
  EXPECT_EQ(info.transient(), info.key[0] == '4');
  EXPECT_EQ(info.permanent(), info.key[0] == '5');
  // The enhanced code's class agrees with the basic code's (RFC 3463), except where Google's page writes
  // "421 5.7.32": delivsim keeps the code as published, and the 421 makes it transient.
  if (expected.kind == ReplyKind::RejectedNotAligned) {
    EXPECT_EQ(info.enhanced, "5.7.32");
    EXPECT_TRUE(info.transient());
  } else {
    EXPECT_EQ(info.enhanced[0], info.key[0]);
  }
}

INSTANTIATE_TEST_SUITE_P(
    AllKinds, ReplyCodeTest,
    ::testing::Combine(::testing::Values(&ReplyCatalog::gmail, &ReplyCatalog::gmail_legacy,
                                         &ReplyCatalog::generic),
                       ::testing::Values(ExpectedCode{ReplyKind::Accepted, "250 2.0.0"},
                                         ExpectedCode{ReplyKind::QuotaExceeded, "421 4.7.28"},
                                         ExpectedCode{ReplyKind::TooManyConnections, "421 4.7.0"},
                                         ExpectedCode{ReplyKind::LowReputation, "421 4.7.0"},
                                         ExpectedCode{ReplyKind::RecipientRateLimited, "450 4.2.1"},
                                         ExpectedCode{ReplyKind::TransientFault, "421 4.3.0"},
                                         ExpectedCode{ReplyKind::Unauthenticated, "421 4.7.26"},
                                         ExpectedCode{ReplyKind::SpfRequired, "421 4.7.27"},
                                         ExpectedCode{ReplyKind::DkimRequired, "421 4.7.30"},
                                         ExpectedCode{ReplyKind::NotAligned, "421 4.7.32"},
                                         ExpectedCode{ReplyKind::DmarcRequired, "421 4.7.40"},
                                         ExpectedCode{ReplyKind::TlsRequired, "421 4.7.29"},
                                         ExpectedCode{ReplyKind::UnknownUser, "550 5.1.1"},
                                         ExpectedCode{ReplyKind::Blocked, "550 5.7.1"},
                                         ExpectedCode{ReplyKind::RejectedUnauthenticated, "550 5.7.26"},
                                         ExpectedCode{ReplyKind::RejectedSpf, "550 5.7.27"},
                                         ExpectedCode{ReplyKind::RejectedDkim, "550 5.7.30"},
                                         ExpectedCode{ReplyKind::RejectedNotAligned, "421 5.7.32"},
                                         ExpectedCode{ReplyKind::RejectedDmarc, "550 5.7.40"},
                                         ExpectedCode{ReplyKind::RejectedTls, "550 5.7.29"},
                                         ExpectedCode{ReplyKind::Expired, "554 5.4.7"})));

TEST(ReplyCatalogTest, GmailHasNoReplyForMechanismsItDoesNotUse) {
  const ReplyCatalog gmail = ReplyCatalog::gmail();
  for (ReplyKind kind : {ReplyKind::ConnectionMessageLimit, ReplyKind::Greylisted, ReplyKind::Blocklisted})
    EXPECT_FALSE(gmail.info(kind).used) << static_cast<int>(kind);
  EXPECT_FALSE(ReplyCatalog::generic().info(ReplyKind::Blocklisted).used);
}

TEST(ReplyCatalogTest, GenericOptionalRepliesAndTheirSteps) {
  const ReplyCatalog generic = ReplyCatalog::generic();
  // Postgrey's default deferral as Postfix sends it, recipient and help URL left out (reply_catalog.cpp).
  const ReplyInfo& greylisted = generic.info(ReplyKind::Greylisted);
  EXPECT_EQ(generic.one_line(ReplyKind::Greylisted, IdentityKind::Ip, "192.0.2.1", "192.0.2.1"),
            "450 4.2.0 Recipient address rejected: Greylisted");
  EXPECT_EQ(greylisted.key, "450 4.2.0");
  EXPECT_EQ(greylisted.step, SmtpStep::RcptTo);
  EXPECT_FALSE(greylisted.closes_connection);
  // delivsim's assumed per-connection limit reply: a 421 at MAIL FROM with a key of its own.
  const ReplyInfo& limit = generic.info(ReplyKind::ConnectionMessageLimit);
  EXPECT_EQ(generic.one_line(ReplyKind::ConnectionMessageLimit, IdentityKind::Ip, "192.0.2.1", "192.0.2.1"),
            "421 Too many messages on this connection, closing transmission channel");
  EXPECT_EQ(limit.key, "421");
  EXPECT_EQ(limit.step, SmtpStep::MailFrom);
  EXPECT_TRUE(limit.closes_connection);
}

TEST(ReplyCatalogTest, ClassesOfKeyReplies) {
  const ReplyCatalog gmail = ReplyCatalog::gmail();
  EXPECT_TRUE(gmail.info(ReplyKind::QuotaExceeded).transient());
  EXPECT_TRUE(gmail.info(ReplyKind::QuotaExceeded).closes_connection);
  EXPECT_TRUE(gmail.info(ReplyKind::RecipientRateLimited).transient());
  EXPECT_FALSE(gmail.info(ReplyKind::RecipientRateLimited).closes_connection);  // 450: connection stays open
  EXPECT_TRUE(gmail.info(ReplyKind::Blocked).permanent());
  EXPECT_FALSE(gmail.info(ReplyKind::Accepted).transient());
  EXPECT_FALSE(gmail.info(ReplyKind::Accepted).permanent());
}

}  // namespace
}  // namespace delivsim
