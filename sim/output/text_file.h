#pragma once
/// @file Writing a single file so that readers see the old content or the new, never a part, and only in
/// place of a regular file.
#include <filesystem>
#include <string>

namespace delivsim {

/// Everything about output file `path` that can be known before it is written: it names a file (not empty,
/// not a folder), its name fits (check_output_name_lengths), its parent is an existing folder this process
/// may write in, and what is at `path` now is nothing or a regular file (not a folder, FIFO, device,
/// socket or symbolic link). Throws OutputPathError saying which and why; touches nothing.
void check_output_file(const std::filesystem::path& path);

/// check_output_file(path), then writes `text` to a temporary sibling ".<name>.tmp-<pid>" of `path` and
/// renames it onto `path`; such siblings left by killed writers are removed first. On a failure after the
/// check the temporary file is removed, `path` is left as it was, and std::runtime_error says what failed.
void write_text_file_atomically(const std::filesystem::path& path, const std::string& text);

}  // namespace delivsim
