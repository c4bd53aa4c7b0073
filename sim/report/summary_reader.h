#pragma once
/// @file Reading a single run's summary.json back into a RunResult, so the report computes the headline
/// figures with the very function the GUI and the batch commands use (headline_of).
#include <filesystem>

#include <nlohmann/json.hpp>

#include "sim/output/run_result.h"

namespace delivsim::report {

/// The RunResult that `summary` (a parsed summary.json of one run) was written from: scenario, seed, start
/// date, simulated span, totals, providers (with their thresholds; the Gmail profile's when the file has
/// none), traffic, identities and alerts; no time series or accounting. Throws ReportInputError naming
/// `source` when a key is missing or has the wrong type.
RunResult run_result_from_summary(const nlohmann::ordered_json& summary, const std::filesystem::path& source);

/// run_result_from_summary of the summary.json at `path`.
RunResult read_run_summary(const std::filesystem::path& path);

}  // namespace delivsim::report
