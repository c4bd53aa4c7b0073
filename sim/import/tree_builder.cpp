#include "sim/import/tree_builder.h"

#include <stdexcept>
#include <utility>

namespace delivsim {

YamlNode scalar_node(std::string text, const SourcePosition& where, bool quoted) {
  YamlNode node;
  node.kind = YamlNode::Kind::Scalar;
  node.scalar = std::move(text);
  node.quoted = quoted;
  node.position = where;
  return node;
}

YamlNode map_node(const SourcePosition& where) {
  YamlNode node;
  node.kind = YamlNode::Kind::Map;
  node.position = where;
  return node;
}

YamlNode sequence_node(const SourcePosition& where) {
  YamlNode node;
  node.kind = YamlNode::Kind::Sequence;
  node.position = where;
  return node;
}

YamlNode& set_entry(YamlNode& map, std::string_view key, YamlNode value) {
  if (map.kind != YamlNode::Kind::Map) throw std::logic_error("set_entry on a node that is not a map");
  if (YamlNode* existing = map.find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  const SourcePosition key_position = value.position;
  map.entries.push_back(YamlMapEntry{std::string(key), key_position, std::move(value)});
  return map.entries.back().value;
}

YamlNode& child_map(YamlNode& map, std::string_view key, const SourcePosition& where) {
  if (YamlNode* existing = map.find(key)) return *existing;
  return set_entry(map, key, map_node(where));
}

}  // namespace delivsim
