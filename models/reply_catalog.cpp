#include "models/reply_catalog.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace delivsim {

namespace {

/// One catalog entry as written in the tables below.
struct ReplyRow {
  ReplyKind kind;
  int basic_code;
  const char* enhanced;
  SmtpStep step;
  const char* text;
  /// The provider's own tag that tells apart replies with the same codes, added to the key; the text
  /// carries it as the provider writes it. Yahoo's "421 4.7.0 [TSS04] ..." has key "421 4.7.0 [TSS04]";
  /// with no enhanced code, Microsoft's "421 RP-001 ..." (text "RP-001 ...") has key "421 RP-001".
  const char* tag = "";
};

ReplyInfo build_reply(const ReplyRow& row) {
  ReplyInfo info;
  info.used = true;
  info.basic_code = row.basic_code;
  info.enhanced = row.enhanced;
  info.key = std::to_string(row.basic_code);
  if (!info.enhanced.empty()) info.key += " " + info.enhanced;
  if (*row.tag != '\0')
    info.key += info.enhanced.empty() ? std::string(" ") + row.tag : std::string(" [") + row.tag + "]";
  info.step = row.step;
  info.text = row.text;
  info.closes_connection = row.basic_code == 421;  // RFC 5321: 421 closes the transmission channel
  return info;
}

std::array<ReplyInfo, kReplyKindCount> build_replies(std::initializer_list<ReplyRow> rows) {
  std::array<ReplyInfo, kReplyKindCount> replies{};
  for (const ReplyRow& row : rows) replies[static_cast<std::size_t>(row.kind)] = build_reply(row);
  return replies;
}

/// A text variant's change to a built catalog: `row` replaces the reply for its kind.
void replace_reply(std::array<ReplyInfo, kReplyKindCount>& replies, const ReplyRow& row) {
  replies[static_cast<std::size_t>(row.kind)] = build_reply(row);
}

/// How "{what}" reads in a reply naming an identity of this kind.
std::string_view identity_description(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::Ip:
      return "IP address";
    case IdentityKind::Dkim:
      return "DKIM domain";
    case IdentityKind::Spf:
      return "SPF domain";
  }
  return "";
}

void replace_all(std::string& text, std::string_view placeholder, std::string_view value) {
  for (auto at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size())) {
    text.replace(at, placeholder.size(), value);
  }
}

/// The reply's text with its placeholders filled in, still with '\n' between lines.
std::string expanded_text(const ReplyInfo& info, IdentityKind identity_kind, std::string_view identity,
                          std::string_view sending_ip) {
  std::string text = info.text_naming(identity_kind);
  replace_all(text, "{id}", identity);
  replace_all(text, "{what}", identity_description(identity_kind));
  replace_all(text, "{ip}", sending_ip);
  return text;
}

/// Joins the lines of `text`, putting `continuation_prefix` before every line but the last,
/// `last_prefix` before the last, and `separator` between lines.
std::string join_lines(const std::string& text, const std::string& continuation_prefix,
                       const std::string& last_prefix, std::string_view separator) {
  std::string joined;
  std::size_t line_start = 0;
  for (auto line_end = text.find('\n'); line_end != std::string::npos;
       line_end = text.find('\n', line_start)) {
    joined += continuation_prefix;
    joined.append(text, line_start, line_end - line_start);
    joined += separator;
    line_start = line_end + 1;
  }
  joined += last_prefix;
  joined.append(text, line_start);
  return joined;
}

// Microsoft's texts (domain-facts-wave2 1.2). Outlook.com sends one-line replies and ends each refusal with
// "[<host> <time> <id>]" (e.g. "[VI1EUR05FT055.eop-eur05.prod.protection.outlook.com
// 2023-09-21T22:58:42.927Z 1234ABCD1234ABCD]"), left out here: delivsim has no such host or id.
constexpr const char* kMicrosoftReputation =
    "The mail server [{ip}] has been temporarily rate limited due to IP reputation. For e-mail delivery "
    "information, see https://aka.ms/postmaster (S775)";
