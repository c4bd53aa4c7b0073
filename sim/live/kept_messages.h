#pragma once
/// @file `delivsim serve --keep DIR`: every message a provider accepted, as a file in DIR. Without it the
/// server counts and drops message content. Each message is written to a temporary file while it arrives
/// (memory holds one line) and named DIR/NNNNNNNN.eml once its final "." is answered 2xx; a refused or
/// abandoned message's temporary file is removed. An existing file is never replaced: numbering skips it.
/// Each file starts with "Return-Path: <reverse path>" and one "X-Delivsim-Recipient: <address>" per
/// accepted recipient, then the content as received (dot-unstuffed, CRLF line endings).
#include <cstdint>
#include <filesystem>
#include <memory>

#include "sim/live/smtp_session.h"

namespace delivsim {

class KeptMessages {
 public:
  /// Checks that `dir` is a folder, or missing where this process may make it (check_output_parent), and
  /// makes nothing (serve makes its folders once every socket is bound); throws std::runtime_error naming it
  /// otherwise.
  explicit KeptMessages(std::filesystem::path dir);

  /// Makes the folder when missing; throws std::runtime_error when it cannot.
  void make_folder();

  /// A sink for one connection's messages.
  std::unique_ptr<MessageSink> sink();
  /// Messages kept so far.
  std::uint64_t kept() const { return kept_; }

 private:
  class Writer;
  /// Links `file` as the next unused DIR/NNNNNNNN.eml: no error, or why it could not.
  std::error_code link_numbered(const std::filesystem::path& file);

  std::filesystem::path dir_;
  std::uint64_t next_number_ = 1;
  std::uint64_t next_writer_ = 1;
  std::uint64_t kept_ = 0;
};

}  // namespace delivsim
