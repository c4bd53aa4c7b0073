#pragma once
/// @file Test helper: an imported configuration wrapped into a whole scenario's YAML text (with one
/// sending domain and a one-recipient campaign), so that the scenario parser checks what an importer gives.
/// The lead's YAML writer replaces it when merging.
#include <string>

#include "sim/import/imported_config.h"

namespace delivsim {

/// `config.scenario_keys` plus `identities.domains: [{name: example.com}]` and one traffic source through
/// `pool` (default: the config's default_pool) to `domain` (default: its first recipient domain), as flow
/// YAML.
std::string imported_scenario_text(const ImportedConfig& config, std::string pool = {},
                                   std::string domain = {});

}  // namespace delivsim
