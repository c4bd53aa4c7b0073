#pragma once
/// @file Building the positioned YAML tree an importer gives (imported_config.h): nodes that remember the
/// config text they came from.
#include <string>
#include <string_view>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// A scalar `text` written at `where`. `quoted`: always text (a name, a reply pattern), never read as a
/// number or true/false.
YamlNode scalar_node(std::string text, const SourcePosition& where, bool quoted = false);

/// An empty map at `where`.
YamlNode map_node(const SourcePosition& where);

/// An empty list at `where`.
YamlNode sequence_node(const SourcePosition& where);

/// Sets `key` of the map `map` to `value`, replacing an earlier value of that key in place (a later
/// directive wins, as in the MTAs); returns the stored value. `map` must be a map.
YamlNode& set_entry(YamlNode& map, std::string_view key, YamlNode value);

/// The map under `key` in `map`, added (empty, at `where`) when absent.
YamlNode& child_map(YamlNode& map, std::string_view key, const SourcePosition& where);

}  // namespace delivsim
