#include <gtest/gtest.h>

#include "models/reply_catalog.h"

namespace delivsim {
namespace {

/// One Yahoo reply as the catalog must give it, for the sending IP 192.0.2.25.
struct YahooReply {
  ReplyKind kind;
  const char* key;
  SmtpStep step;
  const char* one_line;
};

constexpr const char* kIp = "192.0.2.25";

void expect_replies(const ReplyCatalog& catalog, std::initializer_list<YahooReply> replies) {
  for (const YahooReply& reply : replies) {
    const ReplyInfo& info = catalog.info(reply.kind);
    SCOPED_TRACE(reply.key);
    EXPECT_TRUE(info.used);
    EXPECT_EQ(info.key, reply.key);
    EXPECT_EQ(info.step, reply.step);
    EXPECT_EQ(catalog.one_line(reply.kind, IdentityKind::Dkim, "news.example", kIp), reply.one_line);
  }
}

constexpr const char* kTss04 =
    "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user "
    "complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes";
constexpr const char* kPolicy =
    "554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes";

TEST(YahooCatalogTest, CurrentRepliesAsReceived) {
  // domain-facts-wave2 1.3 (sisimai `yahooinc`, pastebin logs); steps as the catalog comment sources them.
  expect_replies(
      ReplyCatalog::yahoo(),
      {
          // "unexpected volume or user complaints": the quota and low reputation, one key
          {ReplyKind::QuotaExceeded, "421 4.7.0 [TSS04]", SmtpStep::MailFrom, kTss04},
          {ReplyKind::LowReputation, "421 4.7.0 [TSS04]", SmtpStep::MailFrom, kTss04},
          {ReplyKind::Blocked, "553 5.7.2 [TSS09]", SmtpStep::MailFrom,
           "553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT "
           "succeed. See https://postmaster.yahooinc.com/error-codes"},
          {ReplyKind::Blocklisted, "553 5.7.1 [BL21]", SmtpStep::Greeting,
           "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in "
           "Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html"},
          {ReplyKind::RejectedUnauthenticated, "550 5.7.9", SmtpStep::EndOfData,
           "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all "
           "senders to authenticate with either SPF or DKIM."},
          {ReplyKind::RejectedSpf, "554 5.7.9", SmtpStep::EndOfData, kPolicy},
          {ReplyKind::RejectedDkim, "554 5.7.9", SmtpStep::EndOfData, kPolicy},
          {ReplyKind::RejectedDmarc, "554 5.7.9", SmtpStep::EndOfData, kPolicy},
          {ReplyKind::RejectedNotAligned, "554 5.7.9", SmtpStep::EndOfData, kPolicy},
          {ReplyKind::ConnectionMessageLimit, "421", SmtpStep::MailFrom,
           "421 Max message per connection reached, closing transmission channel"},
          {ReplyKind::RecipientRateLimited, "450", SmtpStep::RcptTo,
           "450 User is receiving mail too quickly"},
          {ReplyKind::UnknownUser, "554", SmtpStep::EndOfData,
           "554 delivery error: dd This user doesn't have a yahoo.com account"},
          {ReplyKind::Accepted, "250", SmtpStep::EndOfData, "250 OK"},
          {ReplyKind::Expired, "554 5.4.7", SmtpStep::None, "554 5.4.7 delivery time expired"},
      });
}

TEST(YahooCatalogTest, LegacyReputationReplies) {
  // domain-facts-wave2 1.3: [TS01] (pastebin cr3HpBFj), [TS02] (decoder; text around the tag assumed),
  // [TS03] (pastebin XUBwTvbV), a transient code for a block.
  const ReplyCatalog legacy = ReplyCatalog::yahoo_legacy();
  expect_replies(
      legacy, {
                  {ReplyKind::LowReputation, "421 4.7.0 [TS01]", SmtpStep::MailFrom,
                   "421 4.7.0 [TS01] Messages from 192.0.2.25 temporarily deferred due to user complaints "
                   "- 4.16.55.1; see http://postmaster.yahoo.com/421-ts01.html"},
                  {ReplyKind::QuotaExceeded, "421 4.7.0 [TS02]", SmtpStep::MailFrom,
                   "421 4.7.0 [TS02] Messages from 192.0.2.25 temporarily deferred due to unusual traffic"},
                  {ReplyKind::Blocked, "421 4.7.1 [TS03]", SmtpStep::MailFrom,
                   "421 4.7.1 [TS03] All messages from 192.0.2.25 will be permanently deferred; Retrying "
                   "will NOT succeed. See https://help.yahoo.com/kb/postmaster/SLN3436.html"},
              });
  EXPECT_TRUE(legacy.info(ReplyKind::Blocked).transient());
  EXPECT_TRUE(legacy.info(ReplyKind::Blocked).closes_connection);
  // Everything else as today.
  const ReplyCatalog current = ReplyCatalog::yahoo();
  for (std::size_t k = 0; k < kReplyKindCount; ++k) {
    const auto kind = static_cast<ReplyKind>(k);
    if (kind == ReplyKind::LowReputation || kind == ReplyKind::QuotaExceeded || kind == ReplyKind::Blocked)
      continue;
    EXPECT_EQ(legacy.info(kind).used, current.info(kind).used);
    if (current.info(kind).used) {
      EXPECT_EQ(legacy.one_line(kind, IdentityKind::Ip, kIp, kIp),
                current.one_line(kind, IdentityKind::Ip, kIp, kIp));
    }
  }
}

TEST(YahooCatalogTest, LeavesOutMechanismsWithNoSourcedReply) {
  // Yahoo publishes no connection cap and no fault reply, and rejects (never defers) for authentication.
  const ReplyCatalog catalog = ReplyCatalog::yahoo();
  for (ReplyKind kind : {ReplyKind::TooManyConnections, ReplyKind::TransientFault, ReplyKind::Unauthenticated,
                         ReplyKind::SpfRequired, ReplyKind::DkimRequired, ReplyKind::NotAligned,
                         ReplyKind::DmarcRequired, ReplyKind::Greylisted})
    EXPECT_FALSE(catalog.info(kind).used) << static_cast<int>(kind);
}

TEST(YahooCatalogTest, PermanentAndTransientCodesAsPublished) {
  const ReplyCatalog catalog = ReplyCatalog::yahoo();
  EXPECT_TRUE(catalog.info(ReplyKind::QuotaExceeded).closes_connection);  // 421
  EXPECT_TRUE(catalog.info(ReplyKind::Blocked).permanent());              // 553 [TSS09]
  EXPECT_TRUE(catalog.info(ReplyKind::Blocklisted).permanent());          // 553 [BL21]
  EXPECT_FALSE(catalog.info(ReplyKind::Blocklisted).closes_connection);
  EXPECT_TRUE(catalog.info(ReplyKind::ConnectionMessageLimit).closes_connection);
}

}  // namespace
}  // namespace delivsim
