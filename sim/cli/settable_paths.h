#pragma once
/// @file The paths `--set path=VALUE` can name in a scenario file (sim/scenario/set_override.h): every key
/// and list item it holds, for `delivsim validate FILE --list-set-paths` and the shell completion of `--set`.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// Every node of `root` below it as a `--set` path, depth first in the order written: "seed", "traffic",
/// "traffic[0]", "traffic[0].campaign", ... A key holding '.', '[', ']' or a space is written in double
/// quotes (`traffic[0].domains."gmail.com"`); a key holding '"' or '=' cannot be named, so neither it nor
/// anything below it is listed.
std::vector<std::string> settable_paths(const YamlNode& root);

/// settable_paths of the scenario file at `path` as `--set` sees it (after `sender: {import: ...}` is
/// expanded). Throws ScenarioError when the file cannot be read or parsed.
std::vector<std::string> settable_paths_of_file(const std::filesystem::path& path);

}  // namespace delivsim
