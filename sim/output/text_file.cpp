#include "sim/output/text_file.h"

#include <fstream>
#include <stdexcept>
#include <system_error>

#include "sim/output/output_path.h"
#include "sim/output/output_path_error.h"

namespace delivsim {

namespace fs = std::filesystem;

namespace {

/// What an entry of `type` is, for a message; empty for a regular file or nothing, which may be replaced.
std::string unreplaceable_kind(fs::file_type type) {
  switch (type) {
    case fs::file_type::not_found:
    case fs::file_type::regular:
      return "";
    case fs::file_type::directory:
      return "a folder";
    case fs::file_type::symlink:
      return "a symbolic link";
    case fs::file_type::fifo:
      return "a FIFO (named pipe)";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

}  // namespace

void check_output_file(const fs::path& path) {
  if (!path.empty() && !path.has_filename()) {
    throw OutputPathError(path.string() + " names a folder; expected a file path");
  }
  const fs::path target = absolute_output_path(path, "file");
  check_output_name_lengths(target);
  std::error_code error;
  if (!fs::is_directory(target.parent_path(), error)) {
    throw OutputPathError(target.string() + " cannot be written: " + target.parent_path().string() +
                          " is not an existing folder");
  }
  check_output_parent(target);
  const std::string kind = unreplaceable_kind(fs::symlink_status(target, error).type());
  if (!kind.empty()) {
    throw OutputPathError("refusing to replace " + target.string() + ": it is " + kind +
                          "; delivsim replaces only a regular file");
  }
}

void write_text_file_atomically(const fs::path& path, const std::string& text) {
  check_output_file(path);
  const fs::path target = absolute_output_path(path, "file");
  std::error_code ignored;
  for (const fs::path& leftover : stale_output_siblings(target, "tmp")) {
    if (fs::is_regular_file(fs::symlink_status(leftover, ignored))) fs::remove(leftover, ignored);
  }
  const fs::path temp = output_sibling(target, "tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      fs::remove(temp, ignored);
      throw std::runtime_error("cannot write " + path.string());
    }
  }
  std::error_code error;
  fs::rename(temp, target, error);
  if (error) {
    fs::remove(temp, ignored);
    throw std::runtime_error("cannot write " + path.string() + ": " + error.message());
  }
}

}  // namespace delivsim
