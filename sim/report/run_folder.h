#pragma once
/// @file Reading one run folder as `delivsim run` writes it: a single run (summary.json + timeseries.csv)
/// or replications (aggregate summary.json + timeseries_bands.csv + rep-001/, rep-002/, ...).
#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/output/run_result.h"
#include "sim/report/run_series.h"

namespace delivsim::report {

/// The contents of one run folder.
struct RunFolder {
  /// A single run's figures; for replications the first replication's (for names and structure).
  RunResult run;
  /// timeseries.csv, or timeseries_bands.csv for replications.
  RunSeries series;
  /// Each replication's figures in replication order; empty for a single run.
  std::vector<RunResult> replications;

  bool is_replications() const { return !replications.empty(); }
};

/// True when `dir` holds a summary.json.
bool has_run_summary(const std::filesystem::path& dir);

/// Reads the run folder `dir`. Throws ReportInputError naming the file when summary.json, the time series,
/// or (replications) a rep-NNN/summary.json is missing or malformed.
RunFolder read_run_folder(const std::filesystem::path& dir);

/// read_run_folder() of `dir` whose summary.json is already parsed as `summary`.
RunFolder read_run_folder(const std::filesystem::path& dir, const nlohmann::ordered_json& summary);

}  // namespace delivsim::report
