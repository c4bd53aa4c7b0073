#pragma once
/// @file Importing a PowerMTA configuration (see import_config.h and imported_config.h).
#include <filesystem>
#include <vector>

#include "sim/import/imported_config.h"

namespace delivsim {

/// Reads a PowerMTA configuration from `files`. Throws ScenarioError for a malformed one.
ImportedConfig import_powermta(const std::vector<std::filesystem::path>& files);

}  // namespace delivsim
