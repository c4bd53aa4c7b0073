#pragma once
// A test helper (to be replaced by the lead's YAML writer): an imported tree as YAML flow text, so a test can
// wrap it into a scenario and let the scenario parser validate it.
#include <string>

#include "sim/yaml/yaml_tree.h"

namespace delivsim::testing {

inline std::string quoted_yaml(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// `node` as flow YAML: maps as {k: v}, lists as [a, b], quoted scalars in double quotes.
inline std::string flow_yaml(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      return "null";
    case YamlNode::Kind::Scalar:
      return node.quoted ? quoted_yaml(node.scalar) : node.scalar;
    case YamlNode::Kind::Sequence: {
      std::string out = "[";
      for (const YamlNode& item : node.items) out += (out.size() > 1 ? ", " : "") + flow_yaml(item);
      return out + "]";
    }
    case YamlNode::Kind::Map: {
      std::string out = "{";
      for (const YamlMapEntry& entry : node.entries) {
        out += (out.size() > 1 ? ", " : "") + quoted_yaml(entry.key) + ": " + flow_yaml(entry.value);
      }
      return out + "}";
    }
  }
  return "";
}

}  // namespace delivsim::testing
