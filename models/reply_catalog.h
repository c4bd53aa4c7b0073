#pragma once
/// @file The SMTP replies a provider can give, with their codes and texts (domain-facts sections 1-2).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace delivsim {

/// Every reply the receiver models can emit. The catalog maps each to a code and a text.
enum class ReplyKind : std::uint8_t {
  Accepted,                 ///< 250 2.0.0 OK
  QuotaExceeded,            ///< 421 4.7.28 unusual rate of unsolicited mail: an identity is over its quota
  TooManyConnections,       ///< 421 4.7.0 Try again later, closing connection (connection cap per IP)
  LowReputation,            ///< 421 4.7.0 rate limited for low reputation (LOW/BAD tier)
  RecipientRateLimited,     ///< 450 4.2.1 the user is receiving mail at a rate that prevents more
  TransientFault,           ///< 421 4.3.0 temporary system problem (not a reputation signal)
  Unauthenticated,          ///< 421 4.7.26 neither SPF nor DKIM passes: rate limited (every sender)
  SpfRequired,              ///< 421 4.7.27 SPF does not pass: rate limited (bulk senders)
  DkimRequired,             ///< 421 4.7.30 DKIM does not pass: rate limited (bulk senders)
  NotAligned,               ///< 421 4.7.32 From: not aligned with SPF or DKIM: rate limited (bulk senders)
  DmarcRequired,            ///< 421 4.7.40 no DMARC record: rate limited (bulk senders)
  TlsRequired,              ///< 421 4.7.29 the message did not come over TLS: rate limited (bulk senders)
  UnknownUser,              ///< 550 5.1.1 the email account does not exist
  Blocked,                  ///< 550 5.7.1 likely unsolicited mail: hard block
  RejectedUnauthenticated,  ///< 550 5.7.26 neither SPF nor DKIM passes: rejected
  RejectedSpf,              ///< 550 5.7.27 SPF does not pass: rejected (bulk senders)
  RejectedDkim,             ///< 550 5.7.30 DKIM does not pass: rejected (bulk senders)
  /// "421 5.7.32" as Google's page writes it (a 421 basic code with a 5.x enhanced code): From: not
  /// aligned, "blocked" in the text, yet a transient reply by its basic code (bulk senders)
  RejectedNotAligned,
  RejectedDmarc,  ///< 550 5.7.40 no DMARC record: rejected (bulk senders)
  RejectedTls,    ///< 550 5.7.29 the message did not come over TLS: rejected (bulk senders)
  /// The connection carried the provider's most messages per connection (`max_messages_per_connection`):
  /// Microsoft 421 RP-002, Yahoo "Max message per connection reached" (or a close without a reply)
  ConnectionMessageLimit,
  Greylisted,   ///< 450 4.2.0 first contact of a (client /24, sender, recipient) triplet: greylisting
  Blocklisted,  ///< the sending IP is on a DNS block list (Yahoo 553 5.7.1 [BL21]): refused at the greeting
  Expired,      ///< not a receiver reply: the sender gave up (queue lifetime), 5.4.7
  kCount
};

inline constexpr std::size_t kReplyKindCount = static_cast<std::size_t>(ReplyKind::kCount);

/// The kind of sending identity a reply can name.
enum class IdentityKind : std::uint8_t { Ip, Dkim, Spf };

inline constexpr std::size_t kIdentityKindCount = 3;

/// The SMTP step a reply answers (RFC 5321 section 3.3): what the sender has spent on the transaction when
/// the reply comes (connection only, envelope, or the whole message body) depends on it.
enum class SmtpStep : std::uint8_t {
  Greeting,   ///< the 220 banner or EHLO: before any transaction (e.g. a connection refused for load)
  MailFrom,   ///< MAIL FROM: judges the sender and its IP, before any recipient
  RcptTo,     ///< RCPT TO: judges one recipient
  EndOfData,  ///< the "." ending DATA: judges the whole message (headers, authentication, content)
  None,       ///< not a receiver reply: written by the sender itself (5.4.7 expiry)
};

/// Text name of an SMTP step as docs and outputs write it: "greeting", "mail_from", "rcpt_to",
/// "end_of_data", "none".
std::string_view smtp_step_name(SmtpStep step);

/// Text name of an identity kind as outputs write it: "ip", "dkim", "spf".
std::string_view identity_kind_name(IdentityKind kind);

