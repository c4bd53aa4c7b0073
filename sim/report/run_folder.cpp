#include "sim/report/run_folder.h"

#include <algorithm>
#include <string>

#include "sim/output/output_dir.h"
#include "sim/report/json_file.h"
#include "sim/report/report_error.h"
#include "sim/report/summary_reader.h"

namespace delivsim::report {

namespace {

constexpr const char* kBandsCsvName = "timeseries_bands.csv";

/// rep-001, rep-002, ... in order: the replication folders that exist.
std::vector<std::filesystem::path> replication_dirs(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> dirs;
  std::error_code error;
  for (std::filesystem::directory_iterator entry(dir, error), end; !error && entry != end;
       entry.increment(error)) {
    if (entry->is_directory(error) && entry->path().filename().string().starts_with("rep-"))
      dirs.push_back(entry->path());
  }
  if (error)
    throw ReportInputError(dir.string() + ": cannot list the replication folders (" + error.message() + ")");
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

}  // namespace

bool has_run_summary(const std::filesystem::path& dir) {
  return std::filesystem::is_regular_file(dir / kSummaryJsonName);
}

RunFolder read_run_folder(const std::filesystem::path& dir) {
  return read_run_folder(dir, read_json_object_file(dir / kSummaryJsonName));
}

RunFolder read_run_folder(const std::filesystem::path& dir, const nlohmann::ordered_json& summary) {
  const std::filesystem::path summary_path = dir / kSummaryJsonName;
  RunFolder folder;
  const auto kind = summary.find("kind");
  if (kind == summary.end() || *kind != "replications") {
    folder.run = run_result_from_summary(summary, summary_path);
    folder.series = read_timeseries_csv(dir / kTimeseriesCsvName);
    return folder;
  }
  for (const std::filesystem::path& replication : replication_dirs(dir)) {
    folder.replications.push_back(read_run_summary(replication / kSummaryJsonName));
  }
  if (folder.replications.empty()) {
    throw ReportInputError(dir.string() + ": summary.json is an aggregate of replications, but there is no " +
                           "rep-001/summary.json beside it");
  }
  folder.run = folder.replications.front();
  folder.series = read_timeseries_bands_csv(dir / kBandsCsvName);
  return folder;
}

}  // namespace delivsim::report
