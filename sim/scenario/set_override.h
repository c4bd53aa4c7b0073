#pragma once
/// @file Overrides of the parsed tree before it is read (`--set dotted.path=VALUE`, and a strategy's or a
/// sweep point's settings), so an override is checked exactly like the same key written in the file.
#include <string>
#include <string_view>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// Applies each override in order. The path is keys separated by dots, with [n] for list items
/// ("traffic[0].campaign.recipients"); a key containing dots is written in double quotes
/// (`traffic[0].domains."gmail.com"=0.5`). Missing map keys are created; VALUE is parsed as YAML (a scalar,
/// or a flow list or mapping such as [15m, 1h]). Created keys and values are positioned in the override
/// (file "--set", line = the override's 1-based number, column inside its text). Throws ScenarioError for an
/// override without '=', a malformed path, a path through a value that is not a mapping or list, or an
/// index past the end of a list.
void apply_set_overrides(YamlNode& root, const std::vector<std::string>& overrides);

/// Puts `value` at `path` in `root` (the path syntax of apply_set_overrides; missing map keys are created).
/// `path_start` is where the path's first character is written; created keys are positioned at their own
/// character of the path (same line, column moved right by the offset). Throws ScenarioError, at that
/// character, for a malformed path, a path through a value that is not a mapping or list, or an index past
/// the end of a list.
void apply_override(YamlNode& root, std::string_view path, const SourcePosition& path_start, YamlNode value);

/// The first key of `path` (the path syntax of apply_set_overrides): "sender" for
/// sender.destinations.gmail.max_smtp_out. Throws ScenarioError for a malformed path, as apply_override does.
std::string override_top_key(std::string_view path, const SourcePosition& path_start);

}  // namespace delivsim
