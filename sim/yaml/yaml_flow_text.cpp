#include "sim/yaml/yaml_flow_text.h"

#include <string_view>

namespace delivsim {

namespace {

bool needs_quotes(const YamlNode& scalar) {
  const std::string& text = scalar.scalar;
  return scalar.quoted || text.empty() || text.front() == ' ' || text.back() == ' ' ||
         text.find_first_of(",[]{}:#\"'") != std::string::npos;
}

std::string double_quoted(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string nested_text(const YamlNode& node) {
  if (node.kind == YamlNode::Kind::Scalar && needs_quotes(node)) return double_quoted(node.scalar);
  return flow_text(node);
}

}  // namespace

std::string flow_text(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      return "null";
    case YamlNode::Kind::Scalar:
      return node.scalar;
    case YamlNode::Kind::Sequence: {
      std::string text = "[";
      for (const YamlNode& item : node.items) text += (text.size() > 1 ? ", " : "") + nested_text(item);
      return text + "]";
    }
    case YamlNode::Kind::Map: {
      std::string text = "{";
      for (const YamlMapEntry& entry : node.entries) {
        YamlNode key;
        key.kind = YamlNode::Kind::Scalar;
        key.scalar = entry.key;
        text += (text.size() > 1 ? ", " : "") + nested_text(key) + ": " + nested_text(entry.value);
      }
      return text + "}";
    }
  }
  return "null";
}

}  // namespace delivsim
