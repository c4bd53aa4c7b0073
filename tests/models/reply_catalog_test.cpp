#include "models/reply_catalog.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(ReplyCatalogTest, GmailQuotaWireTextMatchesSeed002) {
  // Seed 002's reply, with RFC 5321 continuation marks ("421-") on every line but the last.
  const std::string expected =
      "421-4.7.28 [203.0.113.42] Our system has detected an unusual rate of\r\n"
      "421-4.7.28 unsolicited mail originating from your IP address. To protect our\r\n"
      "421-4.7.28 users from spam, mail sent from your IP address has been temporarily\r\n"
      "421-4.7.28 rate limited. Please visit\r\n"
      "421-4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError to\r\n"
      "421 4.7.28 review our Bulk Email Senders Guidelines. - gsmtp";
  EXPECT_EQ(ReplyCatalog::gmail().wire_text(ReplyKind::QuotaExceeded, IdentityKind::Ip, "203.0.113.42"),
            expected);
}

TEST(ReplyCatalogTest, GmailQuotaOneLine) {
  EXPECT_EQ(
      ReplyCatalog::gmail().one_line(ReplyKind::QuotaExceeded, IdentityKind::Ip, "203.0.113.42"),
      "421 4.7.28 [203.0.113.42] Our system has detected an unusual rate of unsolicited mail originating "
      "from your IP address. To protect our users from spam, mail sent from your IP address has been "
      "temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError "
      "to review our Bulk Email Senders Guidelines. - gsmtp");
}

TEST(ReplyCatalogTest, QuotaNamesTheDomainIdentity) {
  const std::string reply =
      ReplyCatalog::gmail().one_line(ReplyKind::QuotaExceeded, IdentityKind::Dkim, "news.example");
  EXPECT_TRUE(reply.starts_with("421 4.7.28 [news.example] Our system")) << reply;
  EXPECT_NE(reply.find("originating from your DKIM domain. To protect"), std::string::npos) << reply;
  EXPECT_NE(reply.find("mail sent from your DKIM domain has been"), std::string::npos) << reply;
  EXPECT_EQ(reply.find('{'), std::string::npos) << reply;  // no placeholder left
}

TEST(ReplyCatalogTest, SingleLineReplies) {
  const ReplyCatalog gmail = ReplyCatalog::gmail();
  EXPECT_EQ(gmail.wire_text(ReplyKind::Accepted, IdentityKind::Ip, "203.0.113.42"), "250 2.0.0 OK - gsmtp");
  EXPECT_EQ(gmail.one_line(ReplyKind::TooManyConnections, IdentityKind::Ip, "203.0.113.42"),
            "421 4.7.0 Try again later, closing connection. - gsmtp");
  EXPECT_EQ(gmail.one_line(ReplyKind::Expired, IdentityKind::Ip, "203.0.113.42"),
            "554 5.4.7 delivery time expired");
  EXPECT_EQ(
      gmail.one_line(ReplyKind::UnknownUser, IdentityKind::Ip, "203.0.113.42"),
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
  EXPECT_EQ(info.key, expected.key);
  EXPECT_EQ(info.key, std::to_string(info.basic_code) + " " + info.enhanced);
  EXPECT_FALSE(info.text.empty());
  EXPECT_EQ(info.closes_connection, info.basic_code == 421);
  EXPECT_EQ(info.transient(), info.key[0] == '4');
  EXPECT_EQ(info.permanent(), info.key[0] == '5');
  // The enhanced code's class agrees with the basic code's (RFC 3463).
  EXPECT_EQ(info.enhanced[0], info.key[0]);
}

INSTANTIATE_TEST_SUITE_P(
    AllKinds, ReplyCodeTest,
    ::testing::Combine(::testing::Values(&ReplyCatalog::gmail, &ReplyCatalog::generic),
                       ::testing::Values(ExpectedCode{ReplyKind::Accepted, "250 2.0.0"},
                                         ExpectedCode{ReplyKind::QuotaExceeded, "421 4.7.28"},
                                         ExpectedCode{ReplyKind::TooManyConnections, "421 4.7.0"},
                                         ExpectedCode{ReplyKind::LowReputation, "421 4.7.0"},
                                         ExpectedCode{ReplyKind::RecipientRateLimited, "450 4.2.1"},
                                         ExpectedCode{ReplyKind::TransientFault, "421 4.3.0"},
                                         ExpectedCode{ReplyKind::Unauthenticated, "421 4.7.26"},
                                         ExpectedCode{ReplyKind::UnknownUser, "550 5.1.1"},
                                         ExpectedCode{ReplyKind::Blocked, "550 5.7.1"},
                                         ExpectedCode{ReplyKind::RejectedUnauthenticated, "550 5.7.26"},
                                         ExpectedCode{ReplyKind::Expired, "554 5.4.7"})));

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
