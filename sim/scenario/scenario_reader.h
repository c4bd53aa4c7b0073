#pragma once
/// @file From a parsed tree to a Scenario: the top-level keys, then each section (scenario_sections.h).
#include <string>

#include "sim/scenario/scenario.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// The longest scenario accepted.
inline constexpr Duration kMaxScenarioDuration = std::chrono::hours(24 * 400);

/// The most replications a scenario's `replications:` key may ask for.
inline constexpr int kMaxReplications = 10000;

/// Checks every value in `root` and returns the completed scenario; `default_name` is used when it has no
/// `name`. The batch keys `strategies`, `sweep` and `objective` are allowed but left to read_scenario_batch
/// (scenario_batch_reader.h). Throws ScenarioError.
Scenario read_scenario(const YamlNode& root, const std::string& default_name, const std::string& source_path);

}  // namespace delivsim
