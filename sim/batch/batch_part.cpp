#include "sim/batch/batch_part.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/batch/run_selection.h"
#include "sim/kernel/stable_hash.h"
#include "sim/output/run_record.h"

namespace delivsim {

namespace {

constexpr const char* kPartFormat = "delivsim batch part";
constexpr int kPartVersion = 1;
/// part.json is small (its run list is a compact spec); anything larger is not one.
constexpr std::uintmax_t kMaxManifestBytes = 64ull << 20;

std::string hex64(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

std::string read_bytes(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  if (error) throw BatchPartError(file.string() + ": cannot be read: " + error.message());
  if (size > max_bytes) {
    throw BatchPartError(file.string() + ": is " + std::to_string(size) + " bytes, more than a part's " +
                         std::to_string(max_bytes));
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw BatchPartError(file.string() + ": cannot be read");
  return bytes;
}

nlohmann::ordered_json manifest_json(const PartManifest& manifest) {
  const BatchRequest& request = manifest.request;
  nlohmann::ordered_json json;
  json["format"] = kPartFormat;
  json["version"] = kPartVersion;
  json["command"] = request.command;
  json["scenario"] = request.scenario;
  json["scenario_fnv1a_64"] = hex64(request.scenario_fingerprint);
  json["set"] = request.overrides;
  json["replications"] = request.replications.value_or(1);
  json["worlds"] = request.worlds ? nlohmann::ordered_json(*request.worlds) : nlohmann::ordered_json();
  json["seed"] = request.seed ? nlohmann::ordered_json(*request.seed) : nlohmann::ordered_json();
  json["accounting"] = request.accounting;
  json["run_count"] = request.run_count;
  json["runs"] = format_run_spec(manifest.runs);
  json["shard"] = manifest.shard ? nlohmann::ordered_json(std::to_string(manifest.shard->shard) + "/" +
                                                          std::to_string(manifest.shard->shards))
                                 : nlohmann::ordered_json();
  return json;
}

/// Reads the members of one part.json, naming the file and member in every error.
class ManifestReader {
 public:
  ManifestReader(const nlohmann::json& json, std::string file) : json_(json), file_(std::move(file)) {}

  const nlohmann::json& member(const char* key, const char* expected) const {
    if (!json_.contains(key)) fail(key, std::string("is missing (expected ") + expected + ")");
    return json_.at(key);
  }
  std::string text(const char* key) const {
    const nlohmann::json& value = member(key, "a string");
    if (!value.is_string()) fail(key, "expected a string");
    return value.get<std::string>();
  }
  std::uint64_t whole(const char* key, std::uint64_t min, std::uint64_t max) const {
    const nlohmann::json& value = member(key, "a whole number");
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() < min || value.get<std::uint64_t>() > max) {
      fail(key, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return value.get<std::uint64_t>();
  }
  bool flag(const char* key) const {
    const nlohmann::json& value = member(key, "true or false");
    if (!value.is_boolean()) fail(key, "expected true or false");
    return value.get<bool>();
  }
  bool is_null(const char* key) const { return member(key, "a value or null").is_null(); }
  std::vector<std::string> texts(const char* key) const {
    const nlohmann::json& value = member(key, "a list of strings");
    if (!value.is_array() ||
        !std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); }))
      fail(key, "expected a list of strings");
    return value.get<std::vector<std::string>>();
  }
  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw BatchPartError(file_ + ": " + key + ": " + what);
  }

