#include "models/reply_catalog.h"

#include <initializer_list>

namespace delivsim {

namespace {

/// One catalog entry as written in the tables below.
struct ReplyRow {
  ReplyKind kind;
  int basic_code;
  const char* enhanced;
  const char* text;
};

std::array<ReplyInfo, kReplyKindCount> build_replies(std::initializer_list<ReplyRow> rows) {
  std::array<ReplyInfo, kReplyKindCount> replies{};
  for (const ReplyRow& row : rows) {
    ReplyInfo& info = replies[static_cast<std::size_t>(row.kind)];
    info.basic_code = row.basic_code;
    info.enhanced = row.enhanced;
    info.key = std::to_string(row.basic_code) + " " + row.enhanced;
    info.text = row.text;
    info.closes_connection = row.basic_code == 421;  // RFC 5321: 421 closes the transmission channel
  }
  return replies;
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
std::string expanded_text(const ReplyInfo& info, IdentityKind identity_kind, std::string_view identity) {
  std::string text = info.text;
  replace_all(text, "{id}", identity);
  replace_all(text, "{what}", identity_description(identity_kind));
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

}  // namespace

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
  // Line breaks follow Gmail's replies as received (seed 002 for 4.7.28); Gmail ends each reply with "-
  // gsmtp".
  ReplyCatalog catalog;
  catalog.replies_ = build_replies({
      {ReplyKind::Accepted, 250, "2.0.0", "OK - gsmtp"},
      {ReplyKind::QuotaExceeded, 421, "4.7.28",
       "[{id}] Our system has detected an unusual rate of\n"
       "unsolicited mail originating from your {what}. To protect our\n"
       "users from spam, mail sent from your {what} has been temporarily\n"
       "rate limited. Please visit\n"
       "https://support.google.com/mail/?p=UnsolicitedRateLimitError to\n"
       "review our Bulk Email Senders Guidelines. - gsmtp"},
      {ReplyKind::TooManyConnections, 421, "4.7.0", "Try again later, closing connection. - gsmtp"},
      {ReplyKind::LowReputation, 421, "4.7.0",
       "[{id}] Our system has detected that this message is\n"
       "suspicious due to the very low reputation of the sending {what}.\n"
       "To protect our users from spam, mail sent from your {what} has\n"
       "been temporarily rate limited. Please visit\n"
       "https://support.google.com/mail/answer/188131 for more information. - gsmtp"},
      {ReplyKind::RecipientRateLimited, 450, "4.2.1",
       "The user you are trying to contact is receiving mail at a rate that\n"
       "prevents additional messages from being delivered. Please resend your\n"
       "message at a later point. - gsmtp"},
      {ReplyKind::TransientFault, 421, "4.3.0", "Temporary System Problem. Try again later. - gsmtp"},
      {ReplyKind::Unauthenticated, 421, "4.7.26",
       "This mail has been rate limited because it is unauthenticated.\n"
       "Gmail requires all senders to authenticate with either SPF or DKIM.\n"
       "For instructions on setting up authentication, go to\n"
       "https://support.google.com/mail/answer/81126#authentication - gsmtp"},
      {ReplyKind::UnknownUser, 550, "5.1.1",
       "The email account that you tried to reach does not exist. Please try\n"
       "double-checking the recipient's email address for typos or\n"
       "unnecessary spaces. - gsmtp"},
      {ReplyKind::Blocked, 550, "5.7.1",
       "[{id}] Our system has detected that this message is\n"
       "likely unsolicited mail. To reduce the amount of spam sent to Gmail,\n"
       "this message has been blocked. - gsmtp"},
      {ReplyKind::RejectedUnauthenticated, 550, "5.7.26",
       "This mail is unauthenticated, which poses a security risk to the\n"
       "sender and Gmail users, and has been blocked. The sender must\n"
       "authenticate with at least one of SPF or DKIM. - gsmtp"},
      // Written by the sender into its own expiry DSN, so no "- gsmtp".
      {ReplyKind::Expired, 554, "5.4.7", "delivery time expired"},
  });
  return catalog;
}

ReplyCatalog ReplyCatalog::generic() {
  ReplyCatalog catalog;
  catalog.replies_ = build_replies({
      {ReplyKind::Accepted, 250, "2.0.0", "OK"},
      {ReplyKind::QuotaExceeded, 421, "4.7.28",
       "[{id}] Rate limit exceeded for your {what}, try again later"},
      {ReplyKind::TooManyConnections, 421, "4.7.0", "Too many connections, try again later"},
      {ReplyKind::LowReputation, 421, "4.7.0", "[{id}] Rate limited for poor reputation, try again later"},
      {ReplyKind::RecipientRateLimited, 450, "4.2.1", "Mailbox receiving mail too fast, try again later"},
      {ReplyKind::TransientFault, 421, "4.3.0", "Temporary system problem, try again later"},
      {ReplyKind::Unauthenticated, 421, "4.7.26", "Unauthenticated mail is rate limited, try again later"},
      {ReplyKind::UnknownUser, 550, "5.1.1", "No such user"},
      {ReplyKind::Blocked, 550, "5.7.1", "[{id}] Delivery not authorized, message refused"},
      {ReplyKind::RejectedUnauthenticated, 550, "5.7.26", "Unauthenticated mail is not accepted"},
      {ReplyKind::Expired, 554, "5.4.7", "delivery time expired"},
  });
  return catalog;
}

std::string ReplyCatalog::wire_text(ReplyKind kind, IdentityKind identity_kind,
                                    std::string_view identity) const {
  const ReplyInfo& reply = info(kind);
  const std::string code = std::to_string(reply.basic_code);
  return join_lines(expanded_text(reply, identity_kind, identity), code + "-" + reply.enhanced + " ",
                    code + " " + reply.enhanced + " ", "\r\n");
}

std::string ReplyCatalog::one_line(ReplyKind kind, IdentityKind identity_kind,
                                   std::string_view identity) const {
  const ReplyInfo& reply = info(kind);
  return reply.key + " " + join_lines(expanded_text(reply, identity_kind, identity), "", "", " ");
}

}  // namespace delivsim
