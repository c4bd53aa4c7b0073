#pragma once
/// @file Paths into a YAML tree and the one kind of change the form makes to it: set or remove a value.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace delivsim::gui {

/// One step of a path: a mapping key or a list index.
using YamlStep = std::variant<std::string, std::size_t>;

/// A path from the document's root, e.g. {"traffic", 0, "campaign", "recipients"}.
using YamlPath = std::vector<YamlStep>;

/// One change to a scenario tree: set the value at `path`, or remove the mapping key at `path` when `value`
/// is empty.
struct YamlEdit {
  YamlPath path;
  std::optional<YAML::Node> value;
};

/// Changes applied together.
using YamlEdits = std::vector<YamlEdit>;

/// The path as the scenario parser writes it in messages: "traffic[0].campaign.recipients".
std::string path_text(const YamlPath& path);

/// The node at `path`, or nullopt when some step is missing (or goes through a value of the wrong kind).
std::optional<YAML::Node> find_node(const YAML::Node& root, const YamlPath& path);

/// Applies `edit` to `root` in place. Setting creates the mappings missing on the way (and a list when an
/// index 0 meets nothing); an index equal to a list's length appends a new mapping. Removing a key that is
/// not there does nothing. Throws std::invalid_argument when the path runs through a scalar, indexes past
/// the end of a list, or a removal does not end in a mapping key.
void apply_edit(YAML::Node& root, const YamlEdit& edit);

/// A scalar node holding `text`.
YAML::Node scalar(const std::string& text);

/// An empty list or mapping (`type`) written in flow style: [a, b] or {k: v}.
YAML::Node flow(YAML::NodeType::value type);

}  // namespace delivsim::gui
