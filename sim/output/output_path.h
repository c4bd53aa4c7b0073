#pragma once
/// @file Where an output goes, checked before a run: the path itself, the lengths of its names, its parent
/// folder, and the temporary siblings ".<name>.<role>-<pid>" that the writers put beside it.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// Characters a writer adds to an output's name for a sibling: "." + name + ".tmp-" + a process id of up
/// to 10 digits.
inline constexpr std::size_t kSiblingNameOverhead = 16;

/// `path` made absolute and lexically normal, without a trailing separator. Throws OutputPathError when it
/// names no `kind` ("folder" or "file") delivsim can write: an empty path, the root folder.
std::filesystem::path absolute_output_path(const std::filesystem::path& path, const std::string& kind);

/// Throws OutputPathError unless every name in `target` and in `inner_names` (subfolders it will hold) fits
/// the file system's limit (NAME_MAX bytes), `target`'s own name leaves room for its siblings
/// (kSiblingNameOverhead), and the path of a sibling, with the longest inner name and a short file name in
/// it, fits PATH_MAX. `target` is absolute.
void check_output_name_lengths(const std::filesystem::path& target,
                               const std::vector<std::string>& inner_names = {});

/// Throws OutputPathError unless the nearest existing folder above `target` (its parent, or where the
/// missing parents will be created) is a folder this process may create entries in.
void check_output_parent(const std::filesystem::path& target);

/// The sibling ".<name>.<role>-<pid>" of `target` for this process; `role` is "tmp" or "old".
std::filesystem::path output_sibling(const std::filesystem::path& target, const std::string& role);

/// The siblings ".<name>.<role>-<pid>" of `target` left by a writer that is no longer running: its process
/// is gone, or it is this process (whose writers finish before they return), or the number is 0 (the first
/// leftover of a delivsim that numbered them 0, 1, ...). Sorted by path.
std::vector<std::filesystem::path> stale_output_siblings(const std::filesystem::path& target,
                                                         const std::string& role);

/// The output name of `entry_name` when it is a sibling ".<name>.<role>-<digits>"; nullopt otherwise.
std::optional<std::string> sibling_target_name(std::string_view entry_name, std::string_view role);

}  // namespace delivsim
