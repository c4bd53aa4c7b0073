#pragma once
/// @file Changing a YAML text so that it parses to an edited tree while rewriting only what differs:
/// comments, layout and quoting of everything else stay as written.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace delivsim::gui {

/// `text` (whose parsed tree, with its marks, is `root`) changed so that it parses to `edited`, touching
/// only the text of the values that differ: a changed scalar's characters (its quotes kept), a removed
/// entry's or item's lines, a new entry's or item's lines at the end of its mapping (or beside the list's
/// unchanged items), and a value that changes kind rewritten on its own lines. Entries and items equal in
/// both trees keep their text, comments included. Nullopt when the text is laid out in a way this does not
/// follow (the caller then writes the whole tree).
std::optional<std::string> splice_tree(const std::string& text, const YAML::Node& root,
                                       const YAML::Node& edited);

/// Whether two trees hold the same values (mapping order, quoting and styles aside).
bool same_tree(const YAML::Node& a, const YAML::Node& b);

}  // namespace delivsim::gui