/// The common IP block (sevencreative.co.uk, wordtothewise.com 2017; a Postfix bounce of 2023 from
/// hotmail-com.olc.protection.outlook.com "in reply to MAIL FROM command").
constexpr const char* kMicrosoftBlockS3140 =
    "Unfortunately, messages from [{ip}] weren't sent. Please contact your Internet service provider since "
    "part of their network is on our block list (S3140). You can also refer your provider to "
    "http://mail.live.com/mail/troubleshooting.aspx#errors.";

}  // namespace

std::string_view smtp_step_name(SmtpStep step) {
  switch (step) {
    case SmtpStep::Greeting:
      return "greeting";
    case SmtpStep::MailFrom:
      return "mail_from";
    case SmtpStep::RcptTo:
      return "rcpt_to";
    case SmtpStep::EndOfData:
      return "end_of_data";
    case SmtpStep::None:
      return "none";
  }
  return "";
}

std::string_view identity_kind_name(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::Ip:
      return "ip";
    case IdentityKind::Dkim:
      return "dkim";
    case IdentityKind::Spf:
      return "spf";
  }
  return "";
}

ReplyCatalog ReplyCatalog::gmail() {
  // Texts of Google's "SMTP errors and codes" page (2025-08, domain-facts-wave2 1.1); line breaks as a
  // server folds them; Gmail ends each reply with "- gsmtp". The blocking twins 5.7.27, 5.7.30 and 5.7.40
  // carry the first sentence, the part the source quotes.
  // SMTP steps (domain-facts-wave2 0.5 and 1.1): 4.7.28 answers end of DATA (published, and 421 4.7.28 and
  // 421 4.7.0 "after end of DATA" in the 2018 and 2020 logs); "Try again later, closing connection" comes "at
  // the HELO stage" (Google's "About SMTP error messages"); 450 4.2.1 and 550 5.1.1 judge one recipient; the
  // authentication replies need the message's headers (DKIM, From:). Assumed: 250 (the message's final
  // reply), 4.3.0 and 5.7.1 ("this message") at end of DATA, like the other message-level replies.
  ReplyCatalog catalog;
  catalog.replies_ = build_replies({
      {ReplyKind::Accepted, 250, "2.0.0", SmtpStep::EndOfData, "OK - gsmtp"},
      // The variant naming no identity; the receiver always names one (text_for_kind below).
      {ReplyKind::QuotaExceeded, 421, "4.7.28", SmtpStep::EndOfData,
       "Gmail has detected an unusual rate of email. To protect our users from\n"
       "spam, email has been temporarily rate limited. To review our bulk email\n"
       "senders guidelines, go to Email sender guidelines. - gsmtp"},
      {ReplyKind::TooManyConnections, 421, "4.7.0", SmtpStep::Greeting,
       "Try again later, closing connection. - gsmtp"},
      {ReplyKind::LowReputation, 421, "4.7.0", SmtpStep::EndOfData,
       "[{id}] Our system has detected that this message is\n"
       "suspicious due to the very low reputation of the sending {what}.\n"
       "To protect our users from spam, mail sent from your {what} has\n"
       "been temporarily rate limited. Please visit\n"
       "https://support.google.com/mail/answer/188131 for more information. - gsmtp"},
      {ReplyKind::RecipientRateLimited, 450, "4.2.1", SmtpStep::RcptTo,
       "The user you are trying to contact is receiving mail at a rate that\n"
       "prevents additional messages from being delivered. Please resend your\n"
       "message at a later point. - gsmtp"},
      {ReplyKind::TransientFault, 421, "4.3.0", SmtpStep::EndOfData,
       "Temporary System Problem. Try again later. - gsmtp"},
      // {id} is the SPF domain, {ip} the sending IP.
      {ReplyKind::Unauthenticated, 421, "4.7.26", SmtpStep::EndOfData,
       "This email has been rate limited because it is unauthenticated. Gmail\n"
       "requires all senders to authenticate with either SPF or DKIM.\n"
       "Authentication results: DKIM = did not pass SPF {id} with ip:\n"
       "{ip} = did not pass. - gsmtp"},
      {ReplyKind::SpfRequired, 421, "4.7.27", SmtpStep::EndOfData,
       "Your email has been rate limited because SPF authentication didn't\n"
       "pass for this message. Gmail requires all bulk email senders to\n"
       "authenticate their email with SPF. Authentication results: SPF\n"
       "{id} with IP address: {ip} = Did not pass. - gsmtp"},
      {ReplyKind::DkimRequired, 421, "4.7.30", SmtpStep::EndOfData,
       "Your email has been rate limited because DKIM authentication didn't\n"
       "pass for this message. Gmail requires all email bulk senders to\n"
       "authenticate their email with DKIM. Authentication results: DKIM = Did\n"
       "not pass. - gsmtp"},
      {ReplyKind::TlsRequired, 421, "4.7.29", SmtpStep::EndOfData,
       "Your email has been rate limited because you're not using a TLS\n"
       "connection. Gmail requires all bulk email senders to use TLS/SSL for\n"
       "SMTP connections. - gsmtp"},
      {ReplyKind::NotAligned, 421, "4.7.32", SmtpStep::EndOfData,
       "Your email has been rate limited because the From: header (RFC5322) in\n"
       "this message isn't aligned with either the authenticated SPF or DKIM\n"
       "organizational domain. - gsmtp"},
      {ReplyKind::DmarcRequired, 421, "4.7.40", SmtpStep::EndOfData,
       "Your email has been rate limited because the sending domain doesn't\n"
       "have a DMARC record, or the DMARC record doesn't specify a DMARC\n"
       "policy. Gmail requires all bulk email senders to add a DMARC record to\n"
       "their sending domain. - gsmtp"},
      {ReplyKind::UnknownUser, 550, "5.1.1", SmtpStep::RcptTo,
       "The email account that you tried to reach does not exist. Please try\n"
       "double-checking the recipient's email address for typos or\n"
       "unnecessary spaces. - gsmtp"},
      {ReplyKind::Blocked, 550, "5.7.1", SmtpStep::EndOfData,
       "[{id}] Our system has detected that this message is\n"
       "likely unsolicited mail. To reduce the amount of spam sent to Gmail,\n"
       "this message has been blocked. - gsmtp"},
      {ReplyKind::RejectedUnauthenticated, 550, "5.7.26", SmtpStep::EndOfData,
       "This email has been blocked because the sender is unauthenticated.\n"
       "Gmail requires all senders to authenticate with either SPF or DKIM.\n"
       "Authentication results: DKIM = did not pass SPF [{id}] with ip:\n"
       "[{ip}] = did not pass. - gsmtp"},
      {ReplyKind::RejectedSpf, 550, "5.7.27", SmtpStep::EndOfData,
       "This message was blocked because it didn't pass SPF authentication. - gsmtp"},
      {ReplyKind::RejectedDkim, 550, "5.7.30", SmtpStep::EndOfData,
       "This message was blocked because it didn't pass DKIM authentication. - gsmtp"},
      // The blocking twin of 4.7.29: its first sentence as domain-facts-wave2 1.1 quotes it, then 4.7.29's
      // second.
      {ReplyKind::RejectedTls, 550, "5.7.29", SmtpStep::EndOfData,
       "This message was blocked because it wasn't sent over a TLS connection.\n"
       "Gmail requires all bulk email senders to use TLS/SSL for SMTP\n"
       "connections. - gsmtp"},
      {ReplyKind::RejectedNotAligned, 421, "5.7.32", SmtpStep::EndOfData,
       "Your email was blocked because the From: header (RFC5322) in this\n"
       "message isn't aligned with either the authenticated SPF or DKIM\n"
       "organizational domain. - gsmtp"},
      {ReplyKind::RejectedDmarc, 550, "5.7.40", SmtpStep::EndOfData,
       "Your message was blocked because the sending domain doesn't have a\n"
       "DMARC record. - gsmtp"},
      // Written by the sender into its own expiry DSN, so no "- gsmtp".
      {ReplyKind::Expired, 554, "5.4.7", SmtpStep::None, "delivery time expired"},
  });
  catalog.set_text_for_kind(ReplyKind::QuotaExceeded, IdentityKind::Ip,
                            "Gmail has detected an unusual rate of email originating from your IP\n"
                            "address {id}. To protect our users from spam, email sent from your IP\n"
                            "address has been temporarily rate limited. To review our bulk email\n"
                            "senders guidelines, go to Email sender guidelines. - gsmtp");
  catalog.set_text_for_kind(ReplyKind::QuotaExceeded, IdentityKind::Dkim,
                            "Gmail has detected an unusual rate of unsolicited email originating\n"
                            "from your DKIM domain {id}. To protect our users from spam, email sent\n"
                            "from your domain has been temporarily rate limited. To review our bulk\n"
                            "email senders guidelines, go to Email sender guidelines. - gsmtp");
  catalog.set_text_for_kind(ReplyKind::QuotaExceeded, IdentityKind::Spf,
                            "Gmail has detected an unusual rate of unsolicited email originating\n"
                            "from your SPF domain {id}. To protect our users from spam, email sent\n"
                            "from your domain has been temporarily rate limited. To review our bulk\n"
                            "email senders guidelines, go to Email sender guidelines. - gsmtp");
  return catalog;
}

