// What end of DATA reads from a message: the DKIM d= tag, the From: domain, the size, in bounded memory.
#include "sim/live/message_scan.h"

#include <gtest/gtest.h>

#include "sim/live/smtp_command.h"

namespace delivsim {
namespace {

void feed(MessageScan& scan, std::string_view lines) {
  while (!lines.empty()) {
    const std::size_t end = lines.find('\n');
    scan.line(lines.substr(0, end), end + 1);
    lines.remove_prefix(end + 1);
  }
}

TEST(MessageScan, ReadsTheFirstSignaturesDomainAcrossFoldedLines) {
  MessageScan scan;
  feed(scan,
       "Received: from x\n"
       "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\n"
       "\ts=sel; d=News.Example.COM;\n"
       "\th=from:to; bh=abc; b=def\n"
       "DKIM-Signature: v=1; d=esp.example.net; s=x; b=y\n"
       "From: \"News\" <letters@News.Example.com>\n"
       "\n"
       "DKIM-Signature: v=1; d=body.example; b=z\n");
  const MessageFacts& facts = scan.finish();
  EXPECT_EQ(facts.dkim_domain, "news.example.com");
  EXPECT_EQ(facts.from_domain, "news.example.com");
  EXPECT_FALSE(facts.line_too_long);
}

TEST(MessageScan, AMessageWithoutSignatureOrBodyLine) {
  MessageScan scan;
  feed(scan, "From: a@b.example\n");
  EXPECT_EQ(scan.finish().dkim_domain, "");
  EXPECT_EQ(scan.finish().from_domain, "b.example");
}

TEST(MessageScan, AHugeHeaderFieldIsSkippedNotKept) {
  MessageScan scan(64);
  feed(scan, "DKIM-Signature: v=1;\n");
  for (int i = 0; i < 1000; ++i) feed(scan, " x=" + std::string(50, 'a') + ";\n");
  feed(scan, " d=late.example;\nFrom: a@b.example\n\n");
  const MessageFacts& facts = scan.finish();
  EXPECT_EQ(facts.dkim_domain, "");  // the field overflowed, so it was not read
  EXPECT_EQ(facts.from_domain, "b.example");
}

TEST(DkimSigningDomain, TagValuesLoseTheirFoldingWhitespace) {
  EXPECT_EQ(dkim_signing_domain(" v=1; d = ex ample.org ; s=x"), "example.org");
  EXPECT_EQ(dkim_signing_domain("v=1; s=x"), "");
  EXPECT_EQ(dkim_signing_domain("dd=x; d=y.example"), "y.example");
}

TEST(SmtpPath, MailAndRcptArguments) {
  const auto mail = parse_smtp_path("FROM:<Bounce@News.Example.com> SIZE=123 BODY=8BITMIME", "FROM:");
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->address, "Bounce@News.Example.com");
  EXPECT_EQ(mail->domain, "news.example.com");
  EXPECT_EQ(mail->size, 123u);
  EXPECT_EQ(parse_smtp_path("from: <>", "FROM:")->address, "");
  EXPECT_EQ(parse_smtp_path("TO:<@relay.example:u@gmail.com>", "TO:")->domain, "gmail.com");
  EXPECT_FALSE(parse_smtp_path("TO:<u@>", "TO:"));
  EXPECT_FALSE(parse_smtp_path("TO:<u@gmail.com", "TO:"));
  EXPECT_FALSE(parse_smtp_path("TO:<u@gmail.com>x", "TO:"));
  EXPECT_FALSE(parse_smtp_path("FROM:<a@b.c> SIZE=", "FROM:"));
  EXPECT_FALSE(parse_smtp_path("TO:<" + std::string(300, 'a') + "@b.c>", "TO:"));
}

TEST(SmtpCommand, VerbsAreCaseInsensitive) {
  EXPECT_EQ(parse_smtp_command("ehlo x").verb, SmtpVerb::Ehlo);
  EXPECT_EQ(parse_smtp_command("StartTLS").verb, SmtpVerb::StartTls);
  EXPECT_EQ(parse_smtp_command("MAIL FROM:<a@b.c>").argument, "FROM:<a@b.c>");
  EXPECT_EQ(parse_smtp_command("MAILX").verb, SmtpVerb::Unknown);
  EXPECT_EQ(parse_smtp_command("").verb, SmtpVerb::Unknown);
}

}  // namespace
}  // namespace delivsim
