#pragma once
/// @file One SMTP command line read as RFC 5321 section 4.1 writes it: the verb, and for MAIL and RCPT the
/// path and its ESMTP parameters. Pure text handling: no state, no replies.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace delivsim {

enum class SmtpVerb : std::uint8_t {
  Ehlo,
  Helo,
  Mail,
  Rcpt,
  Data,
  Rset,
  Noop,
  Quit,
  Vrfy,
  StartTls,
  Unknown
};

/// A command line without its CRLF: the verb (case-insensitive) and what follows the first space.
struct SmtpCommand {
  SmtpVerb verb = SmtpVerb::Unknown;
  std::string_view argument;  ///< points into the line
};

SmtpCommand parse_smtp_command(std::string_view line);

/// MAIL FROM:<path> or RCPT TO:<path> with its parameters (RFC 5321 4.1.1.2, 4.1.1.3; RFC 1870 SIZE).
struct SmtpPath {
  std::string address;  ///< between the angle brackets, source route removed; empty for MAIL FROM:<>
  std::string domain;   ///< lower-case domain after the last '@'; empty when there is none
  std::optional<std::uint64_t> size;  ///< SIZE=n, octets
};

/// Reads the argument of MAIL (`prefix` "FROM:") or RCPT ("TO:"): nullopt when it is not
/// `prefix<path> [params]` with a mailbox of at most 256 octets (4.5.3.1.3), a recipient without a domain,
/// or a SIZE that is not a number. A space after the colon is tolerated, as most servers do.
std::optional<SmtpPath> parse_smtp_path(std::string_view argument, std::string_view prefix);

}  // namespace delivsim
