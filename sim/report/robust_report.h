#pragma once
/// @file The report of a `delivsim compare --robust` folder: robust.json's run facts, the verdicts, per
/// figure the win shares against the first strategy, the spread of the paired difference over the receiver
/// worlds and tornado charts of the parameters it hinges on, and the varied parameters' ranges.
#include <filesystem>
#include <string>

namespace delivsim::report {

/// True when `dir` holds a robust.json.
bool has_robust(const std::filesystem::path& dir);

/// The report body of the robust folder `dir`. Throws ReportInputError (read_robust_file) when robust.json
/// is missing or malformed.
std::string robust_html(const std::filesystem::path& dir);

}  // namespace delivsim::report
