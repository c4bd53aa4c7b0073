#include "sim/output/output_dir.h"

#include <fstream>
#include <stdexcept>
#include <system_error>

#include "sim/output/accounting_csv.h"
#include "sim/output/output_path.h"
#include "sim/output/summary_json.h"
#include "sim/output/timeseries_csv.h"

namespace delivsim {

namespace fs = std::filesystem;

namespace {

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

/// Puts the finished folder `temp` in the place of `target`, which may not exist yet. Between the two
/// renames only `aside` holds the old output; repair_output_leftovers renames it back after a kill there.
void replace_folder(const fs::path& target, const fs::path& temp) {
  if (!fs::exists(fs::symlink_status(target))) {
    fs::rename(temp, target);
    return;
  }
  const fs::path aside = output_sibling(target, "old");
  fs::rename(target, aside);
  try {
    fs::rename(temp, target);
  } catch (...) {
    fs::rename(aside, target);
    throw;
  }
  remove_quietly(aside);
}

/// Creates `target`'s temporary sibling of this process; fails rather than write into an existing one.
fs::path create_temp_sibling(const fs::path& target) {
  const fs::path temp = output_sibling(target, "tmp");
  if (!fs::create_directory(temp)) throw std::runtime_error(temp.string() + " already exists");
  return temp;
}

}  // namespace

void write_outputs_atomically(const fs::path& out_dir, const std::vector<OutputFile>& files,
                              ReplaceMode mode) {
  const fs::path target = check_output_folder(out_dir, mode);
  const auto failure = [&](const std::string& reason) {
    return std::runtime_error("writing outputs to " + target.string() + " failed: " + reason);
  };
  fs::path temp;
  try {
    fs::create_directories(target.parent_path());
    temp = create_temp_sibling(target);
    write_file(temp, {kOutputMarkerName, [](std::ostream& out) { out << kOutputMarkerText; }});
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

void write_run_outputs(const RunResult& result, const fs::path& out_dir, bool with_accounting,
                       ReplaceMode mode) {
  write_outputs_atomically(out_dir, run_output_files(result, with_accounting), mode);
}

}  // namespace delivsim
