#pragma once
/// @file Changing one value in a YAML text without touching anything else: comments, layout and quoting
/// stay as written.
#include <optional>
#include <string>

#include "gui/yaml_path.h"

namespace delivsim::gui {

/// `text` with the characters of the single-line scalar at `edit.path` replaced by `edit.value`, when
/// `edit` sets a scalar where `text` (whose parsed tree is `root`) already has one, and the result parses to
/// exactly `expected` (the tree with the edit applied); nullopt otherwise (the caller re-emits the tree).
std::optional<std::string> splice_scalar(const std::string& text, const YAML::Node& root,
                                         const YamlEdit& edit, const YAML::Node& expected);

}  // namespace delivsim::gui
