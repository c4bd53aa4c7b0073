#pragma once
/// @file A part of a batch: the folder a process writes when it runs only some runs of a batch (`--runs`,
/// `--shard`), and that `delivsim merge` reads back. It holds part.json, which says which batch (command,
/// scenario file and its fingerprint, options) and which of its runs it holds, and one folder per run,
/// run-000017/: record.cbor (the run's exact result, sim/output/run_record.h) and, for runs that keep their
/// series, the run's summary.json and timeseries.csv (and accounting.csv) for people to look at.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/batch/batch_plan.h"
#include "sim/batch/run_selection.h"
#include "sim/output/output_dir.h"
#include "sim/output/run_result.h"

namespace delivsim {

/// The name of a part's manifest.
inline constexpr const char* kPartManifestName = "part.json";
/// The name of a run's record in its run folder.
inline constexpr const char* kRunRecordName = "record.cbor";

/// What a batch command was asked: everything its results depend on, so that merge can rebuild the same
/// batch and tell parts of different batches apart.
struct BatchRequest {
  std::string command;   ///< "run", "compare", "sweep", "compare --robust" or "sweep --robust"
  std::string scenario;  ///< the scenario file as given on the command line
  std::uint64_t scenario_fingerprint = 0;  ///< fnv1a_64 of the file's bytes, to notice a changed file
  std::vector<std::string> overrides;      ///< the --set options, in order
  /// Per variant (per world with worlds); nullopt until prepare_batch resolves it (the file's
  /// `replications`, or 1 for robust runs). A part always records it.
  std::optional<int> replications;
  std::optional<int> worlds;  ///< robust runs: the receiver worlds (nullopt until resolved: the file's or 32)
  std::optional<std::uint64_t> seed;  ///< run --seed
  bool accounting = false;            ///< run --accounting
  std::size_t run_count = 0;          ///< the batch's runs, all parts together
  bool operator==(const BatchRequest&) const = default;
};

/// A part's manifest.
struct PartManifest {
  BatchRequest request;
  std::vector<std::size_t> runs;   ///< the runs it holds, sorted, no repeats
  std::optional<ShardSpec> shard;  ///< the --shard that chose them; nullopt for --runs
};

/// A part that cannot be read: its file and what is wrong.
struct BatchPartError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// fnv1a_64 of the bytes of `scenario_file`; throws BatchPartError when it cannot be read.
std::uint64_t scenario_fingerprint(const std::filesystem::path& scenario_file);

/// The run folder of run `index` in a batch of `run_count` runs: "run-" and the number zero-padded to the
/// width of the batch's last run number (at least 6 digits), so that folders list in run order.
std::string run_folder_name(std::size_t index, std::size_t run_count);

/// The files of a part of `plan` holding `results` (those of manifest.runs, in that order): part.json and
/// each run's folder with its record and, unless the plan's runs keep their summary only (robust runs), its
/// summary.json and timeseries.csv (and accounting.csv when its scenario asks for it). The writers refer to
/// the arguments, which must outlive them.
std::vector<OutputFile> part_output_files(const PartManifest& manifest, const BatchPlan& plan,
                                          const std::vector<RunResult>& results);

/// The manifest in `text`, a part.json read from `file` (named in errors); throws BatchPartError naming the
/// file and the member at fault.
PartManifest parse_part_manifest(std::string_view text, const std::string& file);

/// Reads `part_dir`/part.json; throws BatchPartError naming the file and the member at fault.
PartManifest read_part_manifest(const std::filesystem::path& part_dir);

/// Reads the record of run `index` from `part_dir`; throws BatchPartError naming the file.
RunResult read_part_run(const std::filesystem::path& part_dir, std::size_t index, std::size_t run_count);

}  // namespace delivsim
