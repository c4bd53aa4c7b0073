#include "sim/cli/settable_paths.h"

#include "sim/scenario/sender_import.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

/// `key` as a step of a path, or empty when a path cannot name it.
std::string path_key(const std::string& key) {
  if (key.empty() || key.find_first_of("\"=") != std::string::npos) return "";
  if (key.find_first_of(".[] ") != std::string::npos) return "\"" + key + "\"";
  return key;
}

void add_paths_below(const YamlNode& node, const std::string& path, std::vector<std::string>& paths) {
  if (node.kind == YamlNode::Kind::Map) {
    for (const YamlMapEntry& entry : node.entries) {
      const std::string key = path_key(entry.key);
      if (key.empty()) continue;
      const std::string child = path.empty() ? key : path + "." + key;
      paths.push_back(child);
      add_paths_below(entry.value, child, paths);
    }
  } else if (node.kind == YamlNode::Kind::Sequence) {
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const std::string child = path + "[" + std::to_string(i) + "]";
      paths.push_back(child);
      add_paths_below(node.items[i], child, paths);
    }
  }
}

}  // namespace

std::vector<std::string> settable_paths(const YamlNode& root) {
  std::vector<std::string> paths;
  if (root.kind == YamlNode::Kind::Map) add_paths_below(root, "", paths);
  return paths;
}

std::vector<std::string> settable_paths_of_file(const std::filesystem::path& path) {
  const std::string text = read_scenario_file(path);
  check_yaml_text(text, path.string());
  YamlNode root = parse_yaml(text, PositionMapping{path.string()});
  expand_sender_import(root, path.string());
  return settable_paths(root);
}

}  // namespace delivsim
