#pragma once
/// @file Importing a Postfix configuration (see import_config.h and imported_config.h).
#include <filesystem>
#include <vector>

#include "sim/import/imported_config.h"

namespace delivsim {

/// Reads a Postfix configuration from `files`. Throws ScenarioError for a malformed one.
ImportedConfig import_postfix(const std::vector<std::filesystem::path>& files);

}  // namespace delivsim
