// libFuzzer target: what `delivsim import` and `sender: {import: ...}` read. The first byte picks the format
// (pmta, postfix, kumomta, by its value modulo 3) and, by its value divided by 3, the time scale K of
// `delivsim import --time-scale K` (kScales); the rest is the configuration's files, split at NUL bytes (at
// most kMaxFiles: the last keeps any further NULs), as the command line gives several: PowerMTA's config and
// the files it includes, Postfix's main.cf, master.cf and transport maps (the fourth file's kind is told by
// its text, as for a table named on the command line), KumoMTA's shaping files in merge order. Every input
// must give an import or a ScenarioError, and an import's scenario must load or be refused with a
// ScenarioError (a value delivsim does not take, at the config's line), as must a scenario of its own whose
// `sender: {import: ...}` names the same files (expand_sender_import's merge); the time-scaled copies must be
// written or refused with a ScenarioError, and each copy's text must be the original's bytes after the header
// wherever no value was rewritten (scaled_config_text checks each rewritten value is where the parser placed
// it), in bounded time and memory.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/import/config_time_scale.h"
#include "sim/import/import_config.h"
#include "sim/import/imported_scenario.h"
#include "sim/import/mta_format.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"
#include "tests/fuzz/own_folder.h"

namespace {

/// Files one input may hold, and their names by format and place: each importer's own names (Postfix's
/// last one names no kind, so its text decides).
constexpr std::size_t kMaxFiles = 4;
const char* const kFileNames[3][kMaxFiles] = {
    {"config", "config-2", "config-3", "config-4"},
    {"main.cf", "master.cf", "transport", "relay"},
    {"shaping.toml", "shaping-2.toml", "shaping-3.toml", "shaping-4.toml"}};

/// Writes `text`'s files (split at NUL bytes, at most kMaxFiles) for `format` and returns their paths.
std::vector<std::filesystem::path> write_input_files(delivsim::MtaFormat format, std::string_view text) {
  static const delivsim::fuzz::OwnFolder folder("delivsim_import_fuzz_");
  std::vector<std::filesystem::path> paths;
  while (true) {
    const std::size_t nul = paths.size() + 1 < kMaxFiles ? text.find('\0') : std::string_view::npos;
    const std::string_view piece = text.substr(0, nul);
    paths.push_back(folder.path() / kFileNames[static_cast<int>(format)][paths.size()]);
    delivsim::fuzz::write_bytes(paths.back(), piece);
    if (nul == std::string_view::npos) return paths;
    text.remove_prefix(nul + 1);
  }
}

/// A scenario of its own (an IP, a pool, a Gmail key) whose sender imports `paths` as `format`
/// (`sender: {import: ...}`), so the import is merged under the scenario's keys.
std::string importing_scenario(delivsim::MtaFormat format, const std::vector<std::filesystem::path>& paths) {
  std::string files;
  for (const std::filesystem::path& path : paths)
    files += (files.empty() ? "\"" : ", \"") + path.filename().string() + "\"";
  return "name: import-fuzz\n"
         "duration: 1d\n"
         "identities:\n"
         "  ips: [{address: 192.0.2.10, age: warm, established_per_day: 1000}]\n"
         "  domains: [{name: news.example.com, age: warm, established_per_day: 1000}]\n"
         "pools: {main: [192.0.2.10]}\n"
         "traffic:\n"
         "  - {name: t, pool: main, dkim_domain: news.example.com, campaign: {recipients: 100, at: 1h}}\n"
         "sender:\n"
         "  import: {" +
         std::string(delivsim::mta_format_name(format)) + ": [" + files +
         "]}\n"
         "  destinations: {gmail: {max_smtp_out: 4}}\n";
}

/// Time scales from slowing down to the far end of what --time-scale takes.
const char* const kScales[] = {"3600", "1", "0.5", "0.000001", "1000000000", "7.25", "60", "86400"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto format = static_cast<delivsim::MtaFormat>(data[0] % 3);
  const std::vector<std::filesystem::path> paths =
      write_input_files(format, std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  std::vector<std::string> names;
  for (const std::filesystem::path& path : paths) names.push_back(path.string());
  try {
    const delivsim::ImportedConfig imported = delivsim::import_config(format, paths);
    const std::string text = delivsim::imported_scenario_text(imported, format, names);
    delivsim::parse_scenario(text, "imported.yaml");
  } catch (const delivsim::ScenarioError&) {
  }
  try {
    delivsim::parse_scenario(importing_scenario(format, paths),
                             (paths.front().parent_path() / "importing.yaml").string());
  } catch (const delivsim::ScenarioError&) {
  }
  try {
    const delivsim::TimeScale scale =
        delivsim::parse_time_scale(kScales[(data[0] / 3) % (sizeof kScales / sizeof kScales[0])]);
    for (const delivsim::ScaledConfig& copy : delivsim::time_scaled_configs(format, paths, scale)) {
      const std::string text = delivsim::scaled_config_text(copy, scale);
      if (copy.values.empty() && copy.appended.empty() && !text.ends_with(copy.original)) __builtin_trap();
    }
  } catch (const delivsim::ScenarioError&) {
  }
  return 0;
}
