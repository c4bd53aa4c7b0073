#include "sim/batch/replication_outputs.h"

#include <cstdio>
#include <iterator>
#include <stdexcept>

#include "sim/batch/aggregate_summary.h"

namespace delivsim {

namespace {

/// The name of replication `index`'s (0-based) folder: "rep-001", "rep-002", ...
std::string replication_folder(std::size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "rep-%03zu", index + 1);
  return name;
}

}  // namespace

std::vector<OutputFile> replication_output_files(const std::vector<RunResult>& replications,
                                                 bool with_accounting, const std::string& prefix) {
  if (replications.empty()) throw std::invalid_argument("a batch needs at least one replication");
  if (replications.size() == 1) return run_output_files(replications.front(), with_accounting, prefix);
  std::vector<OutputFile> files;
  files.push_back({prefix + kSummaryJsonName,
                   [&replications](std::ostream& out) { out << aggregate_summary_json(replications); }});
  files.push_back({prefix + kTimeseriesBandsCsvName,
                   [&replications](std::ostream& out) { out << timeseries_bands_csv(replications); }});
  for (std::size_t i = 0; i < replications.size(); ++i) {
    std::vector<OutputFile> run_files =
        run_output_files(replications[i], with_accounting, prefix + replication_folder(i) + "/");
    files.insert(files.end(), std::make_move_iterator(run_files.begin()),
                 std::make_move_iterator(run_files.end()));
  }
  return files;
}

void write_replication_outputs(const std::vector<RunResult>& replications,
                               const std::filesystem::path& out_dir, bool with_accounting, ReplaceMode mode) {
  write_outputs_atomically(out_dir, replication_output_files(replications, with_accounting), mode);
}

}  // namespace delivsim
