#include "sim/live/smtp_command.h"

#include <array>
#include <charconv>
#include <utility>

#include "sim/kernel/ascii.h"

namespace delivsim {
namespace {

using kernel::ascii_iequal;
using kernel::ascii_lower;

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ascii_iequal(text.substr(0, prefix.size()), prefix);
}

constexpr std::size_t kMaxPathOctets = 256;  // RFC 5321 4.5.3.1.3, brackets included

}  // namespace

SmtpCommand parse_smtp_command(std::string_view line) {
  static constexpr std::array<std::pair<std::string_view, SmtpVerb>, 10> kVerbs{{
      {"EHLO", SmtpVerb::Ehlo},
      {"HELO", SmtpVerb::Helo},
      {"MAIL", SmtpVerb::Mail},
      {"RCPT", SmtpVerb::Rcpt},
      {"DATA", SmtpVerb::Data},
      {"RSET", SmtpVerb::Rset},
      {"NOOP", SmtpVerb::Noop},
      {"QUIT", SmtpVerb::Quit},
      {"VRFY", SmtpVerb::Vrfy},
      {"STARTTLS", SmtpVerb::StartTls},
  }};
  const std::size_t space = line.find(' ');
  const std::string_view word = line.substr(0, space);
  SmtpCommand command;
  if (space != std::string_view::npos) command.argument = line.substr(space + 1);
  for (const auto& [name, verb] : kVerbs) {
    if (ascii_iequal(word, name)) command.verb = verb;
  }
  return command;
}

std::optional<SmtpPath> parse_smtp_path(std::string_view argument, std::string_view prefix) {
  if (!starts_with_nocase(argument, prefix)) return std::nullopt;
  std::string_view rest = argument.substr(prefix.size());
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty() || rest.front() != '<') return std::nullopt;
  const std::size_t close = rest.find('>');
  if (close == std::string_view::npos || close + 1 > kMaxPathOctets) return std::nullopt;
  std::string_view path = rest.substr(1, close - 1);
  // A source route ("@a,@b:user@c", RFC 5321 4.1.2) is accepted and ignored.
  if (!path.empty() && path.front() == '@') {
    const std::size_t colon = path.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    path.remove_prefix(colon + 1);
  }
  SmtpPath result;
  result.address.assign(path);
  const std::size_t at = path.rfind('@');
  if (at != std::string_view::npos) {
    if (at == 0 || at + 1 == path.size()) return std::nullopt;
    for (char c : path.substr(at + 1)) result.domain.push_back(ascii_lower(c));
  } else if (!path.empty()) {
    return std::nullopt;  // a mailbox needs a domain (only the null path "<>" has none)
  }
  std::string_view params = rest.substr(close + 1);
  while (!params.empty()) {
    if (params.front() != ' ') return std::nullopt;
    params.remove_prefix(1);
    const std::size_t end = params.find(' ');
    const std::string_view param = params.substr(0, end);
    params = end == std::string_view::npos ? std::string_view() : params.substr(end);
    if (!starts_with_nocase(param, "SIZE=")) continue;  // BODY=8BITMIME, SMTPUTF8 and others: no effect here
    const std::string_view digits = param.substr(5);
    std::uint64_t size = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
    if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) return std::nullopt;
    result.size = size;
  }
  return result;
}

}  // namespace delivsim
