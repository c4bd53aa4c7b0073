#pragma once
/// @file Which existing folder an output may replace (docs/batch-outputs.md): an empty one, or one that
/// delivsim wrote (it carries the marker file) and that holds nothing but files delivsim writes. Never a
/// folder holding anything else, so that `--out .` or `--out scenarios` cannot delete a user's files.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// The marker file every output folder carries, and its one line of content.
inline constexpr const char* kOutputMarkerName = ".delivsim-output";
inline constexpr const char* kOutputMarkerText =
    "written by delivsim: the next delivsim run with this output folder replaces it "
    "(docs/batch-outputs.md)\n";

/// Every file name delivsim writes into an output folder or its subfolders (rep-001/, <strategy>/): the
/// marker, the run files, the batch files of replications, compare, sweep, compare --robust and sweep
/// --robust, report's default report, and a batch part's part.json and run records (batch_part.h).
/// tests/batch/output_names_test.cpp checks that every writer's names are here.
inline constexpr std::array<std::string_view, 16> kDelivsimOutputNames{
    kOutputMarkerName,      "summary.json", "timeseries.csv", "accounting.csv",
    "timeseries_bands.csv", "compare.json", "compare.csv",    "sweep.csv",
    "sweep.json",           "robust.json",  "robust.csv",     "sweep_robust.json",
    "sweep_robust.csv",     "report.html",  "part.json",      "record.cbor"};

/// How far an output may go in replacing an existing folder at its place.
enum class ReplaceMode {
  Marked,  ///< an empty folder, or one with the marker that holds only delivsim's files
  Force,   ///< also a folder without the marker that holds only delivsim's files (an older delivsim's)
};

/// The first entry under `folder` (a relative path; subfolders are searched) that delivsim did not write:
/// anything but a subfolder, a regular file named in kDelivsimOutputNames, or a leftover temporary copy
/// ".<such a name>.tmp-<pid>" of one. nullopt when there is none. Throws OutputPathError when a subfolder
/// cannot be read.
std::optional<std::filesystem::path> first_foreign_entry(const std::filesystem::path& folder);

/// Repairs what a killed writer left beside `target` (absolute): when `target` is missing and one folder
/// ".<name>.old-<pid>" of a writer no longer running exists, that earlier output is renamed back to
/// `target`; then such writers' ".<name>.tmp-<pid>" and ".<name>.old-<pid>" folders are removed when they
/// hold only delivsim's files (others are left alone). Throws OutputPathError when `target` is missing and
/// several such ".old" folders exist (which one is the output cannot be told; they are named).
void repair_output_leftovers(const std::filesystem::path& target);

/// Everything about output folder `out_dir` that can be known before a run, so that a bad one is refused
/// before any simulation: absolute_output_path, check_output_name_lengths (with `inner_names`, the
/// subfolders it will hold, e.g. strategy names), check_output_parent; then repair_output_leftovers; then
/// whether an existing folder may be replaced under `mode`. Returns the absolute target; throws
/// OutputPathError naming the folder and why (for a refused folder: "refusing to replace <dir>: ...").
std::filesystem::path check_output_folder(const std::filesystem::path& out_dir, ReplaceMode mode,
                                          const std::vector<std::string>& inner_names = {});

}  // namespace delivsim
