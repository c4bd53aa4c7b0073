#include "sim/import/postfix_main_cf.h"

#include <cctype>

#include "sim/import/postfix_lines.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

bool is_postfix_parameter_name(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

std::vector<PostfixParameter> parse_postfix_main_cf(std::string_view text, const std::string& file) {
  std::vector<PostfixParameter> parameters;
  for (const PostfixLine& line : postfix_lines(text, file)) {
    const std::size_t equals = line.text.find('=');
    std::string_view name = std::string_view(line.text).substr(0, equals);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (equals == std::string::npos || !is_postfix_parameter_name(name)) {
      const SourcePosition at = line.at(0);
      throw ScenarioError(
          file, at.line, at.column, "", "not a parameter line: " + quote_value(line.text),
          "'name = value' (postconf(5)), a comment line starting with '#', or a continuation line "
          "starting with whitespace");
    }
    std::size_t value_start = equals + 1;
    while (value_start < line.text.size() &&
           (line.text[value_start] == ' ' || line.text[value_start] == '\t')) {
      ++value_start;
    }
    parameters.push_back(PostfixParameter{std::string(name), line.text.substr(value_start), line.at(0),
                                          line.at(value_start < line.text.size() ? value_start : 0)});
  }
  return parameters;
}

}  // namespace delivsim