ReplyCatalog ReplyCatalog::gmail_legacy() {
  ReplyCatalog catalog = gmail();
  ReplyInfo& quota = catalog.replies_[static_cast<std::size_t>(ReplyKind::QuotaExceeded)];
  // Seed 002's reply, with the line breaks as received.
  quota.text =
      "[{id}] Our system has detected an unusual rate of\n"
      "unsolicited mail originating from your {what}. To protect our\n"
      "users from spam, mail sent from your {what} has been temporarily\n"
      "rate limited. Please visit\n"
      "https://support.google.com/mail/?p=UnsolicitedRateLimitError to\n"
      "review our Bulk Email Senders Guidelines. - gsmtp";
  quota.text_for_kind = {};
  return catalog;
}

ReplyCatalog ReplyCatalog::microsoft() {
  // SMTP steps (domain-facts-wave2 0.5 and 1.2): RP-001 (2012 log), 4.7.650 and the 5.7.1 blocks answer MAIL
  // FROM; 4.7.500 answers RCPT TO (sisimai's Postfix log "in reply to RCPT TO command"); 5.5.0 judges one
  // recipient; 5.7.515 needs the From: header (DMARC), so end of DATA. Assumed: RP-002 at MAIL FROM (the
  // message after the limit, like RP-001), RP-003 at the greeting (a connection refused before any
  // transaction), 250 at end of DATA.
  // The RP texts: RP-001 as received (https://pastebin.com/dW4JrGn7, quoting the sending IP); RP-002 and
  // RP-003 as Microsoft's troubleshooting page defines them (no received form found), after the tag.
  // Left out: a per-recipient rate reply, authentication deferrals and "SPF or DKIM" for every sender
  // (Microsoft rejects bulk senders only, with 550 5.7.515, since 2025-05-05), greylisting, DNSBL refusals.
  constexpr const char* kAuthLevel =
      "Access denied, sending domain [{id}] does not meet the required authentication level.";
  ReplyCatalog catalog;
  catalog.replies_ = build_replies({
      // Delivery responses of hotmail-com.olc.protection.outlook.com in senders' logs (SendGrid 2018,
      // Postal 2025): "250 2.6.0 <message-id> [InternalId=..., Hostname=...] <n> bytes in <s>, <r> KB/sec
      // Queued mail for delivery -> 250 2.1.5"; the message ID, host and figures are left out.
      {ReplyKind::Accepted, 250, "2.6.0", SmtpStep::EndOfData, "Queued mail for delivery -> 250 2.1.5"},
      {ReplyKind::QuotaExceeded, 421, "", SmtpStep::MailFrom,
       "RP-001 (SNT0-MC2-F19) Unfortunately, some messages from {ip} weren't sent. Please try again. We "
       "have limits for how many messages can be sent per hour and per day. You can also refer to "
       "http://mail.live.com/mail/troubleshooting.aspx#errors.",
       "RP-001"},
      {ReplyKind::ConnectionMessageLimit, 421, "", SmtpStep::MailFrom,
       "RP-002 The mail server IP connecting to Outlook.com server has exceeded the rate limit allowed on "
       "this connection. Reason for rate limitation is related to IP/domain reputation.",
       "RP-002"},
      {ReplyKind::TooManyConnections, 421, "", SmtpStep::Greeting,
       "RP-003 The mail server IP connecting to Outlook.com server has exceeded the connection limit "
       "allowed. Reason for limitation is related to IP/domain reputation.",
       "RP-003"},
      {ReplyKind::LowReputation, 451, "4.7.650", SmtpStep::MailFrom, kMicrosoftReputation},
      {ReplyKind::TransientFault, 451, "4.7.500", SmtpStep::RcptTo,
       "Server busy. Please try again later from [{ip}]. (AS761)"},
      // sisimai (5.5.0: "domain is @hotmail.com or @outlook.com and it wasn't found"); the "(S2017062302)"
      // as in recipients' bounces from outlook.com (2025-2026).
      {ReplyKind::UnknownUser, 550, "5.5.0", SmtpStep::RcptTo,
       "Requested action not taken: mailbox unavailable (S2017062302)."},
      {ReplyKind::Blocked, 550, "5.7.1", SmtpStep::MailFrom, kMicrosoftBlockS3140},
      {ReplyKind::RejectedSpf, 550, "5.7.515", SmtpStep::EndOfData, kAuthLevel},
      {ReplyKind::RejectedDkim, 550, "5.7.515", SmtpStep::EndOfData, kAuthLevel},
      {ReplyKind::RejectedNotAligned, 550, "5.7.515", SmtpStep::EndOfData, kAuthLevel},
      {ReplyKind::RejectedDmarc, 550, "5.7.515", SmtpStep::EndOfData, kAuthLevel},
      {ReplyKind::Expired, 554, "5.4.7", SmtpStep::None, "delivery time expired"},
  });
  return catalog;
}

