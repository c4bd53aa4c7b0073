#pragma once
/// @file The report of a `delivsim sweep` folder: the objective and why the best point won, the table of
/// points (best and infeasible ones highlighted), and the objective against the first swept parameter.
#include <filesystem>
#include <string>

namespace delivsim::report {

/// True when `dir` holds a sweep.json.
bool has_sweep(const std::filesystem::path& dir);

/// The report body of the sweep folder `dir` (from sweep.json). Throws ReportInputError when sweep.json is
/// missing or malformed.
std::string sweep_html(const std::filesystem::path& dir);

}  // namespace delivsim::report
