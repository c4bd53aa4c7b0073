#pragma once
/// @file Writing a single file so that readers see the old content or the new, never a part.
#include <filesystem>
#include <string>

namespace delivsim {

/// Writes `text` to a temporary sibling of `path` and renames it onto `path`. On failure the temporary file
/// is removed, `path` is left as it was, and std::runtime_error says what failed.
void write_text_file_atomically(const std::filesystem::path& path, const std::string& text);

}  // namespace delivsim
