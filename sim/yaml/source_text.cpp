#include "sim/yaml/source_text.h"

#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>

#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

[[noreturn]] void fail_file(const std::filesystem::path& path, const std::string& problem) {
  throw ScenarioError(path.string(), 0, 0, "", problem, "a readable scenario file");
}

/// Length of the valid UTF-8 sequence starting at text[at], or nullopt (overlong forms, surrogates and
/// code points above U+10FFFF are invalid).
std::optional<std::size_t> utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // overlong
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // overlong
    if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  } else {
    return std::nullopt;
  }
  if (at + length > text.size()) return std::nullopt;
  if (byte(at + 1) < second_min || byte(at + 1) > second_max) return std::nullopt;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return std::nullopt;
  }
  return length;
}

bool is_forbidden_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

}  // namespace

std::string read_scenario_file(const std::filesystem::path& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) fail_file(path, "no such file");
  if (error) fail_file(path, "cannot be read (" + error.message() + ")");
  if (std::filesystem::is_directory(status)) fail_file(path, "is a directory, not a file");
  if (!std::filesystem::is_regular_file(status)) fail_file(path, "is not a regular file");
  const auto size = std::filesystem::file_size(path, error);
  if (error) fail_file(path, "cannot be read (" + error.message() + ")");
  if (size > kMaxScenarioBytes) fail_file(path, "is larger than 16 MiB");

  std::ifstream in(path, std::ios::binary);
  if (!in) fail_file(path, "cannot be opened");
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) fail_file(path, "cannot be read");
  return text;
}

void check_yaml_text(std::string_view text, const std::string& source_name) {
  int line = 1;
  int column = 1;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto c = static_cast<unsigned char>(text[at]);
    const auto length = utf8_sequence_length(text, at);
    if (is_forbidden_control(c) || !length) {
      const std::string problem = c == 0   ? "contains a NUL byte (binary file?)"
                                  : length ? "contains a control character (binary file?)"
                                           : "is not valid UTF-8 text";
      throw ScenarioError(source_name, line, column, "", problem, "a UTF-8 YAML text");
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    at += *length;
  }
}

}  // namespace delivsim
