#include "sim/acctlog/accounting_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/acctlog/accounting_log_error.h"
#include "sim/output/accounting_csv.h"
#include "tests/acctlog/read_all.h"

namespace delivsim::acctlog {
namespace {

std::vector<AccountingRecord> read_records(const std::string& text) {
  return read_all<AccountingReader, AccountingRecord>(text);
}

std::string error_of(const std::string& text) {
  try {
    read_records(text);
  } catch (const AccountingLogError& e) {
    return e.located("log.csv");
  }
  return "no error";
}

constexpr UnixMs k2026_01_05 = 1767571200000;  // 2026-01-05T00:00:00Z

// A record as delivsim writes it (sim/output/accounting_csv.cpp): its reply holds commas, so dsnDiag (field
// 9) is quoted, and bounceCat (field 11) is not shifted by them.
TEST(AccountingReader, ReadsDelivsimsOwnLayout) {
  const std::string log =
      std::string(kAccountingHeader) +
      "\nt,2026-01-05T00:15:00.250Z,2026-01-05T00:00:00.000Z,bounce@news.example,u1.news@gmail.com,"
      "rfc822;u1.news@gmail.com,delayed,4.7.28,\"smtp;421 4.7.28 Gmail has detected an unusual rate, "
      "from your IP\",gmail-smtp-in.l.google.com,,api,delivsim,smtp,203.0.113.10,,\"PIPELINING,8BITMIME\","
      "20000,vmta-203.0.113.10,news,7,gmail.com/vmta-203.0.113.10,main\n";
  const auto records = read_records(log);
  ASSERT_EQ(records.size(), 1u);
  const AccountingRecord& r = records[0];
  EXPECT_EQ(r.type, "t");
  EXPECT_EQ(r.logged, k2026_01_05 + 900'250);
  EXPECT_EQ(r.queued, k2026_01_05);
  EXPECT_EQ(r.orig, "bounce@news.example");
  EXPECT_EQ(r.rcpt, "u1.news@gmail.com");
  EXPECT_EQ(r.dsn_status, "4.7.28");
  EXPECT_EQ(r.dsn_diag, "smtp;421 4.7.28 Gmail has detected an unusual rate, from your IP");
  EXPECT_EQ(r.dsn_mta, "gmail-smtp-in.l.google.com");
  EXPECT_EQ(r.bounce_cat, "");
  EXPECT_EQ(r.source_ip, "203.0.113.10");
  EXPECT_EQ(r.vmta, "vmta-203.0.113.10");
  EXPECT_EQ(r.job_id, "news");
  EXPECT_EQ(r.line, 2);
}

TEST(AccountingReader, HeaderLinesChooseTheColumnsAndMayChange) {
  const auto records = read_records(
      "type,rcpt,timeLogged,bounceCat\n"
      "b,a@x.org,2026-01-05 00:00:01-0500,bad-mailbox\n"
      "type,timeLogged,rcpt,vmta,dsnDiag\n"
      "d,1767571200,b@y.org,v1,\"smtp;250 ok, queued\"\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].rcpt, "a@x.org");
  EXPECT_EQ(records[0].logged, k2026_01_05 + (5 * 3600 + 1) * 1000);
  EXPECT_EQ(records[0].bounce_cat, "bad-mailbox");
  EXPECT_EQ(records[0].queued, std::nullopt);
  EXPECT_EQ(records[1].logged, k2026_01_05);
  EXPECT_EQ(records[1].vmta, "v1");
  EXPECT_EQ(records[1].dsn_diag, "smtp;250 ok, queued");
  EXPECT_EQ(records[1].bounce_cat, "");
}

TEST(AccountingReader, MissingOptionalColumnsAreNamed) {
  std::istringstream in("type,timeLogged,rcpt\nd,0,a@b.c\n");
  AccountingReader reader(in);
  AccountingRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.missing_optional_columns(),
            (std::vector<std::string>{"timeQueued", "dsnDiag", "bounceCat"}));
}

TEST(AccountingReader, OtherRecordTypesPassWithoutTheirFieldsChecked) {
  const auto records = read_records("type,timeLogged,rcpt\nr,not a time,a@b.c\ntq,,\nd,0,a@b.c\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].type, "r");
  EXPECT_EQ(records[1].type, "tq");
  EXPECT_EQ(records[2].type, "d");
}

TEST(AccountingReader, EmptyTimeQueuedIsNoTime) {
  const auto records = read_records("type,timeLogged,timeQueued,rcpt\nd,0,,a@b.c\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].queued, std::nullopt);
}

TEST(AccountingReader, ErrorsNameFileLineColumnAndField) {
  EXPECT_EQ(error_of("d,0,a@b.c\n"),
            "log.csv:1:1: error: a record before the header line (the first line names the columns, starting "
            "with \"type\")");
  EXPECT_EQ(error_of("type,rcpt\n"),
            "log.csv:1:1: error: the header line has no \"timeLogged\" column (a log needs type, timeLogged "
            "and rcpt)");
  EXPECT_EQ(error_of("type,timeLogged,rcpt\nd,0\n"),
            "log.csv:2:3: error: 2 fields where the header line names 3");
  EXPECT_EQ(error_of("type,timeLogged,rcpt\nd,0,a@b.c,extra\n"),
            "log.csv:2:11: error: 4 fields where the header line names 3");
  EXPECT_EQ(error_of("type,timeLogged,rcpt\nd,2026-01-05 00:00:00,a@b.c\n"),
            "log.csv:2:3: error: timeLogged: \"2026-01-05 00:00:00\" is not " + std::string(kLogTimeForms));
  EXPECT_EQ(error_of("type,rcpt,timeQueued,timeLogged\nb,a@b.c,yesterday,0\n"),
            "log.csv:2:9: error: timeQueued: \"yesterday\" is not " + std::string(kLogTimeForms));
  EXPECT_EQ(error_of("type,timeLogged,rcpt\nd,0,\"a@b.c\n"), "log.csv:2:5: error: unterminated quoted field");
}

TEST(AccountingReader, EchoedFieldsAreCut) {
  const std::string error = error_of("type,timeLogged,rcpt\nd," + std::string(5000, '9') + "x,a@b.c\n");
  EXPECT_LT(error.size(), 300u) << error;
}

}  // namespace
}  // namespace delivsim::acctlog
