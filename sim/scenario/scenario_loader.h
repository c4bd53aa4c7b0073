#pragma once
/// @file Loading a scenario: the one parser the CLI, the GUI and the tests call. Every problem, from a
/// missing file to an unknown key or an out-of-range value, is a ScenarioError naming where it is.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/scenario.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

/// Reads, checks and completes (defaults) the scenario in `path`, after applying `set_overrides`
/// ("dotted.path=VALUE", see docs/scenario-format.md). Throws ScenarioError.
Scenario load_scenario(const std::filesystem::path& path, const std::vector<std::string>& set_overrides = {});

/// As load_scenario for a text already in memory; `source_name` is used in messages, as source_path, and
/// (its stem) as the default name.
Scenario parse_scenario(std::string_view yaml_text, const std::string& source_name,
                        const std::vector<std::string>& set_overrides = {});

}  // namespace delivsim
