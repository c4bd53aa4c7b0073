#pragma once
/// @file The one error type of scenario loading: where the problem is and what it is.
#include <stdexcept>
#include <string>

namespace delivsim {

/// A problem in a scenario: where and what. what() gives the full message
/// "<file>:<line>:<column>: error: <field>: <problem>; expected <expected>" followed by
/// " (did you mean '<hint>'?)" when there is a hint. "<field>: " is left out when the problem has no field
/// (a YAML syntax error, a missing file) and "; expected ..." when nothing in particular was expected.
struct ScenarioError : std::runtime_error {
  ScenarioError(std::string file, int line, int column, std::string field, std::string problem,
                std::string expected, std::string hint = {});

  std::string file;      ///< the scenario file, or "--set" for a problem in an override
  int line = 0;          ///< 1-based; 0 when there is no position (for "--set": the override's number)
  int column = 0;        ///< 1-based; 0 when there is no position
  std::string field;     ///< dotted path such as traffic[0].campaign.recipients; may be empty
  std::string problem;   ///< what is wrong, quoting the value given
  std::string expected;  ///< what would be accepted there
  std::string hint;      ///< the closest allowed name for a misspelt one; empty when none is close
};

}  // namespace delivsim
