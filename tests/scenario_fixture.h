#pragma once
// Helpers shared by the scenario-level tests: load a shipped scenario and run it.
#include <string>

#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace delivsim::testing {

inline std::string shipped_scenario_path(const std::string& name) {
  return std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

inline RunResult run_shipped(const std::string& name, const std::vector<std::string>& overrides = {}) {
  return run_scenario(load_scenario(shipped_scenario_path(name), overrides));
}

inline const ProviderResult& provider(const RunResult& result, const std::string& name) {
  for (const ProviderResult& p : result.providers) {
    if (p.name == name) return p;
  }
  throw std::out_of_range("no provider " + name);
}

}  // namespace delivsim::testing
