#include "sim/live/message_scan.h"

#include <cctype>

#include "sim/kernel/ascii.h"

namespace delivsim {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_domain_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_';
}

}  // namespace

std::string dkim_signing_domain(std::string_view value) {
  while (!value.empty()) {
    const std::size_t semicolon = value.find(';');
    std::string_view tag = value.substr(0, semicolon);
    value = semicolon == std::string_view::npos ? std::string_view() : value.substr(semicolon + 1);
    const std::size_t equals = tag.find('=');
    if (equals == std::string_view::npos || trim(tag.substr(0, equals)) != "d") continue;
    std::string domain;
    // Folding whitespace may sit inside a tag value (RFC 6376 3.2): it is dropped.
    for (char c : tag.substr(equals + 1)) {
      if (c != ' ' && c != '\t') domain.push_back(c);
    }
    return kernel::ascii_lower(domain);
  }
  return {};
}

std::string from_address_domain(std::string_view value) {
  const std::size_t open = value.find('<');
  std::string_view address = value;
  if (open != std::string_view::npos) {
    const std::size_t close = value.find('>', open);
    address =
        value.substr(open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
  }
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  std::size_t end = at + 1;
  while (end < address.size() && is_domain_char(address[end])) ++end;
  return kernel::ascii_lower(address.substr(at + 1, end - at - 1));
}

void MessageScan::line(std::string_view text, std::size_t received_bytes) {
  facts_.bytes += received_bytes;
  if (!in_header_) return;
  if (text.empty()) {  // the blank line ending the header
    end_field();
    in_header_ = false;
    return;
  }
  if (text.front() == ' ' || text.front() == '\t') {  // a folded continuation
    if (!field_overflow_ && field_.size() + text.size() <= max_field_bytes_) {
      field_.append(text);
    } else {
      field_overflow_ = true;
    }
    return;
  }
  end_field();
  if (text.size() <= max_field_bytes_) {
    field_.assign(text);
  } else {
    field_overflow_ = true;
  }
}

void MessageScan::overlong_line(std::size_t received_bytes) {
  facts_.bytes += received_bytes;
  facts_.line_too_long = true;
  if (in_header_) {
    end_field();
    field_overflow_ = true;
  }
}

void MessageScan::end_field() {
  if (!field_overflow_ && !field_.empty()) {
    const std::size_t colon = field_.find(':');
    if (colon != std::string::npos) {
      const std::string name = kernel::ascii_lower(trim(std::string_view(field_).substr(0, colon)));
      const std::string_view value = std::string_view(field_).substr(colon + 1);
      if (name == "dkim-signature" && facts_.dkim_domain.empty())
        facts_.dkim_domain = dkim_signing_domain(value);
      if (name == "from" && facts_.from_domain.empty()) facts_.from_domain = from_address_domain(value);
    }
  }
  field_.clear();
  field_overflow_ = false;
}

const MessageFacts& MessageScan::finish() {
  if (in_header_) end_field();
  return facts_;
}

}  // namespace delivsim
