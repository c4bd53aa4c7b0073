#pragma once
/// @file A run's output folder, written so that it is either complete or untouched, and only where it
/// replaces nothing but an earlier output (output_folder.h).
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/output/output_folder.h"
#include "sim/output/run_result.h"

namespace delivsim {

/// One file of an output folder: its name in the folder and the function that writes its content.
struct OutputFile {
  std::string name;
  std::function<void(std::ostream&)> write;
};

/// Writes `files` and the marker kOutputMarkerName into a fresh sibling folder (".<name>.tmp-<pid>" next to
/// `out_dir`), then puts it in place of `out_dir`: an existing `out_dir` is renamed aside
/// (".<name>.old-<pid>"), the new folder renamed into place, and the old one removed. A kill at any point
/// leaves the old or the new folder at `out_dir`, or leftovers that repair_output_leftovers undoes (the old
/// folder renamed back) when the next output goes there. First check_output_folder(out_dir, mode) (which
/// throws OutputPathError: nothing is touched). Missing parent folders are created. On any later failure (a
/// writer throws, a file cannot be written) the temporary folder is removed, `out_dir` is left as it was (or
/// absent), and std::runtime_error says what failed. A name may hold subfolders ("rep-001/summary.json");
/// they are created. Names must be relative and stay inside the folder (no "..").
void write_outputs_atomically(const std::filesystem::path& out_dir, const std::vector<OutputFile>& files,
                              ReplaceMode mode = ReplaceMode::Marked);

/// The names of the files write_run_outputs writes.
inline constexpr const char* kSummaryJsonName = "summary.json";
inline constexpr const char* kTimeseriesCsvName = "timeseries.csv";
inline constexpr const char* kAccountingCsvName = "accounting.csv";

/// The files of one run: summary.json, timeseries.csv and, when `with_accounting`, accounting.csv, each name
/// prefixed with `prefix` (e.g. "rep-001/"). The writers refer to `result`, which must outlive them.
std::vector<OutputFile> run_output_files(const RunResult& result, bool with_accounting,
                                         const std::string& prefix = "");

/// Writes run_output_files(result, with_accounting) into `out_dir` with write_outputs_atomically.
void write_run_outputs(const RunResult& result, const std::filesystem::path& out_dir, bool with_accounting,
                       ReplaceMode mode = ReplaceMode::Marked);

}  // namespace delivsim
