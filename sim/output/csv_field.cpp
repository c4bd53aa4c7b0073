#include "sim/output/csv_field.h"

#include <charconv>

namespace delivsim {

namespace {

/// The mark csv_field() puts in front of text a spreadsheet would otherwise run as a formula.
constexpr char kFormulaEscape = '\'';

bool is_number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

/// True when `text` must get kFormulaEscape in front: it starts like a formula (OWASP: = + - @ tab CR) and
/// is not a number, or it starts with the escape itself.
bool needs_formula_escape(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '@':
    case '\t':
    case '\r':
    case kFormulaEscape:
      return true;
    case '-':
      return !is_number(text);
    default:
      return false;
  }
}

}  // namespace

std::string csv_field(std::string_view text) {
  const std::string escaped =
      needs_formula_escape(text) ? kFormulaEscape + std::string(text) : std::string(text);
  if (escaped.find_first_of(",\"\r\n") == std::string::npos) return escaped;
  std::string quoted = "\"";
  for (const char c : escaped) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void remove_csv_escape(std::string& content) {
  if (content.starts_with(kFormulaEscape)) content.erase(0, 1);
}

void write_csv_line(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    out << csv_field(fields[i]);
  }
  out << '\n';
}

}  // namespace delivsim
