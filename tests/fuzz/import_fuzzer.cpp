// libFuzzer target: what `delivsim import` and `sender: {import: ...}` read. The first byte picks the format
// (pmta, postfix, kumomta, by its value modulo 3) and, by its value divided by 3, the time scale K of
// `delivsim import --time-scale K` (kScales); the rest is the configuration file's text. Every input must
// give an import or a ScenarioError, and an import's scenario must load or be refused with a ScenarioError (a
// value delivsim does not take, at the config's line); the time-scaled copy must be written or refused with a
// ScenarioError, and its text must be the original's bytes after the header wherever no value was rewritten
// (scaled_config_text checks each rewritten value is where the parser placed it), in bounded time and memory.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "sim/import/config_time_scale.h"
#include "sim/import/import_config.h"
#include "sim/import/imported_scenario.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"

namespace {

/// The file the input is written to: a name each importer reads as its format's main file.
std::filesystem::path input_path(delivsim::MtaFormat format) {
  static const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("delivsim-import-fuzz-" + std::to_string(getpid()));
  std::filesystem::create_directories(folder);
  switch (format) {
    case delivsim::MtaFormat::PowerMta:
      return folder / "config";
    case delivsim::MtaFormat::Postfix:
      return folder / "main.cf";
    case delivsim::MtaFormat::KumoMta:
      return folder / "shaping.toml";
  }
  return folder / "config";
}

/// Time scales from slowing down to the far end of what --time-scale takes.
const char* const kScales[] = {"3600", "1", "0.5", "0.000001", "1000000000", "7.25", "60", "86400"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto format = static_cast<delivsim::MtaFormat>(data[0] % 3);
  const std::filesystem::path path = input_path(format);
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  try {
    const delivsim::ImportedConfig imported = delivsim::import_config(format, {path});
    const std::string text = delivsim::imported_scenario_text(imported, format, {path.string()});
    delivsim::parse_scenario(text, "imported.yaml");
  } catch (const delivsim::ScenarioError&) {
  }
  try {
    const delivsim::TimeScale scale =
        delivsim::parse_time_scale(kScales[(data[0] / 3) % (sizeof kScales / sizeof kScales[0])]);
    for (const delivsim::ScaledConfig& copy : delivsim::time_scaled_configs(format, {path}, scale)) {
      const std::string text = delivsim::scaled_config_text(copy, scale);
      if (copy.values.empty() && copy.appended.empty() && !text.ends_with(copy.original)) __builtin_trap();
    }
  } catch (const delivsim::ScenarioError&) {
  }
  return 0;
}
