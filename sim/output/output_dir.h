#pragma once
/// @file A run's output folder, written so that it is either complete or untouched.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/output/run_result.h"

namespace delivsim {

/// One file of an output folder: its name in the folder and the function that writes its content.
struct OutputFile {
  std::string name;
  std::function<void(std::ostream&)> write;
};

/// Writes `files` into a fresh sibling folder (".<name>.tmp-<n>" next to `out_dir`), then puts it in place
/// of `out_dir`: an existing `out_dir` is renamed aside, the new folder renamed into place, and the old one
/// removed. Missing parent folders are created. On any failure (a writer throws, a file cannot be written,
/// `out_dir` is a file) the temporary folder is removed, `out_dir` is left as it was (or absent), and
/// std::runtime_error says what failed. A name may hold subfolders ("rep-001/summary.json"); they are
/// created. Names must be relative and stay inside the folder (no "..").
void write_outputs_atomically(const std::filesystem::path& out_dir, const std::vector<OutputFile>& files);

/// The names of the files write_run_outputs writes.
inline constexpr const char* kSummaryJsonName = "summary.json";
inline constexpr const char* kTimeseriesCsvName = "timeseries.csv";
inline constexpr const char* kAccountingCsvName = "accounting.csv";

/// The files of one run: summary.json, timeseries.csv and, when `with_accounting`, accounting.csv, each name
/// prefixed with `prefix` (e.g. "rep-001/"). The writers refer to `result`, which must outlive them.
std::vector<OutputFile> run_output_files(const RunResult& result, bool with_accounting,
                                         const std::string& prefix = "");

/// Writes run_output_files(result, with_accounting) into `out_dir` with write_outputs_atomically.
void write_run_outputs(const RunResult& result, const std::filesystem::path& out_dir, bool with_accounting);

}  // namespace delivsim
