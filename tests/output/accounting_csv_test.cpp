#include "sim/output/accounting_csv.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sample_run_result.h"

namespace delivsim {
namespace {

std::vector<std::string> accounting_lines(const RunResult& result) {
  std::ostringstream out;
  write_accounting_csv(result, out);
  std::istringstream text(out.str());
  std::vector<std::string> lines;
  for (std::string line; std::getline(text, line);) lines.push_back(line);
  return lines;
}

TEST(AccountingCsv, WritesPowerMtaHeaderAndOneLinePerRecord) {
  const std::vector<std::string> expected = {
      "type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,srcType,"
      "srcMta,"
      "dlvType,dlvSourceIp,dlvDestinationIp,dlvEsmtpAvailable,dlvSize,vmta,jobId,envId,queue,vmtaPool",
      "d,2026-01-05T00:15:00.250Z,2026-01-05T00:00:00.000Z,bounce@bounce.example.com,u42.newsletter@gmail."
      "com,"
      "rfc822;u42.newsletter@gmail.com,relayed,2.0.0,smtp;250 2.0.0 "
      "OK,gmail-smtp-in.l.google.com,,api,delivsim,"
      "smtp,203.0.113.10,,\"PIPELINING,8BITMIME,SIZE,STARTTLS\",50000,vmta-203.0.113.10,newsletter,1,"
      "gmail.com/vmta-203.0.113.10,marketing",
      "t,2026-01-05T23:59:59.999Z,2026-01-05T23:53:20.000Z,bounce@bounce.example.com,u7.newsletter@gmail.com,"
      "rfc822;u7.newsletter@gmail.com,delayed,4.7.28,"
      "smtp;421 4.7.28 [203.0.113.10] Our system has detected an unusual rate of unsolicited mail,"
      "gmail-smtp-in.l.google.com,,api,delivsim,smtp,203.0.113.10,,\"PIPELINING,8BITMIME,SIZE,STARTTLS\","
      "50000,"
      "vmta-203.0.113.10,newsletter,2,gmail.com/vmta-203.0.113.10,marketing",
      "b,2026-01-06T00:00:00.001Z,2026-01-05T01:00:00.000Z,bounce@bounce.example.com,u9.newsletter@gmail.com,"
      "rfc822;u9.newsletter@gmail.com,failed,5.1.1,"
      "\"smtp;550 5.1.1 The email account that you tried to reach does not exist, see \"\"Bounces\"\"\","
      "gmail-smtp-in.l.google.com,bad-mailbox,api,delivsim,smtp,203.0.113.10,,"
      "\"PIPELINING,8BITMIME,SIZE,STARTTLS\",50000,vmta-203.0.113.10,newsletter,3,gmail.com/"
      "vmta-203.0.113.10,"
      "marketing",
      "b,2026-02-01T01:00:00.000Z,2026-01-31T00:00:00.000Z,bounce@mail.example.com,u1234.receipts@example."
      "net,"
      "rfc822;u1234.receipts@example.net,failed,5.4.7,smtp;554 5.4.7 Message expired,mx.example.net,"
      "message-expired,api,delivsim,smtp,203.0.113.11,,\"PIPELINING,8BITMIME,SIZE,STARTTLS\",12000,"
      "vmta-203.0.113.11,receipts,4,example.net/vmta-203.0.113.11,transactional",
  };
  EXPECT_EQ(accounting_lines(sample_run_result()), expected);
}

TEST(AccountingCsv, NamesTheProvidersRoutedPoolAsVmtaPool) {
  RunResult result = sample_run_result();
  result.provider_pool = {"", "routed"};  // the second provider's mail goes through pool "routed"
  result.accounting[0].provider = 0;
  result.accounting[3].provider = 1;
  const std::vector<std::string> lines = accounting_lines(result);
  EXPECT_TRUE(lines.at(1).ends_with(",marketing")) << lines.at(1);
  EXPECT_TRUE(lines.at(4).ends_with(",routed")) << lines.at(4);
}

TEST(AccountingCsv, LeavesDsnStatusEmptyForAReplyWithoutEnhancedCode) {
  RunResult result = sample_run_result();
  result.reply_texts[0] = "250";
  result.accounting.resize(1);
  EXPECT_NE(accounting_lines(result).at(1).find(",relayed,,smtp;250,"), std::string::npos);
}

TEST(AccountingCsv, RejectsAnIndexPastItsTable) {
  RunResult result = sample_run_result();
  result.accounting[2].reply = 99;
  EXPECT_THROW(accounting_lines(result), std::out_of_range);
}

TEST(AccountingCsv, RejectsAMalformedStartDate) {
  RunResult result = sample_run_result();
  result.start_date = "2026-01-05";
  EXPECT_THROW(accounting_lines(result), std::invalid_argument);
}

TEST(AccountingCsv, RejectsAnUnknownRecordType) {
  RunResult result = sample_run_result();
  result.accounting[0].type = 'x';
  EXPECT_THROW(accounting_lines(result), std::invalid_argument);
}

TEST(SimulatedRecipientAddress, NamesRecipientTrafficAndDomain) {
  const RunResult result = sample_run_result();
  EXPECT_EQ(simulated_recipient_address(result, result.accounting[3]), "u1234.receipts@example.net");
}

struct BounceCategoryCase {
  ReplyKind kind;
  std::string category;
};

class BounceCategory : public ::testing::TestWithParam<BounceCategoryCase> {};

TEST_P(BounceCategory, FollowsPowerMtaCategories) {
  EXPECT_EQ(bounce_category(GetParam().kind), GetParam().category);
}

INSTANTIATE_TEST_SUITE_P(Kinds, BounceCategory,
                         ::testing::Values(BounceCategoryCase{ReplyKind::UnknownUser, "bad-mailbox"},
                                           BounceCategoryCase{ReplyKind::Blocked, "spam-related"},
                                           BounceCategoryCase{ReplyKind::RejectedUnauthenticated,
                                                              "policy-related"},
                                           BounceCategoryCase{ReplyKind::RejectedSpf, "policy-related"},
                                           BounceCategoryCase{ReplyKind::RejectedDkim, "policy-related"},
                                           BounceCategoryCase{ReplyKind::RejectedDmarc, "policy-related"},
                                           BounceCategoryCase{ReplyKind::Expired, "message-expired"},
                                           BounceCategoryCase{ReplyKind::QuotaExceeded, "other"}));

}  // namespace
}  // namespace delivsim
