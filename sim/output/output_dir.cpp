#include "sim/output/output_dir.h"

#include <fstream>
#include <stdexcept>
#include <system_error>

#include "sim/output/accounting_csv.h"
#include "sim/output/summary_json.h"
#include "sim/output/timeseries_csv.h"

namespace delivsim {

namespace fs = std::filesystem;

namespace {

/// Enough for any number of crashed runs' leftovers, small enough to fail fast on a broken file system.
constexpr int kMaxSiblingAttempts = 10000;

/// `out_dir` made absolute and without a trailing separator, so that it has a parent and a name.
fs::path normalized_target(const fs::path& out_dir) {
  fs::path target = fs::absolute(out_dir).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  if (!target.has_filename() || target == target.root_path()) {
    throw std::runtime_error("'" + out_dir.string() + "' cannot be an output folder");
  }
  return target;
}

/// Creates and returns a new empty folder ".<name>.<role>-<n>" beside `target`, with the first free n.
/// mkdir is atomic, so two writers never get the same folder.
fs::path create_unique_sibling(const fs::path& target, const std::string& role) {
  const std::string prefix = "." + target.filename().string() + "." + role + "-";
  for (int n = 0; n < kMaxSiblingAttempts; ++n) {
    const fs::path candidate = target.parent_path() / (prefix + std::to_string(n));
    if (!fs::exists(candidate) && fs::create_directory(candidate)) return candidate;
  }
  throw std::runtime_error("no free name for a " + role + " folder beside " + target.string());
}

/// Best-effort cleanup on a path that is already failing or finished: an error here must not hide the
/// error being reported, nor fail a write that has already succeeded.
void remove_quietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove_all(path, ignored);
}

/// Where `name` goes inside `folder`, refusing names that would leave it.
fs::path path_inside(const fs::path& folder, const std::string& name) {
  const fs::path relative = fs::path(name).lexically_normal();
  const bool escapes =
      relative.empty() || relative.is_absolute() || !relative.has_filename() || *relative.begin() == "..";
  if (escapes) throw std::runtime_error("'" + name + "' is not a file name inside the output folder");
  return folder / relative;
}

void write_file(const fs::path& folder, const OutputFile& file) {
  const fs::path path = path_inside(folder, file.name);
  fs::create_directories(path.parent_path());
  std::ofstream stream(path, std::ios::binary);
  if (!stream) throw std::runtime_error("cannot create " + path.string());
  try {
    file.write(stream);
  } catch (const std::exception& error) {
    throw std::runtime_error(file.name + ": " + error.what());
  }
  stream.close();
  if (!stream) throw std::runtime_error("cannot write " + path.string());
}

/// Puts the finished folder `temp` in the place of `target`, which may not exist yet.
void replace_folder(const fs::path& target, const fs::path& temp) {
  if (!fs::exists(target)) {
    fs::rename(temp, target);
    return;
  }
  // rename() replaces an empty folder, so renaming onto a freshly made one cannot clobber anything.
  const fs::path aside = create_unique_sibling(target, "old");
  try {
    fs::rename(target, aside);
  } catch (...) {
    remove_quietly(aside);
    throw;
  }
  try {
    fs::rename(temp, target);
  } catch (...) {
    fs::rename(aside, target);
    throw;
  }
  remove_quietly(aside);
}

}  // namespace

void write_outputs_atomically(const fs::path& out_dir, const std::vector<OutputFile>& files) {
  const fs::path target = normalized_target(out_dir);
  const auto failure = [&](const std::string& reason) {
    return std::runtime_error("writing outputs to " + target.string() + " failed: " + reason);
  };
  fs::path temp;
  try {
    fs::create_directories(target.parent_path());
    if (fs::exists(target) && !fs::is_directory(target))
      throw std::runtime_error("it exists and is not a folder");
    temp = create_unique_sibling(target, "tmp");
    for (const OutputFile& file : files) write_file(temp, file);
    replace_folder(target, temp);
  } catch (const std::exception& error) {
    if (!temp.empty()) remove_quietly(temp);
    throw failure(error.what());
  } catch (...) {
    if (!temp.empty()) remove_quietly(temp);
    throw failure("unknown error");
  }
}

std::vector<OutputFile> run_output_files(const RunResult& result, bool with_accounting,
                                         const std::string& prefix) {
  std::vector<OutputFile> files{
      {prefix + kSummaryJsonName, [&result](std::ostream& out) { out << summary_json(result); }},
      {prefix + kTimeseriesCsvName,
       [&result](std::ostream& out) { write_timeseries_csv(result.timeseries, out); }},
  };
  if (with_accounting) {
    files.push_back(
        {prefix + kAccountingCsvName, [&result](std::ostream& out) { write_accounting_csv(result, out); }});
  }
  return files;
}

void write_run_outputs(const RunResult& result, const fs::path& out_dir, bool with_accounting) {
  write_outputs_atomically(out_dir, run_output_files(result, with_accounting));
}

}  // namespace delivsim
