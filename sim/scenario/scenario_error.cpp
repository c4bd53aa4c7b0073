#include "sim/scenario/scenario_error.h"

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

}  // namespace

ScenarioError::ScenarioError(std::string file_name, int line_number, int column_number,
                             std::string field_path, std::string what_is_wrong, std::string what_was_expected,
                             std::string closest_name)
    : std::runtime_error(format_message(file_name, line_number, column_number, field_path, what_is_wrong,
                                        what_was_expected, closest_name)),
      file(std::move(file_name)),
      line(line_number),
      column(column_number),
      field(std::move(field_path)),
      problem(std::move(what_is_wrong)),
      expected(std::move(what_was_expected)),
      hint(std::move(closest_name)) {}

}  // namespace delivsim