// The variants below are microsoft() with one reply's text (and code) replaced; the rest as today.
ReplyCatalog ReplyCatalog::microsoft_legacy() {
  // sisimai `microsoft` (Postfix log, undated); the 2026 form points to https://aka.ms/postmaster.
  ReplyCatalog catalog = microsoft();
  replace_reply(catalog.replies_,
                {ReplyKind::LowReputation, 451, "4.7.650", SmtpStep::MailFrom,
                 "The mail server [{ip}] has been temporarily rate limited due to IP reputation. For e-mail "
                 "delivery information, see https://postmaster.live.com (S775)"});
  return catalog;
}

ReplyCatalog ReplyCatalog::microsoft_network_block() {
  // domain-facts-wave2 1.2 (sisimai `microsoft`): the S3140 text with S3150, a block of the IP's network.
  ReplyCatalog catalog = microsoft();
  replace_reply(catalog.replies_,
                {ReplyKind::Blocked, 550, "5.7.1", SmtpStep::MailFrom,
                 "Unfortunately, messages from [{ip}] weren't sent. Please contact your Internet service "
                 "provider since part of their network is on our block list (S3150). You can also refer "
                 "your provider to http://mail.live.com/mail/troubleshooting.aspx#errors."});
  return catalog;
}

ReplyCatalog ReplyCatalog::microsoft_s3114() {
  // "same text with (S3114)": https://learn.microsoft.com/en-us/answers/questions/5910730/
  ReplyCatalog catalog = microsoft();
  replace_reply(catalog.replies_,
                {ReplyKind::LowReputation, 451, "4.7.651", SmtpStep::MailFrom,
                 "The mail server [{ip}] has been temporarily rate limited due to IP reputation. For e-mail "
                 "delivery information, see https://aka.ms/postmaster (S3114)"});
  return catalog;
}

