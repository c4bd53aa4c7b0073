#pragma once
/// @file What the receiver reads from a message as it streams through DATA, in bounded memory: its size, and
/// from its header the first DKIM-Signature's d= tag (parsed, not verified) and the From: domain. The body
/// is counted and dropped.
#include <cstdint>
#include <string>
#include <string_view>

namespace delivsim {

/// What end of DATA judges a message by.
struct MessageFacts {
  std::uint64_t bytes = 0;  ///< octets of the message as received (lines with their CRLF, after un-stuffing)
  std::string dkim_domain;  ///< lower-case d= of the first DKIM-Signature with one; empty: none
  std::string from_domain;  ///< lower-case domain of the From: header's address; empty: none found
  bool line_too_long = false;  ///< a text line exceeded the line limit (RFC 5321 4.5.3.1.6)
};

class MessageScan {
 public:
  /// `max_header_field_bytes`: a longer (unfolded) header field is skipped, not kept.
  explicit MessageScan(std::size_t max_header_field_bytes = 16 * 1024)
      : max_field_bytes_(max_header_field_bytes) {}

  /// One line of the message without its CRLF, dot-unstuffed; `received_bytes` is what it counted on the
  /// wire.
  void line(std::string_view text, std::size_t received_bytes);
  /// A line was longer than the line limit: counted, its content not read.
  void overlong_line(std::size_t received_bytes);
  /// Octets counted so far.
  std::uint64_t bytes() const { return facts_.bytes; }
  /// The facts at the final ".": completes a header field the header ended without.
  const MessageFacts& finish();

 private:
  void end_field();

  std::size_t max_field_bytes_;
  MessageFacts facts_;
  bool in_header_ = true;
  bool field_overflow_ = false;
  std::string field_;  ///< the header field being unfolded
};

/// The d= tag of a DKIM-Signature field's value ("v=1; a=rsa-sha256; d=example.com; ..."), lower case;
/// empty when it has none.
std::string dkim_signing_domain(std::string_view field_value);

/// The domain of the (first) address in a From: field's value ("News <news@Example.com>" -> "example.com").
std::string from_address_domain(std::string_view field_value);

}  // namespace delivsim