struct ReplyInfo {
  /// False: the provider has no such reply, so the receiver never applies the mechanism behind it (a
  /// profile maps each mechanism to its reply, or leaves it out).
  bool used = false;
  int basic_code = 250;  ///< RFC 5321 basic code (250, 421, 450, 550)
  /// RFC 3463 enhanced status code, e.g. "4.7.28"; empty when the provider sends none (Microsoft's
  /// "421 RP-001 ...")
  std::string enhanced;
  /// "421 4.7.28", "421 4.7.0 [TSS04]": the key used in summaries, deferrals_by_reply and timeseries columns;
  /// the codes, plus the provider's own reply tag where it has one
  std::string key;
  /// The text after the codes. "{id}" stands for the named identity's value (an IP or domain), "{what}"
  /// for "IP address", "DKIM domain" or "SPF domain", and "{ip}" for the message's sending IP. May hold
  /// several lines separated by '\n'.
  std::string text;
  /// Texts that replace `text` when the reply names an identity of that kind (indexed by IdentityKind):
  /// Gmail's current 4.7.28 variants. Empty: `text`.
  std::array<std::string, kIdentityKindCount> text_for_kind{};
  bool closes_connection = false;       ///< 421: the receiver hangs up after this reply
  SmtpStep step = SmtpStep::EndOfData;  ///< the SMTP step the provider answers with this reply
  bool transient() const { return basic_code >= 400 && basic_code < 500; }
  bool permanent() const { return basic_code >= 500; }
  /// The text for a reply naming an identity of `kind`.
  const std::string& text_naming(IdentityKind kind) const;
  /// True if the text quotes the message's sending IP ("{ip}"), so it differs per IP for one named identity.
  bool quotes_sending_ip() const;
};

/// A provider's replies: data, so that another provider is a new catalog, not new code.
class ReplyCatalog {
 public:
  /// Gmail's codes and texts (Google "SMTP errors and codes", text of 2025-08; seeds 001-004). 4.7.28
  /// names the throttled identity (IP address, DKIM domain or SPF domain), as Google's current page does.
  static ReplyCatalog gmail();
  /// Gmail's catalog with the pre-2024 4.7.28 text ("Our system has detected an unusual rate of
  /// unsolicited mail originating from your IP address ...", seed 002), still seen in logs, for every
  /// identity kind.
  static ReplyCatalog gmail_legacy();
  /// Outlook.com's (consumer: outlook.com, hotmail.com, live.com, msn.com) codes and texts as received
  /// today (domain-facts-wave2 1.2): RP-001/002/003 rate and connection limits, 451 4.7.650 (S775) IP
  /// reputation, 451 4.7.500 server busy, 550 5.7.1 block list (S3140), 550 5.7.515 for bulk senders failing
  /// authentication. No per-recipient rate reply and no authentication deferral.
  static ReplyCatalog microsoft();
  /// Microsoft's catalog with the older 4.7.650 text pointing to https://postmaster.live.com.
  static ReplyCatalog microsoft_legacy();
  /// Microsoft's catalog with the network block (S3150: "part of their network is on our block list") as
  /// the block reply instead of the IP block (S3140).
  static ReplyCatalog microsoft_network_block();
  /// Microsoft's catalog with 451 4.7.651 (S3114), the other IP-reputation rate limit, as the reputation
  /// reply instead of 451 4.7.650 (S775).
  static ReplyCatalog microsoft_s3114();
  /// Yahoo / AOL's codes and texts as received today (domain-facts-wave2 1.3; sisimai `yahooinc`).
  static ReplyCatalog yahoo();
  /// Yahoo's catalog with the pre-2024 reputation texts ([TS01] complaints, [TS02] unusual traffic, and the
  /// transient [TS03] block), still seen in logs.
  static ReplyCatalog yahoo_legacy();
  /// Plain RFC 5321 texts for a provider with no published catalog.
  static ReplyCatalog generic();

  const ReplyInfo& info(ReplyKind kind) const { return replies_[static_cast<std::size_t>(kind)]; }
  /// The reply as an SMTP server sends it, multi-line replies with "421-4.7.28 " continuation prefixes
  /// and the last line "421 4.7.28 ...", lines joined by "\r\n".
  /// `identity` is the named identity's value, `sending_ip` the message's IP (quoted by the authentication
  /// replies).
  std::string wire_text(ReplyKind kind, IdentityKind identity_kind, std::string_view identity,
                        std::string_view sending_ip) const;
  /// The same reply on one line, continuation prefixes removed: "421 4.7.28 Gmail has detected an unusual
  /// rate of email originating from your IP address 203.0.113.10. ...". This is what reply-pattern rules
  /// match and what accounting.csv's dsnDiag holds.
  std::string one_line(ReplyKind kind, IdentityKind identity_kind, std::string_view identity,
                       std::string_view sending_ip) const;

 private:
  void set_text_for_kind(ReplyKind reply, IdentityKind kind, std::string text);

  std::array<ReplyInfo, kReplyKindCount> replies_{};
};

}  // namespace delivsim
