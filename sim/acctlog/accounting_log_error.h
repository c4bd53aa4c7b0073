#pragma once
/// @file The one error of reading an accounting log: where (line, column, field) and what was expected.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace delivsim::acctlog {

/// A malformed accounting log: an unterminated quote, a line past the length cap, a record whose field count
/// differs from its header's, a time that is not one, a header without a required column.
class AccountingLogError : public std::runtime_error {
 public:
  /// `line` and `column` are 1-based (column in bytes); `field` names the column ("timeLogged"), empty when
  /// the problem is the line itself.
  AccountingLogError(std::int64_t line, std::int64_t column, std::string field, const std::string& message)
      : std::runtime_error(message), line_(line), column_(column), field_(std::move(field)) {}

  std::int64_t line() const { return line_; }
  std::int64_t column() const { return column_; }
  const std::string& field() const { return field_; }
  /// "<file>:<line>:<column>: error: <field>: <message>" (no "<field>: " when there is none).
  std::string located(const std::string& file) const {
    return file + ":" + std::to_string(line_) + ":" + std::to_string(column_) +
           ": error: " + (field_.empty() ? "" : field_ + ": ") + what();
  }

 private:
  std::int64_t line_;
  std::int64_t column_;
  std::string field_;
};

}  // namespace delivsim::acctlog
