#include "sim/yaml/scenario_error.h"

#include <utility>

namespace delivsim {

namespace {

std::string format_message(const std::string& file, int line, int column, const std::string& field,
                           const std::string& problem, const std::string& expected, const std::string& hint) {
  std::string message = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: ";
  if (!field.empty()) message += field + ": ";
  message += problem;
  if (!expected.empty()) message += "; expected " + expected;
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  return message;
}

/// Where to cut `text` to at most `max_bytes` bytes without splitting a UTF-8 character.
std::size_t cut_point(std::string_view text, std::size_t max_bytes) {
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a continuation byte
  return cut;
}

}  // namespace

std::string shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  return std::string(text.substr(0, cut_point(text, max_bytes))) + "... (" + std::to_string(text.size()) +
         " bytes)";
}

std::string quote_value(std::string_view value) {
  if (value.size() <= kQuotedValueMaxBytes) return "'" + std::string(value) + "'";
  return "'" + std::string(value.substr(0, cut_point(value, kQuotedValueMaxBytes))) + "...' (" +
         std::to_string(value.size()) + " bytes)";
}

ScenarioError::ScenarioError(std::string file_name, int line_number, int column_number,
                             std::string field_path, std::string what_is_wrong, std::string what_was_expected,
                             std::string closest_name)
    : std::runtime_error(""),
      file(std::move(file_name)),
      line(line_number),
      column(column_number),
      field(shorten(field_path, kMessagePartMaxBytes)),
      problem(shorten(what_is_wrong, kMessagePartMaxBytes)),
      expected(shorten(what_was_expected, kMessagePartMaxBytes)),
      hint(shorten(closest_name, kMessagePartMaxBytes)) {
  static_cast<std::runtime_error&>(*this) =
      std::runtime_error(format_message(file, line, column, field, problem, expected, hint));
}

}  // namespace delivsim
