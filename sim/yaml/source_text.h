#pragma once
/// @file Getting a scenario's text: reading the file and refusing what is not YAML text.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace delivsim {

/// Largest scenario file accepted, bytes.
inline constexpr std::uintmax_t kMaxScenarioBytes = 16 * 1024 * 1024;

/// The whole content of `path`. Throws ScenarioError (file = the path, line = column = 0) when it does not
/// exist, is a directory or other non-regular file, cannot be read, or is larger than kMaxScenarioBytes.
std::string read_scenario_file(const std::filesystem::path& path);

/// Throws ScenarioError naming `source_name` and the line and column of the first byte that cannot be in a
/// YAML text: a NUL or other control character (tab, line feed and carriage return are fine) or a byte
/// sequence that is not valid UTF-8.
void check_yaml_text(std::string_view text, const std::string& source_name);

}  // namespace delivsim
