#include "gui/document/yaml_path.h"

#include <stdexcept>

namespace delivsim::gui {

namespace {

bool is_empty(const YAML::Node& node) {
  return !node.IsDefined() || node.IsNull();
}

[[noreturn]] void fail(const YamlPath& path, std::size_t depth, const std::string& problem) {
  const YamlPath prefix(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(depth));
  throw std::invalid_argument(path_text(prefix) + ": " + problem);
}

/// The child of `node` at `path[depth]`, created (as an empty mapping) when missing.
YAML::Node child_for_writing(YAML::Node& node, const YamlPath& path, std::size_t depth) {
  if (const auto* key = std::get_if<std::string>(&path[depth])) {
    if (is_empty(node)) node = YAML::Node(YAML::NodeType::Map);
    if (!node.IsMap()) fail(path, depth, "is not a mapping");
    YAML::Node child = node[*key];
    if (!child.IsDefined()) child = YAML::Node(YAML::NodeType::Map);
    return child;
  }
  const std::size_t index = std::get<std::size_t>(path[depth]);
  if (is_empty(node) && index == 0) node = YAML::Node(YAML::NodeType::Sequence);
  if (!node.IsSequence()) fail(path, depth, "is not a list");
  if (index > node.size()) fail(path, depth, "has no item " + std::to_string(index));
  if (index == node.size()) node.push_back(YAML::Node(YAML::NodeType::Map));
  return node[index];
}

void set_at(YAML::Node node, const YamlPath& path, std::size_t depth, const YAML::Node& value) {
  if (depth + 1 == path.size()) {
    if (const auto* key = std::get_if<std::string>(&path[depth])) {
      if (is_empty(node)) node = YAML::Node(YAML::NodeType::Map);
      if (!node.IsMap()) fail(path, depth, "is not a mapping");
      node[*key] = value;
      return;
    }
  }
  YAML::Node child = child_for_writing(node, path, depth);
  if (depth + 1 == path.size()) {
    child = value;
    return;
  }
  set_at(child, path, depth + 1, value);
}

}  // namespace

std::string path_text(const YamlPath& path) {
  std::string text;
  for (const YamlStep& step : path) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      const bool plain = key->find('.') == std::string::npos;
      text += (text.empty() ? "" : ".") + (plain ? *key : "\"" + *key + "\"");
    } else {
      text += "[" + std::to_string(std::get<std::size_t>(step)) + "]";
    }
  }
  return text;
}

std::optional<YAML::Node> find_node(const YAML::Node& root, const YamlPath& path) {
  YAML::Node node(root);
  for (const YamlStep& step : path) {
    const YAML::Node& current = node;  // const lookups never insert
    if (const auto* key = std::get_if<std::string>(&step)) {
      if (!current.IsMap()) return std::nullopt;
      const YAML::Node next = current[*key];  // invalid (not defined) when missing
      if (!next.IsDefined()) return std::nullopt;
      node.reset(next);
    } else {
      const std::size_t index = std::get<std::size_t>(step);
      if (!current.IsSequence() || index >= current.size()) return std::nullopt;
      node.reset(current[index]);
    }
  }
  return node;
}

void apply_edit(YAML::Node& root, const YamlEdit& edit) {
  if (edit.path.empty()) throw std::invalid_argument("an edit needs a path");
  if (edit.value) {
    set_at(root, edit.path, 0, *edit.value);
    return;
  }
  const auto* key = std::get_if<std::string>(&edit.path.back());
  if (key == nullptr) fail(edit.path, edit.path.size(), "only mapping keys can be removed");
  const YamlPath parent_path(edit.path.begin(), edit.path.end() - 1);
  auto parent = find_node(root, parent_path);
  if (parent && parent->IsMap()) parent->remove(*key);
}

YAML::Node scalar(const std::string& text) {
  return YAML::Node(text);
}

YAML::Node flow(YAML::NodeType::value type) {
  YAML::Node node(type);
  node.SetStyle(YAML::EmitterStyle::Flow);
  return node;
}

}  // namespace delivsim::gui
