#include "sim/output/output_folder.h"

#include <algorithm>
#include <system_error>

#include "sim/output/output_path.h"
#include "sim/output/output_path_error.h"

namespace delivsim {

namespace fs = std::filesystem;

namespace {

bool is_delivsim_name(std::string_view name) {
  return std::find(kDelivsimOutputNames.begin(), kDelivsimOutputNames.end(), name) !=
         kDelivsimOutputNames.end();
}

/// Whether `entry` (not followed if a link) is something delivsim writes into an output folder.
bool is_delivsim_entry(const fs::directory_entry& entry) {
  const fs::file_type type = entry.symlink_status().type();
  if (type == fs::file_type::directory) return true;
  if (type != fs::file_type::regular) return false;
  const std::string name = entry.path().filename().string();
  if (is_delivsim_name(name)) return true;
  const std::optional<std::string> copy_of = sibling_target_name(name, "tmp");
  return copy_of && is_delivsim_name(*copy_of);
}

bool holds_only_delivsim_files(const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(fs::symlink_status(folder, error))) return false;
  return !first_foreign_entry(folder);
}

void replace_check(const fs::path& target, ReplaceMode mode) {
  std::error_code error;
  const fs::file_status status = fs::symlink_status(target, error);
  if (status.type() == fs::file_type::not_found) return;
  const std::string refusing = "refusing to replace " + target.string() + ": ";
  if (fs::is_symlink(status)) {
    throw OutputPathError(refusing +
                          "it is a symbolic link, not a folder delivsim wrote; choose another "
                          "output folder");
  }
  if (!fs::is_directory(status)) {
    throw OutputPathError(refusing + "it is a file, not a folder; choose another output folder");
  }
  if (fs::is_empty(target, error) && !error) return;
  const bool marked = fs::is_regular_file(fs::symlink_status(target / kOutputMarkerName, error));
  const std::optional<fs::path> foreign = first_foreign_entry(target);
  if (!foreign && (marked || mode == ReplaceMode::Force)) return;
  if (marked) {
    throw OutputPathError(refusing + "it holds " + foreign->string() +
                          ", which delivsim did not write (no option replaces it); move that away or "
                          "choose another output folder");
  }
  const std::string unmarked = refusing + "it is not a delivsim output folder (no " + kOutputMarkerName + ")";
  if (foreign) {
    throw OutputPathError(unmarked + " and holds " + foreign->string() +
                          "; choose another output folder or empty it");
  }
  throw OutputPathError(unmarked +
                        "; it holds only files delivsim writes, so --force replaces it (an output "
                        "of a delivsim from before the marker); or choose another output folder");
}

}  // namespace

std::optional<fs::path> first_foreign_entry(const fs::path& folder) {
  std::error_code error;
  fs::recursive_directory_iterator it(folder, error);
  for (const fs::recursive_directory_iterator end; !error && it != end; it.increment(error)) {
    if (!is_delivsim_entry(*it)) return it->path().lexically_relative(folder);
  }
  if (error) throw OutputPathError("cannot read " + folder.string() + ": " + error.message());
  return std::nullopt;
}

void repair_output_leftovers(const fs::path& target) {
  std::vector<fs::path> olds = stale_output_siblings(target, "old");
  std::error_code error;
  if (fs::symlink_status(target, error).type() == fs::file_type::not_found && !olds.empty()) {
    if (olds.size() > 1) {
      std::string names;
      for (const fs::path& old : olds) names += (names.empty() ? "" : ", ") + old.filename().string();
      throw OutputPathError(target.string() + " is missing and " + std::to_string(olds.size()) +
                            " earlier outputs of interrupted runs are kept beside it (" + names +
                            "): rename the one to keep to " + target.filename().string() +
                            " and remove the others");
    }
    fs::rename(olds.front(), target, error);
    if (error) {
      throw OutputPathError("cannot restore " + target.string() + " from " + olds.front().string() +
                            " (left by an interrupted run): " + error.message());
    }
    olds.clear();
  }
  std::vector<fs::path> leftovers = stale_output_siblings(target, "tmp");
  leftovers.insert(leftovers.end(), olds.begin(), olds.end());
  for (const fs::path& leftover : leftovers) {
    if (holds_only_delivsim_files(leftover)) fs::remove_all(leftover, error);
  }
}

fs::path check_output_folder(const fs::path& out_dir, ReplaceMode mode,
                             const std::vector<std::string>& inner_names) {
  const fs::path target = absolute_output_path(out_dir, "folder");
  check_output_name_lengths(target, inner_names);
  check_output_parent(target);
  repair_output_leftovers(target);
  replace_check(target, mode);
  return target;
}

}  // namespace delivsim
