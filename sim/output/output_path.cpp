#include "sim/output/output_path.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <system_error>

#include <signal.h>
#include <unistd.h>

#include "sim/output/output_path_error.h"
#include "sim/output/text_excerpt.h"

namespace delivsim {

namespace fs = std::filesystem;

namespace {

/// The longest name of one folder entry, in bytes (Linux NAME_MAX).
constexpr std::size_t kMaxNameBytes = NAME_MAX;
/// The longest path the system calls accept, in bytes, counting the terminating NUL (Linux PATH_MAX).
constexpr std::size_t kMaxPathBytes = PATH_MAX;
/// Room kept for the deepest file an output folder holds below its name ("/rep-0001/timeseries_bands.csv").
constexpr std::size_t kInnerFileChars = 32;

/// Throws OutputPathError when `name`, a folder entry to be made in `folder`, is longer than NAME_MAX.
void check_name_fits(const std::string& name, const fs::path& folder) {
  if (name.size() <= kMaxNameBytes) return;
  throw OutputPathError("the name " + quoted_excerpt(name) + " in " + folder.string() + " is " +
                        std::to_string(name.size()) + " bytes long; the file system allows at most " +
                        std::to_string(kMaxNameBytes));
}

/// Whether process `pid` still runs (a process of another user counts: kill answers EPERM). 0 is no
/// process (kill would ask about this process group); it is what earlier delivsims numbered their first
/// leftover.
bool process_running(pid_t pid) {
  if (pid == 0 || pid == getpid()) return false;
  return kill(pid, 0) == 0 || errno == EPERM;
}

}  // namespace

fs::path absolute_output_path(const fs::path& path, const std::string& kind) {
  if (path.empty()) throw OutputPathError("an empty path names no " + kind);
  fs::path target = fs::absolute(path).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  if (!target.has_filename() || target == target.root_path()) {
    throw OutputPathError(quoted_excerpt(path.string()) + " cannot be an output " + kind);
  }
  return target;
}

void check_output_name_lengths(const fs::path& target, const std::vector<std::string>& inner_names) {
  const std::string name = target.filename().string();
  const std::size_t max_name = kMaxNameBytes - kSiblingNameOverhead;
  if (name.size() > max_name) {
    throw OutputPathError("the output name " + quoted_excerpt(name) + " in " + target.parent_path().string() +
                          " is " + std::to_string(name.size()) + " bytes long; at most " +
                          std::to_string(max_name) + " fit (the file system's " +
                          std::to_string(kMaxNameBytes) +
                          " less room for delivsim's temporary '.<name>.tmp-<pid>' beside it)");
  }
  fs::path above = target.root_path();
  for (const fs::path& part : target.relative_path()) {
    check_name_fits(part.string(), above);
    above /= part;
  }
  std::size_t inner_chars = kInnerFileChars;
  for (const std::string& inner : inner_names) {
    check_name_fits(inner, target);
    inner_chars = std::max(inner_chars, 1 + inner.size() + kInnerFileChars);
  }
  const std::size_t longest = target.string().size() + kSiblingNameOverhead + inner_chars;
  if (longest >= kMaxPathBytes) {
    throw OutputPathError(quoted_excerpt(target.string()) + ": the path is too long (" +
                          std::to_string(longest) + " bytes with what delivsim writes in it; at most " +
                          std::to_string(kMaxPathBytes - 1) + " fit)");
  }
}

void check_output_parent(const fs::path& target) {
  fs::path folder = target.parent_path();
  std::error_code error;
  while (fs::status(folder, error).type() == fs::file_type::not_found || error) {
    if (folder == folder.root_path()) break;
    folder = folder.parent_path();
  }
  if (!fs::is_directory(folder, error)) {
    throw OutputPathError(quoted_excerpt(target.string()) + " cannot be made: " + folder.string() +
                          " is not a folder");
  }
  if (access(folder.c_str(), W_OK | X_OK) != 0) {
    throw OutputPathError(quoted_excerpt(target.string()) + " cannot be made: the folder " + folder.string() +
                          " is not writable");
  }
}

fs::path output_sibling(const fs::path& target, const std::string& role) {
  return target.parent_path() /
         ("." + target.filename().string() + "." + role + "-" + std::to_string(getpid()));
}

std::optional<std::string> sibling_target_name(std::string_view entry_name, std::string_view role) {
  const std::string marker = "." + std::string(role) + "-";
  if (!entry_name.starts_with('.')) return std::nullopt;
  const std::size_t at = entry_name.rfind(marker);
  if (at == std::string_view::npos || at < 2) return std::nullopt;
  const std::string_view digits = entry_name.substr(at + marker.size());
  if (digits.empty() || digits.size() > 10 ||
      digits.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  return std::string(entry_name.substr(1, at - 1));
}

std::vector<fs::path> stale_output_siblings(const fs::path& target, const std::string& role) {
  std::vector<fs::path> stale;
  std::error_code error;
  const std::string name = target.filename().string();
  for (fs::directory_iterator it(target.parent_path(), error), end; !error && it != end;
       it.increment(error)) {
    const std::string entry = it->path().filename().string();
    if (sibling_target_name(entry, role) != name) continue;
    const std::string digits = entry.substr(entry.rfind('-') + 1);
    const long long pid = std::stoll(digits);
    if (pid > INT_MAX || !process_running(static_cast<pid_t>(pid))) stale.push_back(it->path());
  }
  std::sort(stale.begin(), stale.end());
  return stale;
}

}  // namespace delivsim