ReplyCatalog ReplyCatalog::yahoo() {
  // Texts as received (domain-facts-wave2 1.3: sisimai `yahooinc`, which quotes them with their codes). One
  // reply for several mechanisms where Yahoo gives one: [TSS04] says "unexpected volume or user complaints",
  // so it answers both the quota and low reputation; 554 5.7.9 answers every bulk requirement.
  // Not modelled as variants: [TSS11] has [TSS09]'s codes and text, and no source tells when Yahoo sends
  // which, so [TSS09] stands for both; [BL23] ("Connections not accepted from IP addresses on Spamhaus XBL")
  // is the XBL (hijacked hosts) twin of [BL21], while delivsim lists an IP for spam-trap hits (SBL), so
  // [BL21] only.
  // Left out (no sourced reply, so the receiver never applies the mechanism): TooManyConnections (Yahoo
  // publishes no connection cap; Validity's 150 is a third party's), TransientFault, and the 421 deferrals
  // of the authentication requirements (Yahoo rejects).
  // SMTP steps: [TSS04] and [TS03] answer MAIL FROM (published: sisimai's and pastebin's "in reply to MAIL
  // FROM command"); [BL21] refuses the connection ("Connections will not be accepted"). Assumed: [TSS09] at
  // MAIL FROM like [TS03] (same text); 5.7.9 at end of DATA (DKIM needs the message); 450 at RCPT TO (one
  // recipient); the unknown user at end of DATA (sisimai's Yahoo "mailbox not found" sample is "in reply to
  // end of DATA command"); the per-connection limit at the MAIL FROM past the limit; 250 at end of DATA.
  ReplyCatalog catalog;
  catalog.replies_ = build_replies({
      // Assumed text: Yahoo's acceptance text is in no source.
      {ReplyKind::Accepted, 250, "", SmtpStep::EndOfData, "OK"},
      {ReplyKind::QuotaExceeded, 421, "4.7.0", SmtpStep::MailFrom,
       "[TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - "
       "4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
       "TSS04"},
      {ReplyKind::LowReputation, 421, "4.7.0", SmtpStep::MailFrom,
       "[TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - "
       "4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
       "TSS04"},
      {ReplyKind::RecipientRateLimited, 450, "", SmtpStep::RcptTo, "User is receiving mail too quickly"},
      // sisimai quotes it with the recipient's address in parentheses after "account"; the receiver knows
      // no address, so the text ends before it.
      {ReplyKind::UnknownUser, 554, "", SmtpStep::EndOfData,
       "delivery error: dd This user doesn't have a yahoo.com account"},
      {ReplyKind::Blocked, 553, "5.7.2", SmtpStep::MailFrom,
       "[TSS09] All messages from {ip} will be permanently deferred; Retrying will NOT succeed. See "
       "https://postmaster.yahooinc.com/error-codes",
       "TSS09"},
      {ReplyKind::RejectedUnauthenticated, 550, "5.7.9", SmtpStep::EndOfData,
       "This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to "
       "authenticate with either SPF or DKIM."},
      {ReplyKind::RejectedSpf, 554, "5.7.9", SmtpStep::EndOfData,
       "Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes"},
      {ReplyKind::RejectedDkim, 554, "5.7.9", SmtpStep::EndOfData,
       "Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes"},
      {ReplyKind::RejectedNotAligned, 554, "5.7.9", SmtpStep::EndOfData,
       "Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes"},
      {ReplyKind::RejectedDmarc, 554, "5.7.9", SmtpStep::EndOfData,
       "Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes"},
      // sisimai quotes it with no enhanced code; Yahoo's own page says the server closes "without giving an
      // error message" (ReceiverParams::close_silently_at_message_limit picks).
      {ReplyKind::ConnectionMessageLimit, 421, "", SmtpStep::MailFrom,
       "Max message per connection reached, closing transmission channel"},
      {ReplyKind::Blocklisted, 553, "5.7.1", SmtpStep::Greeting,
       "[BL21] Connections will not be accepted from {ip}, because the ip is in Spamhaus's list; see "
       "http://postmaster.yahoo.com/550-bl23.html",
       "BL21"},
      {ReplyKind::Expired, 554, "5.4.7", SmtpStep::None, "delivery time expired"},
  });
  return catalog;
}

