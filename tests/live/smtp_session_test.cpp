// The SMTP state machine with a scripted judge: the protocol's own replies (sequence, syntax, limits,
// pipelining, dot-stuffing, STARTTLS) and what the judge is asked.
#include "sim/live/smtp_session.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace delivsim {
namespace {

struct ScriptedJudge : ConnectionJudge {
  SmtpReply greeting_reply{"220 test ESMTP", false};
  SmtpReply mail_reply{"250 2.1.0 OK", false};
  SmtpReply rcpt_reply{"250 2.1.5 OK", false};
  SmtpReply data_reply{"250 2.0.0 OK", false};
  std::vector<std::string> calls;
  MessageFacts last_message;

  SmtpReply greeting() override { return greeting_reply; }
  SmtpReply mail(const SmtpPath& path) override {
    calls.push_back("mail " + path.address);
    return mail_reply;
  }
  SmtpReply rcpt(const SmtpPath& path) override {
    calls.push_back("rcpt " + path.address);
    return rcpt_reply;
  }
  SmtpReply end_of_data(const MessageFacts& facts) override {
    calls.push_back("data " + std::to_string(facts.bytes));
    last_message = facts;
    return data_reply;
  }
  void reset() override { calls.push_back("reset"); }
  void tls_started() override { calls.push_back("tls"); }
};

struct Conversation {
  ScriptedJudge judge;
  SmtpSession session{judge, "mx.test", SmtpLimits{}, true};
  Conversation() { session.open(); }
  /// Sends `bytes` and returns the replies they drew (and clears them).
  std::string send(std::string_view bytes) {
    session.output().clear();
    session.receive(bytes);
    return session.output();
  }
};

TEST(SmtpSession, GreetsWithTheJudgesBanner) {
  Conversation c;
  EXPECT_EQ(c.session.output(), "220 test ESMTP\r\n");
}

TEST(SmtpSession, EhloAdvertisesTheExtensions) {
  Conversation c;
  EXPECT_EQ(c.send("EHLO client.example\r\n"),
            "250-mx.test at your service\r\n250-SIZE 157286400\r\n250-8BITMIME\r\n250-STARTTLS\r\n"
            "250-ENHANCEDSTATUSCODES\r\n250 PIPELINING\r\n");
  EXPECT_EQ(c.send("HELO client.example\r\n"), "250 mx.test\r\n");
}

TEST(SmtpSession, AWholeTransactionPipelinedInOneWrite) {
  Conversation c;
  const std::string replies = c.send(
      "EHLO c\r\nMAIL FROM:<a@news.example.com> SIZE=100 BODY=8BITMIME\r\nRCPT TO:<b@gmail.com>\r\n"
      "RCPT TO:<c@gmail.com>\r\nDATA\r\n");
  EXPECT_NE(replies.find("250 2.1.0 OK\r\n250 2.1.5 OK\r\n250 2.1.5 OK\r\n354 Go ahead\r\n"),
            std::string::npos);
  EXPECT_EQ(c.send("Subject: x\r\n\r\n..leading dot\r\n.\r\nQUIT\r\n"),
            "250 2.0.0 OK\r\n221 2.0.0 mx.test closing connection\r\n");
  EXPECT_TRUE(c.session.closing());
  // "Subject: x\r\n" (12) + "\r\n" (2) + ".leading dot\r\n" after un-stuffing (14)
  EXPECT_EQ(c.judge.last_message.bytes, 28u);
  EXPECT_EQ(c.judge.calls, (std::vector<std::string>{"mail a@news.example.com", "rcpt b@gmail.com",
                                                     "rcpt c@gmail.com", "data 28", "reset"}));
}

TEST(SmtpSession, CommandsOutOfSequenceGet503) {
  Conversation c;
  EXPECT_EQ(c.send("MAIL FROM:<a@b.c>\r\n"), "503 5.5.1 EHLO/HELO first\r\n");
  c.send("EHLO c\r\n");
  EXPECT_EQ(c.send("RCPT TO:<a@b.c>\r\n"), "503 5.5.1 Need MAIL before RCPT\r\n");
  EXPECT_EQ(c.send("DATA\r\n"), "503 5.5.1 Need MAIL command\r\n");
  c.send("MAIL FROM:<a@b.c>\r\n");
  EXPECT_EQ(c.send("MAIL FROM:<a@b.c>\r\n"), "503 5.5.1 Nested MAIL command\r\n");
  EXPECT_EQ(c.send("DATA\r\n"), "554 5.5.1 No valid recipients\r\n");
}

TEST(SmtpSession, MalformedCommandsGet500And501) {
  Conversation c;
  EXPECT_EQ(c.send("EHLO\r\n"), "501 5.5.4 Empty HELO/EHLO argument not allowed\r\n");
  EXPECT_EQ(c.send("BOGUS\r\n"), "500 5.5.1 Unrecognized command\r\n");
  c.send("EHLO c\r\n");
  EXPECT_EQ(c.send("MAIL FROM:a@b.c\r\n"), "501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n]\r\n");
  EXPECT_EQ(c.send("MAIL FROM:<a@b.c> SIZE=big\r\n"), "501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n]\r\n");
  c.send("MAIL FROM:<a@b.c>\r\n");
  EXPECT_EQ(c.send("RCPT TO:<nodomain>\r\n"), "501 5.5.4 Syntax: RCPT TO:<address>\r\n");
  EXPECT_EQ(c.send("RCPT TO:<>\r\n"), "501 5.5.4 Syntax: RCPT TO:<address>\r\n");
}

TEST(SmtpSession, TooManyErrorsCloseTheConnection) {
  Conversation c;
  std::string replies;
  for (int i = 0; i < 25; ++i) replies += c.send("BOGUS\r\n");
  EXPECT_TRUE(c.session.closing());
  EXPECT_NE(replies.find("421 4.7.0 Too many errors, closing connection"), std::string::npos);
  EXPECT_EQ(c.send("NOOP\r\n"), "");  // nothing is read after the close is decided
}

TEST(SmtpSession, AnOverlongCommandLineIsDroppedNotStored) {
  Conversation c;
  EXPECT_EQ(c.send("EHLO " + std::string(100000, 'x')), "");  // no newline yet: buffered up to the limit only
  EXPECT_EQ(c.send("\r\n"), "500 5.5.2 Line too long (RFC 5321 4.5.3.1.4: 512 octets)\r\n");
  EXPECT_EQ(c.send("NOOP\r\n"), "250 2.0.0 OK\r\n");
}

TEST(SmtpSession, SizeLimitsAreEnforcedAtMailAndAtTheEndOfData) {
  ScriptedJudge judge;
  SmtpLimits limits;
  limits.message_octets = 100;
  SmtpSession session(judge, "mx.test", limits, false);
  session.open();
  session.receive("EHLO c\r\nMAIL FROM:<a@b.c> SIZE=101\r\n");
  EXPECT_NE(session.output().find("552 5.3.4 Message size exceeds fixed maximum message size"),
            std::string::npos);
  session.output().clear();
  session.receive("MAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\nDATA\r\n" + std::string(200, 'x') + "\r\n.\r\n");
  EXPECT_NE(session.output().find("552 5.3.4"), std::string::npos);
  EXPECT_EQ(judge.calls.back(), "reset");  // the judge never saw the oversized message
  EXPECT_EQ(session.messages(), 0u);
}

TEST(SmtpSession, AnOverlongTextLineFailsTheMessage) {
  Conversation c;
  c.send("EHLO c\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\nDATA\r\n");
  EXPECT_EQ(c.send(std::string(5000, 'y') + "\r\n.\r\n"),
            "500 5.5.2 Line too long (RFC 5321 4.5.3.1.6: 1000 octets)\r\n");
}

TEST(SmtpSession, RecipientsBeyondTheLimitGet452) {
  Conversation c;
  c.send("EHLO c\r\nMAIL FROM:<a@b.c>\r\n");
  for (int i = 0; i < 100; ++i) c.send("RCPT TO:<r" + std::to_string(i) + "@e.f>\r\n");
  EXPECT_EQ(c.send("RCPT TO:<late@e.f>\r\n"), "452 4.5.3 Too many recipients\r\n");
}

TEST(SmtpSession, AJudgesClosingReplyEndsTheConversation) {
  Conversation c;
  c.judge.mail_reply = {"421 4.7.0 Try again later, closing connection.", true};
  EXPECT_EQ(c.send("EHLO c\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\n").substr(0, 4), "250-");
  EXPECT_TRUE(c.session.closing());
  EXPECT_EQ(c.judge.calls, (std::vector<std::string>{"mail a@b.c"}));  // the pipelined RCPT is not read
}

TEST(SmtpSession, AnEmptyClosingReplyClosesSilently) {
  Conversation c;
  c.judge.mail_reply = {"", true};
  EXPECT_EQ(c.send("EHLO c\r\n").substr(0, 4), "250-");
  EXPECT_EQ(c.send("MAIL FROM:<a@b.c>\r\n"), "");
  EXPECT_TRUE(c.session.closing());
}

TEST(SmtpSession, StartTlsDiscardsWhatWasPipelinedAfterIt) {
  Conversation c;
  c.send("EHLO c\r\n");
  EXPECT_EQ(c.send("STARTTLS\r\nMAIL FROM:<injected@b.c>\r\n"), "220 2.0.0 Ready to start TLS\r\n");
  EXPECT_TRUE(c.session.tls_pending());
  c.session.tls_started();
  EXPECT_EQ(c.send("MAIL FROM:<a@b.c>\r\n"), "503 5.5.1 EHLO/HELO first\r\n");  // RFC 3207 4.2
  EXPECT_EQ(c.send("EHLO c\r\n").find("STARTTLS"), std::string::npos);
  EXPECT_EQ(c.judge.calls, std::vector<std::string>{"tls"});  // the judge learns the mail now comes over TLS
}

TEST(SmtpSession, StartTlsIsRefusedWhenNotOffered) {
  ScriptedJudge judge;
  SmtpSession session(judge, "mx.test", SmtpLimits{}, false);
  session.receive("EHLO c\r\nSTARTTLS\r\n");
  EXPECT_EQ(session.output().find("250-STARTTLS"), std::string::npos);
  EXPECT_NE(session.output().find("502 5.5.1 STARTTLS not available"), std::string::npos);
}

TEST(SmtpSession, BareLineFeedsAndByteAtATimeInputReadTheSame) {
  Conversation whole, bytewise;
  const std::string input = "EHLO c\nMAIL FROM:<a@b.c>\nRCPT TO:<d@e.f>\nDATA\nhello\n.\nQUIT\n";
  const std::string expected = whole.send(input);
  std::string got;
  for (char ch : input) got += bytewise.send(std::string(1, ch));
  EXPECT_EQ(got, expected);
  EXPECT_NE(expected.find("250 2.0.0 OK"), std::string::npos);
}

TEST(SmtpSession, RsetAndEhloAbandonTheTransaction) {
  Conversation c;
  c.send("EHLO c\r\nMAIL FROM:<a@b.c>\r\n");
  EXPECT_EQ(c.send("RSET\r\n"), "250 2.0.0 OK\r\n");
  EXPECT_EQ(c.send("RCPT TO:<d@e.f>\r\n"), "503 5.5.1 Need MAIL before RCPT\r\n");
  EXPECT_EQ(c.judge.calls, (std::vector<std::string>{"mail a@b.c", "reset"}));
  EXPECT_EQ(c.send("VRFY x\r\n").substr(0, 3), "252");
  EXPECT_EQ(c.send("NOOP\r\n"), "250 2.0.0 OK\r\n");
}

/// Records what a MessageSink is given.
struct RecordingSink : MessageSink {
  std::vector<std::string> events;
  void begin(const std::string& reverse_path, const std::vector<std::string>& recipients) override {
    std::string event = "begin " + reverse_path;
    for (const std::string& r : recipients) event += " " + r;
    events.push_back(event);
  }
  void line(std::string_view text) override { events.push_back("line " + std::string(text)); }
  void end(bool accepted) override { events.push_back(accepted ? "kept" : "dropped"); }
};

TEST(SmtpSession, ASinkTakesTheEnvelopeAndTheUnstuffedContentOfEachMessage) {
  ScriptedJudge judge;
  RecordingSink sink;
  SmtpSession session{judge, "mx.test", SmtpLimits{}, false, &sink};
  session.open();
  session.receive(
      "EHLO c\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@gmail.com>\r\nRCPT TO:<c@gmail.com>\r\nDATA\r\n"
      "Subject: s\r\n\r\n..dot\r\n.\r\n");
  judge.data_reply = {"550 5.7.1 refused", false};
  session.receive("MAIL FROM:<>\r\nRCPT TO:<d@gmail.com>\r\nDATA\r\nbody\r\n.\r\n");
  EXPECT_EQ(sink.events,
            (std::vector<std::string>{"begin a@x.example b@gmail.com c@gmail.com", "line Subject: s", "line ",
                                      "line .dot", "kept", "begin  d@gmail.com", "line body", "dropped"}));
}

TEST(SmtpSession, ASinkStopsTakingAMessageBeyondTheSizeLimit) {
  ScriptedJudge judge;
  RecordingSink sink;
  SmtpLimits limits;
  limits.message_octets = 10;
  SmtpSession session{judge, "mx.test", limits, false, &sink};
  session.open();
  session.receive("EHLO c\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@gmail.com>\r\nDATA\r\n12345678\r\n");
  session.receive("over the limit\r\n.\r\n");
  EXPECT_EQ(sink.events,
            (std::vector<std::string>{"begin a@x.example b@gmail.com", "line 12345678", "dropped"}));
  EXPECT_NE(session.output().find("552 5.3.4"), std::string::npos);
}

TEST(SmtpSession, MidCommandFromACommandsFirstByteToItsEndAndThroughoutDataContent) {
  Conversation c;
  EXPECT_FALSE(c.session.mid_command());
  c.send("EH");
  EXPECT_TRUE(c.session.mid_command());
  c.send("LO c\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@gmail.com>\r\n");
  EXPECT_FALSE(c.session.mid_command());
  c.send("DATA\r\n");
  EXPECT_TRUE(c.session.mid_command());
  c.send("line\r\n");
  EXPECT_TRUE(c.session.mid_command());
  c.send(".\r\n");
  EXPECT_FALSE(c.session.mid_command());
}

}  // namespace
}  // namespace delivsim
