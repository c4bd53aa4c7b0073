#pragma once
/// @file Test helpers for the KumoMTA importer: shaping text written to a temporary file, and an import
/// checked by the scenario parser.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/scenario/scenario.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim::test {

/// Writes `text` to a fresh file named `name` in a per-test temporary folder; returns its path.
std::filesystem::path write_toml(std::string_view name, std::string_view text);

/// The scenario YAML (one line of flow YAML) made of `config.scenario_keys` and a minimal identity, pool
/// and traffic section. imported_config.h keeps only providers beyond the default set in `providers`; a
/// scenario that names a provider with a profile must name them all (docs/scenario-format.md `providers`),
/// so the default four are added when `providers` is present (providers_with_defaults, as the writer does).
/// `traffic_keys`: the traffic entry's keys besides name, pool and dkim_domain.
std::string scenario_text(const ImportedConfig& config,
                          std::string_view traffic_keys = "campaign: {recipients: 1000}");

/// scenario_text read by the scenario parser (throws ScenarioError when the import is not valid).
Scenario scenario_of(const ImportedConfig& config);

/// The node at `path` ("sender/destinations/gmail/max_smtp_out", list items by index: "patterns/0"), or
/// nullptr. Slashes, because provider names are domains with dots.
const YamlNode* node_at(const YamlNode& root, std::string_view path);

/// `text` written as "shaping.toml" (write_toml) and imported.
ImportedConfig import_text(std::string_view text);

/// The ScenarioError importing `text` throws; fails the test when it throws none.
ScenarioError import_error(std::string_view text);

/// Each warning as "<line>:<column> <directive>", in order.
std::vector<std::string> warning_places(const ImportedConfig& config);

/// The path of a test fixture in tests/import/fixtures.
std::filesystem::path fixture(std::string_view name);

}  // namespace delivsim::test