ReplyCatalog ReplyCatalog::yahoo_legacy() {
  // The pre-2024 reputation replies (domain-facts-wave2 1.3), all at MAIL FROM; the rest as today.
  ReplyCatalog catalog = yahoo();
  replace_reply(catalog.replies_,
                {ReplyKind::LowReputation, 421, "4.7.0", SmtpStep::MailFrom,
                 "[TS01] Messages from {ip} temporarily deferred due to user complaints - 4.16.55.1; "
                 "see http://postmaster.yahoo.com/421-ts01.html",
                 "TS01"});
  // Only "[TS02]", "Temporarily deferred" and "unusual traffic" are sourced (a third-party decoder); the
  // sentence around them is assumed, in [TS01]'s form.
  replace_reply(catalog.replies_,
                {ReplyKind::QuotaExceeded, 421, "4.7.0", SmtpStep::MailFrom,
                 "[TS02] Messages from {ip} temporarily deferred due to unusual traffic", "TS02"});
  // A block with a transient code, as published: a sender retries it in vain until its queue lifetime ends.
  replace_reply(catalog.replies_,
                {ReplyKind::Blocked, 421, "4.7.1", SmtpStep::MailFrom,
                 "[TS03] All messages from {ip} will be permanently deferred; Retrying will NOT "
                 "succeed. See https://help.yahoo.com/kb/postmaster/SLN3436.html",
                 "TS03"});
  return catalog;
}

