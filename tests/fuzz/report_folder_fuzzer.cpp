// libFuzzer target: what `delivsim report` reads from any folder, every reader at once: a `compare` folder
// (compare.json and each strategy's run folder), a `sweep` folder (sweep.json), a run of several replications
// (the aggregate summary.json, rep-NNN/summary.json and timeseries_bands.csv), as well as the run, live and
// robust folders report_fuzzer and robust_report_fuzzer feed one file at a time. The input is a folder's
// files, each as its relative path, a NUL, its text and a NUL; the folder is made afresh for each input and
// the report made from it. A path that is not a plain relative one (a component empty, "." or "..", or with
// a character outside [A-Za-z0-9._-]), deeper than kMaxDepth, or past kMaxFiles, is left out, as is a file
// whose place is taken by a folder or the other way round. Every input must give a report or a
// ReportInputError.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "sim/report/report.h"
#include "sim/report/report_error.h"
#include "tests/fuzz/own_folder.h"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxFiles = 16;
constexpr std::size_t kMaxDepth = 3;
constexpr std::size_t kMaxComponentLength = 64;

/// A folder of this process's own, made once; each input's folder is made inside it.
const fs::path& own_folder() {
  static const delivsim::fuzz::OwnFolder folder("delivsim_report_folder_fuzz_");
  return folder.path();
}

/// True when `path` is a plain relative path of at most kMaxDepth components, each made of [A-Za-z0-9._-]
/// and neither "." nor "..".
bool is_plain_relative_path(std::string_view path) {
  std::size_t depth = 0;
  while (true) {
    const std::size_t slash = path.find('/');
    const std::string_view component = path.substr(0, slash);
    if (component.empty() || component.size() > kMaxComponentLength || component == "." || component == "..")
      return false;
    for (const char c : component) {
      const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                         c == '.' || c == '_' || c == '-';
      if (!plain) return false;
    }
    if (++depth > kMaxDepth) return false;
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

/// Writes the files of `input` (path NUL text NUL ...) into a fresh `folder`.
void make_folder(const fs::path& folder, std::string_view input) {
  std::error_code ignored;
  fs::remove_all(folder, ignored);
  fs::create_directory(folder);
  std::size_t files = 0;
  while (!input.empty() && files < kMaxFiles) {
    const std::size_t path_end = input.find('\0');
    if (path_end == std::string_view::npos) return;
    const std::string_view path = input.substr(0, path_end);
    input.remove_prefix(path_end + 1);
    const std::size_t text_end = input.find('\0');
    const std::string_view text = input.substr(0, text_end);
    input.remove_prefix(text_end == std::string_view::npos ? input.size() : text_end + 1);
    if (!is_plain_relative_path(path)) continue;
    const fs::path file = folder / fs::path(path);
    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    if (error || fs::is_directory(file, error)) continue;
    delivsim::fuzz::write_bytes(file, text);
    ++files;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path folder = own_folder() / "out";
  make_folder(folder, std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    delivsim::report::report_html(folder);
  } catch (const delivsim::report::ReportInputError&) {
  }
  return 0;
}
