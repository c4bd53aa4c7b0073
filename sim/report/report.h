#pragma once
/// @file `delivsim report`: one self-contained HTML file (inline CSS and SVG, no scripts, no external
/// resources) from whatever a run folder holds (docs/batch-outputs.md): a single run, replications, a
/// compare, a robust compare, a sweep or a live run (`delivsim serve`).
#include <filesystem>
#include <string>

namespace delivsim::report {

/// The report's file name in RUN_DIR when `delivsim report` is given no --out.
inline constexpr const char* kDefaultReportName = "report.html";

/// The report of `run_dir` as HTML: compare.json makes a compare report, sweep.json a sweep report,
/// robust.json a robust compare report, summary.json a live report when it has a "mode" (a live run's), else
/// a run (or replications) report. Same folder, same bytes. Throws ReportInputError when `run_dir` does not
/// exist, holds none of those files, or one of them is malformed.
std::string report_html(const std::filesystem::path& run_dir);

/// Writes report_html(run_dir) to `out` atomically (write_text_file_atomically). Throws ReportInputError as
/// report_html does (before anything is written), OutputPathError when `out` is not a file delivsim may
/// replace (check_output_file), and std::runtime_error when the file cannot be written.
void write_report(const std::filesystem::path& run_dir, const std::filesystem::path& out);

}  // namespace delivsim::report
