#pragma once
/// @file `sender: {import: {<format>: path}}`: a scenario that takes its sender (and the IPs and pools the
/// configuration declares) from an MTA configuration file, so a config change is a one-file change.
#include <string>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// Replaces `sender.import` in the scenario tree `root` by what the configuration it names decides
/// (sim/import/import_config.h). `import` holds one entry, the format (`pmta`, `postfix`, `kumomta`) and a
/// path or a list of paths, relative to the folder of `source_name` (the scenario file). The scenario's own
/// keys win: its `sender` keys are merged over the imported sender, map by map; imported `identities.ips`,
/// `pools` and `providers` are added unless the scenario declares the same address or name (when the import
/// adds providers and the scenario has none, the default providers are written out beside them, since a
/// `providers:` entry with a profile stands alone). Imported values keep the config's positions, so the
/// readers' errors name the config line. Returns the import's warnings as
/// "<file>:<line>:<column>: warning: <directive>: <why>" lines; nothing when there is no `sender.import`.
/// Throws ScenarioError for a malformed `import` entry or configuration.
std::vector<std::string> expand_sender_import(YamlNode& root, const std::string& source_name);

}  // namespace delivsim
