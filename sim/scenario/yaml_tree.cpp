#include "sim/scenario/yaml_tree.h"

#include <yaml-cpp/yaml.h>

#include <unordered_set>

#include "sim/scenario/scenario_error.h"

namespace delivsim {

namespace {

constexpr int kMaxDepth = 64;
constexpr long kMaxNodes = 1'000'000;

class TreeBuilder {
 public:
  explicit TreeBuilder(const PositionMapping& mapping) : mapping_(mapping) {}

  SourcePosition position(const YAML::Mark& mark) const {
    if (mark.line < 0 || mark.column < 0) return {mapping_.file, 0, 0};
    const int line = mapping_.fixed_line > 0 ? mapping_.fixed_line : mark.line + 1;
    return {mapping_.file, line, mark.column + 1 + mapping_.column_offset};
  }

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& field, const std::string& problem,
                         const std::string& expected) const {
    const SourcePosition at = position(mark);
    throw ScenarioError(at.file, at.line, at.column, field, problem, expected);
  }

  /// Converts `source`, found at dotted path `path`, and everything below it.
  YamlNode build(const YAML::Node& source, const std::string& path, int depth) {
    if (depth > kMaxDepth) {
      // The full path would be 64 levels long; the top-level key says where to look.
      fail(source.Mark(), path.substr(0, path.find_first_of(".[")),
           "nesting is too deep (a recursive alias?)", "at most 64 levels");
    }
    if (++node_count_ > kMaxNodes)
      fail(source.Mark(), path, "has too many nodes (recursive aliases?)", "a scenario");
    YamlNode node;
    node.position = position(source.Mark());
    switch (source.Type()) {
      case YAML::NodeType::Scalar:
        node.kind = YamlNode::Kind::Scalar;
        node.scalar = source.Scalar();
        // yaml-cpp tags plain scalars "?"; quoted ones "!", explicitly tagged ones with their tag.
        node.quoted = source.Tag() != "?";
        break;
      case YAML::NodeType::Sequence:
        node.kind = YamlNode::Kind::Sequence;
        for (const YAML::Node& item : source) {
          node.items.push_back(build(item, path + "[" + std::to_string(node.items.size()) + "]", depth + 1));
        }
        break;
      case YAML::NodeType::Map:
        node.kind = YamlNode::Kind::Map;
        add_entries(source, path, depth, node);
        break;
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        break;
    }
    return node;
  }

 private:
  void add_entries(const YAML::Node& source, const std::string& path, int depth, YamlNode& map) {
    std::unordered_set<std::string> seen;
    for (const auto& key_and_value : source) {  // by reference: the iterator's value is a temporary
      const YAML::Node& key = key_and_value.first;
      if (!key.IsScalar()) fail(key.Mark(), path, "has a key that is not a plain name", "a name before ':'");
      const std::string key_path = path.empty() ? key.Scalar() : path + "." + key.Scalar();
      if (!seen.insert(key.Scalar()).second) {
        fail(key.Mark(), key_path, "duplicate key '" + key.Scalar() + "'", "each key once per mapping");
      }
      YamlMapEntry entry{key.Scalar(), position(key.Mark()),
                         build(key_and_value.second, key_path, depth + 1)};
      // yaml-cpp marks an empty value at the next token; the key is the better place to point at.
      if (entry.value.kind == YamlNode::Kind::Null) entry.value.position = entry.key_position;
      map.entries.push_back(std::move(entry));
    }
  }

  const PositionMapping& mapping_;
  long node_count_ = 0;
};

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const YamlMapEntry& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  return const_cast<YamlNode*>(static_cast<const YamlNode&>(*this).find(key));
}

YamlNode parse_yaml(std::string_view text, const PositionMapping& mapping) {
  TreeBuilder builder(mapping);
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& error) {  // ParserException and its kin carry a mark
    builder.fail(error.mark, "", error.msg, "valid YAML");
  }
  if (documents.empty()) {
    YamlNode empty;
    empty.position = builder.position(YAML::Mark());
    return empty;
  }
  if (documents.size() > 1) {
    builder.fail(documents[1].Mark(), "", "more than one YAML document", "one document");
  }
  return builder.build(documents.front(), "", 0);
}

std::string_view describe_kind(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      return "nothing";
    case YamlNode::Kind::Scalar:
      return "a value";
    case YamlNode::Kind::Sequence:
      return "a list";
    case YamlNode::Kind::Map:
      return "a mapping";
  }
  return "nothing";
}

}  // namespace delivsim
