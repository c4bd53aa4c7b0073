#pragma once
/// @file The first-line comment that points a YAML language server at the scenario schema:
/// `# yaml-language-server: $schema=<path or URL>`.
#include <filesystem>
#include <string>
#include <string_view>

namespace delivsim {

/// What the comment starts with, up to the schema's path.
inline constexpr std::string_view kSchemaLinePrefix = "# yaml-language-server: $schema=";

/// `text` with its first line, when it is the schema comment, pointing at `schema`; otherwise `text` as it
/// is. The rest of the text is unchanged.
std::string with_schema_line(std::string_view text, const std::filesystem::path& schema);

}  // namespace delivsim