ReplyCatalog ReplyCatalog::generic() {
  // Every SMTP step assumed: those of Gmail's catalog, reply for reply.
  ReplyCatalog catalog;
  catalog.replies_ = build_replies({
      {ReplyKind::Accepted, 250, "2.0.0", SmtpStep::EndOfData, "OK"},
      {ReplyKind::QuotaExceeded, 421, "4.7.28", SmtpStep::EndOfData,
       "[{id}] Rate limit exceeded for your {what}, try again later"},
      {ReplyKind::TooManyConnections, 421, "4.7.0", SmtpStep::Greeting,
       "Too many connections, try again later"},
      {ReplyKind::LowReputation, 421, "4.7.0", SmtpStep::EndOfData,
       "[{id}] Rate limited for poor reputation, try again later"},
      {ReplyKind::RecipientRateLimited, 450, "4.2.1", SmtpStep::RcptTo,
       "Mailbox receiving mail too fast, try again later"},
      {ReplyKind::TransientFault, 421, "4.3.0", SmtpStep::EndOfData,
       "Temporary system problem, try again later"},
      {ReplyKind::Unauthenticated, 421, "4.7.26", SmtpStep::EndOfData,
       "Unauthenticated mail is rate limited, try again later"},
      {ReplyKind::SpfRequired, 421, "4.7.27", SmtpStep::EndOfData, "SPF did not pass, try again later"},
      {ReplyKind::DkimRequired, 421, "4.7.30", SmtpStep::EndOfData, "DKIM did not pass, try again later"},
      {ReplyKind::TlsRequired, 421, "4.7.29", SmtpStep::EndOfData, "Not sent over TLS, try again later"},
      {ReplyKind::NotAligned, 421, "4.7.32", SmtpStep::EndOfData,
       "From: domain not aligned with SPF or DKIM, try again later"},
      {ReplyKind::DmarcRequired, 421, "4.7.40", SmtpStep::EndOfData, "No DMARC record, try again later"},
      {ReplyKind::UnknownUser, 550, "5.1.1", SmtpStep::RcptTo, "No such user"},
      {ReplyKind::Blocked, 550, "5.7.1", SmtpStep::EndOfData,
       "[{id}] Delivery not authorized, message refused"},
      {ReplyKind::RejectedUnauthenticated, 550, "5.7.26", SmtpStep::EndOfData,
       "Unauthenticated mail is not accepted"},
      {ReplyKind::RejectedSpf, 550, "5.7.27", SmtpStep::EndOfData, "SPF did not pass, message refused"},
      {ReplyKind::RejectedDkim, 550, "5.7.30", SmtpStep::EndOfData, "DKIM did not pass, message refused"},
      {ReplyKind::RejectedTls, 550, "5.7.29", SmtpStep::EndOfData, "Not sent over TLS, message refused"},
      {ReplyKind::RejectedNotAligned, 421, "5.7.32", SmtpStep::EndOfData,
       "From: domain not aligned with SPF or DKIM, message refused"},
      {ReplyKind::RejectedDmarc, 550, "5.7.40", SmtpStep::EndOfData, "No DMARC record, message refused"},
      // Off unless max_messages_per_connection is set (default 0). Assumed text, after RFC 5321's 421
      // "closing transmission channel"; no enhanced code, so its key "421" is its own.
      {ReplyKind::ConnectionMessageLimit, 421, "", SmtpStep::MailFrom,
       "Too many messages on this connection, closing transmission channel"},
      // Off unless greylist_enabled. Postfix's reply to a Postgrey deferral, Postgrey's default greylist text
      // ("Greylisted" + help URL, `postgrey --help`) as Postfix logs it: "450 4.2.0 <rcpt>: Recipient address
      // rejected: Greylisted, see http://postgrey.schweikert.ch/help/<domain>.html"; the recipient and the
      // help URL left out, so the text is the same for every message.
      {ReplyKind::Greylisted, 450, "4.2.0", SmtpStep::RcptTo, "Recipient address rejected: Greylisted"},
      {ReplyKind::Expired, 554, "5.4.7", SmtpStep::None, "delivery time expired"},
  });
  return catalog;
}