 private:
  const nlohmann::json& json_;
  std::string file_;
};

PartManifest parse_manifest(const nlohmann::json& json, const std::string& file) {
  if (!json.is_object()) throw BatchPartError(file + ": expected a JSON object (a part's manifest)");
  const ManifestReader read(json, file);
  if (read.text("format") != kPartFormat)
    read.fail("format", std::string("expected \"") + kPartFormat + "\"");
  if (read.whole("version", 0, 1u << 30) != kPartVersion) {
    read.fail("version", "this delivsim reads version " + std::to_string(kPartVersion));
  }
  PartManifest manifest;
  BatchRequest& request = manifest.request;
  request.command = read.text("command");
  request.scenario = read.text("scenario");
  const std::string fingerprint = read.text("scenario_fnv1a_64");
  const auto [end, error] = std::from_chars(fingerprint.data(), fingerprint.data() + fingerprint.size(),
                                            request.scenario_fingerprint, 16);
  if (fingerprint.size() != 16 || error != std::errc{} || end != fingerprint.data() + fingerprint.size()) {
    read.fail("scenario_fnv1a_64", "expected 16 hex digits");
  }
  request.overrides = read.texts("set");
  request.replications = static_cast<int>(read.whole("replications", 1, 1u << 30));
  if (!read.is_null("worlds")) request.worlds = static_cast<int>(read.whole("worlds", 1, 1u << 30));
  if (!read.is_null("seed")) request.seed = read.whole("seed", 0, UINT64_MAX);
  request.accounting = read.flag("accounting");
  request.run_count = read.whole("run_count", 1, kMaxBatchRuns);
  try {
    const std::string runs = read.text("runs");  // empty: a shard of a batch with fewer runs than shards
    if (!runs.empty()) manifest.runs = parse_run_spec(runs, request.run_count);
  } catch (const std::invalid_argument& e) {
    read.fail("runs", e.what());
  }
  if (!read.is_null("shard")) {
    try {
      manifest.shard = parse_shard_spec(read.text("shard"));
    } catch (const std::invalid_argument& e) {
      read.fail("shard", e.what());
    }
    if (manifest.runs != shard_runs(*manifest.shard, request.run_count)) {
      read.fail("shard", "does not hold the runs of this shard");
    }
  }
  return manifest;
}

}  // namespace

std::uint64_t scenario_fingerprint(const std::filesystem::path& scenario_file) {
  return kernel::fnv1a_64(read_bytes(scenario_file, UINTMAX_MAX));
}

std::string run_folder_name(std::size_t index, std::size_t run_count) {
  const std::size_t width =
      std::max<std::size_t>(6, std::to_string(run_count > 0 ? run_count - 1 : 0).size());
  std::string number = std::to_string(index);
  return "run-" + std::string(width > number.size() ? width - number.size() : 0, '0') + number;
}

std::vector<OutputFile> part_output_files(const PartManifest& manifest, const BatchPlan& plan,
                                          const std::vector<RunResult>& results) {
  std::vector<OutputFile> files;
  files.push_back({kPartManifestName,
                   [&manifest](std::ostream& out) { out << manifest_json(manifest).dump(2) << "\n"; }});
  for (std::size_t i = 0; i < manifest.runs.size(); ++i) {
    const std::string folder = run_folder_name(manifest.runs[i], manifest.request.run_count) + "/";
    const RunResult& result = results.at(i);
    files.push_back(
        {folder + kRunRecordName, [&result](std::ostream& out) { out << run_record_bytes(result); }});
    if (!plan.design) {
      const bool with_accounting =
          plan.variants[planned_run(plan, manifest.runs[i]).variant].scenario.accounting;
      for (OutputFile& file : run_output_files(result, with_accounting, folder))
        files.push_back(std::move(file));
    }
  }
  return files;
}

PartManifest parse_part_manifest(std::string_view text, const std::string& file) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // a syntax error, or a number too large (out_of_range)
    throw BatchPartError(file + ": not JSON: " + e.what());
  }
  return parse_manifest(json, file);
}

PartManifest read_part_manifest(const std::filesystem::path& part_dir) {
  const std::filesystem::path file = part_dir / kPartManifestName;
  return parse_part_manifest(read_bytes(file, kMaxManifestBytes), file.string());
}

RunResult read_part_run(const std::filesystem::path& part_dir, std::size_t index, std::size_t run_count) {
  const std::filesystem::path file = part_dir / run_folder_name(index, run_count) / kRunRecordName;
  try {
    return parse_run_record(read_bytes(file, UINTMAX_MAX));
  } catch (const RunRecordError& e) {
    throw BatchPartError(file.string() + ": " + e.what());
  }
}

}  // namespace delivsim
