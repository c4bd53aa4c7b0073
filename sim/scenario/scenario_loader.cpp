#include "sim/scenario/scenario_loader.h"

#include "sim/scenario/scenario_batch.h"

namespace delivsim {

// The base of the batch: reading it also checks the file's strategies, sweep and objective.

Scenario load_scenario(const std::filesystem::path& path, const std::vector<std::string>& set_overrides) {
  return load_scenario_batch(path, set_overrides).base;
}

Scenario parse_scenario(std::string_view yaml_text, const std::string& source_name,
                        const std::vector<std::string>& set_overrides) {
  return parse_scenario_batch(yaml_text, source_name, set_overrides).base;
}

}  // namespace delivsim
