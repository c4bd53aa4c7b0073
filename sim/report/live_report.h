#pragma once
/// @file The report of a live run's folder (`delivsim serve --out DIR`, docs/live-mode.md): what the
/// receiver saw per provider, the replies it gave, each identity's standing at the end, and the run charts
/// its timeseries.csv carries (attempts by outcome, reputation, spam rate; quota when the series has it).
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/report/live_summary.h"
#include "sim/report/run_series.h"

namespace delivsim::report {

/// The contents of a live run's folder that the report reads.
struct LiveFolder {
  LiveSummary summary;  ///< summary.json
  RunSeries series;     ///< timeseries.csv
};

/// The live run folder `dir` whose summary.json is `summary` (is_live_summary). Throws ReportInputError
/// naming the file when summary.json is not a live run's or timeseries.csv is missing or malformed.
LiveFolder read_live_folder(const std::filesystem::path& dir, const nlohmann::ordered_json& summary);

/// The report body of `folder`: title, the run's facts as headline cards, charts, then the tables of
/// providers, replies and identities. There is no queue chart: the receiver cannot see the MTA's queue.
std::string live_folder_html(const LiveFolder& folder);

}  // namespace delivsim::report
