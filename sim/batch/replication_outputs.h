#pragma once
/// @file The output folder of a batch of replications: the aggregate summary.json, timeseries_bands.csv,
/// and each replication's own outputs in rep-001/, rep-002/, ...
#include <filesystem>
#include <string>
#include <vector>

#include "sim/output/output_dir.h"
#include "sim/output/run_result.h"

namespace delivsim {

/// The name of the time series bands file of a batch of replications.
inline constexpr const char* kTimeseriesBandsCsvName = "timeseries_bands.csv";

/// The files of a batch of replications, each name prefixed with `prefix` (e.g. "warmup/" to nest them in a
/// compare folder). One replication: exactly write_run_outputs' files. More: summary.json
/// (aggregate_summary_json), timeseries_bands.csv, and rep-001/summary.json, rep-001/timeseries.csv (and
/// accounting.csv when `with_accounting`), ... The writers refer to `replications`, which must outlive them.
std::vector<OutputFile> replication_output_files(const std::vector<RunResult>& replications,
                                                 bool with_accounting, const std::string& prefix = "");

/// Writes replication_output_files(replications, with_accounting) into `out_dir` with
/// write_outputs_atomically (under `mode`).
void write_replication_outputs(const std::vector<RunResult>& replications,
                               const std::filesystem::path& out_dir, bool with_accounting,
                               ReplaceMode mode = ReplaceMode::Marked);

}  // namespace delivsim
