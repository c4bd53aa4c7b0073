#pragma once
/// @file The report of a `delivsim compare` folder: compare.json's side-by-side table (means, differences
/// from the first strategy with their 95% CIs, best marks), settings, top replies, expectations, and
/// overlays of the strategies' time series.
#include <filesystem>
#include <string>

namespace delivsim::report {

/// True when `dir` holds a compare.json.
bool has_compare(const std::filesystem::path& dir);

/// The report body of the compare folder `dir`. Throws ReportInputError when compare.json or a strategy's
/// run folder is missing or malformed.
std::string compare_html(const std::filesystem::path& dir);

}  // namespace delivsim::report