const std::string& ReplyInfo::text_naming(IdentityKind kind) const {
  const std::string& variant = text_for_kind[static_cast<std::size_t>(kind)];
  return variant.empty() ? text : variant;
}

bool ReplyInfo::quotes_sending_ip() const {
  const auto quotes = [](const std::string& t) { return t.find("{ip}") != std::string::npos; };
  return quotes(text) || std::any_of(text_for_kind.begin(), text_for_kind.end(), quotes);
}

void ReplyCatalog::set_text_for_kind(ReplyKind reply, IdentityKind kind, std::string text) {
  replies_[static_cast<std::size_t>(reply)].text_for_kind[static_cast<std::size_t>(kind)] = std::move(text);
}

std::string ReplyCatalog::wire_text(ReplyKind kind, IdentityKind identity_kind, std::string_view identity,
                                    std::string_view sending_ip) const {
  const ReplyInfo& reply = info(kind);
  const std::string code = std::to_string(reply.basic_code);
  const std::string enhanced = reply.enhanced.empty() ? "" : reply.enhanced + " ";
  return join_lines(expanded_text(reply, identity_kind, identity, sending_ip), code + "-" + enhanced,
                    code + " " + enhanced, "\r\n");
}

std::string ReplyCatalog::one_line(ReplyKind kind, IdentityKind identity_kind, std::string_view identity,
                                   std::string_view sending_ip) const {
  const ReplyInfo& reply = info(kind);
  std::string line = std::to_string(reply.basic_code) + " ";
  if (!reply.enhanced.empty()) line += reply.enhanced + " ";
  return line + join_lines(expanded_text(reply, identity_kind, identity, sending_ip), "", "", " ");
}

}  // namespace delivsim
