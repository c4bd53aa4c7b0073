#pragma once
/// @file The one error type of scenario loading: where the problem is and what it is.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace delivsim {

/// The most bytes of a value a message quotes (see quote_value).
inline constexpr std::size_t kQuotedValueMaxBytes = 80;
/// The most bytes of each part of a ScenarioError message (field, problem, expected, hint).
inline constexpr std::size_t kMessagePartMaxBytes = 1000;

/// `text` when it has at most `max_bytes` bytes; otherwise its first `max_bytes` bytes (not splitting a
/// UTF-8 character) followed by "... (<N> bytes)", N being the full size.
std::string shorten(std::string_view text, std::size_t max_bytes);

/// A value quoted for a message: "'<value>'", cut to kQuotedValueMaxBytes as "'<start>...' (<N> bytes)"
/// so that a huge value cannot flood the terminal. Every message that echoes a scenario value uses it.
std::string quote_value(std::string_view value);

/// A problem in a scenario: where and what. what() gives the full message
/// "<file>:<line>:<column>: error: <field>: <problem>; expected <expected>" followed by
/// " (did you mean '<hint>'?)" when there is a hint. "<field>: " is left out when the problem has no field
/// (a YAML syntax error, a missing file) and "; expected ..." when nothing in particular was expected.
/// Each part is cut to kMessagePartMaxBytes (see shorten), in the members as in what().
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
