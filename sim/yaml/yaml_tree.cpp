#include "sim/yaml/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_set>

#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

constexpr std::size_t kMaxDepth = 64;
constexpr long kMaxNodes = 200'000;

/// Levels of nesting in `node` (1 for a scalar).
std::size_t height(const YamlNode& node) {
  std::size_t below = 0;
  for (const YamlNode& item : node.items) below = std::max(below, height(item));
  for (const YamlMapEntry& entry : node.entries) below = std::max(below, height(entry.value));
  return below + 1;
}

/// Nodes in `node`, itself included.
long count_nodes(const YamlNode& node) {
  long count = 1;
  for (const YamlNode& item : node.items) count += count_nodes(item);
  for (const YamlMapEntry& entry : node.entries) count += count_nodes(entry.value);
  return count;
}

/// Builds the tree from yaml-cpp's parser events (not from YAML::Node: the events let us bound depth, size
/// and aliases, and see every key's position).
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const PositionMapping& mapping) : mapping_(mapping) {}

  SourcePosition position(const YAML::Mark& mark) const {
    if (mark.line < 0 || mark.column < 0) return {mapping_.file, 0, 0};
    const int line = mapping_.fixed_line > 0 ? mapping_.fixed_line : mark.line + 1;
    return {mapping_.file, line, mark.column + 1 + mapping_.column_offset};
  }

  [[noreturn]] void fail(const SourcePosition& at, const std::string& field, const std::string& problem,
                         const std::string& expected) const {
    throw ScenarioError(at.file, at.line, at.column, field, problem, expected);
  }

  /// The document's root; a Null node when the document was empty.
  YamlNode take_root() { return root_ ? std::move(*root_) : YamlNode{}; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.position = position(mark);
    add(std::move(node), anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlNode::Kind::Scalar;
    node.scalar = value;
    node.quoted = tag != "?";  // plain scalars have the tag "?"; quoted ones "!", tagged ones their tag
    node.position = position(mark);
    add(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const SourcePosition at = position(mark);
    const auto anchored = anchors_.find(anchor);
    if (anchored == anchors_.end()) {
      fail(at, current_path(), "an alias refers to a node that contains it", "an alias to a finished node");
    }
    if (open_.size() + height(anchored->second) > kMaxDepth) {
      fail(at, top_level_key(), "nesting is too deep (through aliases)", "at most 64 levels");
    }
    YamlNode copy = anchored->second;
    copy.position = at;
    add(std::move(copy), 0, count_nodes(anchored->second));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::Sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::Map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  /// A sequence or mapping being filled.
  struct OpenNode {
    YamlNode node;
    YAML::anchor_t anchor;
    std::string path;
    std::optional<YamlMapEntry> pending_key;  ///< Map: the key whose value comes next
    std::unordered_set<std::string> keys;     ///< Map: the keys so far (duplicates found in O(1) each)
  };

  std::string current_path() const {
    if (open_.empty()) return "";
    const OpenNode& top = open_.back();
    if (top.node.kind == YamlNode::Kind::Sequence) {
      return top.path + "[" + std::to_string(top.node.items.size()) + "]";
    }
    if (!top.pending_key) return top.path;
    return top.path.empty() ? top.pending_key->key : top.path + "." + top.pending_key->key;
  }

  /// The first key of the path (the full path of a node 64 levels down says little).
  std::string top_level_key() const {
    const std::string path = current_path();
    return path.substr(0, path.find_first_of(".["));
  }

  void count(const SourcePosition& at, long nodes) {
    node_count_ += nodes;
    if (node_count_ > kMaxNodes) {
      fail(at, top_level_key(), "has too many nodes (exploding aliases?)", "a scenario");
    }
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const SourcePosition at = position(mark);
    if (open_.size() >= kMaxDepth) fail(at, top_level_key(), "nesting is too deep", "at most 64 levels");
    count(at, 1);
    YamlNode node;
    node.kind = kind;
    node.position = at;
    std::string path = current_path();
    open_.push_back({std::move(node), anchor, std::move(path), std::nullopt, {}});
  }

  void close() {
    OpenNode finished = std::move(open_.back());
    open_.pop_back();
    add(std::move(finished.node), finished.anchor, 0);
  }

  /// Places a finished node: as the root, a list item, a map key or a map value.
  void add(YamlNode node, YAML::anchor_t anchor, long new_nodes = 1) {
    count(node.position, new_nodes);
    if (anchor != 0) anchors_[anchor] = node;
    if (open_.empty()) {
      root_ = std::move(node);
      return;
    }
    OpenNode& parent = open_.back();
    if (parent.node.kind == YamlNode::Kind::Sequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.pending_key) {
      add_key(parent, node);
    } else {
      YamlMapEntry entry = std::move(*parent.pending_key);
      parent.pending_key.reset();
      // An empty value is marked at the next token; the key is the better place to point at.
      if (node.kind == YamlNode::Kind::Null) node.position = entry.key_position;
      entry.value = std::move(node);
      parent.node.entries.push_back(std::move(entry));
    }
  }

  void add_key(OpenNode& map, const YamlNode& key) {
    if (key.kind != YamlNode::Kind::Scalar) {
      fail(key.position, map.path, "has a key that is not a plain name", "a name before ':'");
    }
    const std::string key_path = map.path.empty() ? key.scalar : map.path + "." + key.scalar;
    if (!map.keys.insert(key.scalar).second) {
      fail(key.position, key_path, "duplicate key " + quote_value(key.scalar), "each key once per mapping");
    }
    // A quoted key ('max_smtp_out' or "...") is marked at its quote; errors point at its text.
    SourcePosition at = key.position;
    if (key.quoted) ++at.column;
    map.pending_key = YamlMapEntry{key.scalar, at, YamlNode{}};
  }

  const PositionMapping& mapping_;
  std::vector<OpenNode> open_;
  std::optional<YamlNode> root_;
  std::map<YAML::anchor_t, YamlNode> anchors_;  ///< finished anchored nodes
  long node_count_ = 0;
};

/// Receives the events of whatever follows the first document, to learn where it starts.
class DocumentStartFinder : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> start;
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (!start) start = mark;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
  }
  void OnMapEnd() override {}
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
  std::istringstream input{std::string(text)};
  YAML::Parser parser(input);
  TreeBuilder builder(mapping);
  DocumentStartFinder second_document;
  try {
    if (!parser.HandleNextDocument(builder)) {
      YamlNode empty;
      empty.position = builder.position(YAML::Mark());
      return empty;
    }
    // Only one more document is read: after some malformed text yaml-cpp reports empty documents forever.
    if (parser.HandleNextDocument(second_document)) {
      builder.fail(builder.position(second_document.start.value_or(YAML::Mark())), "",
                   "the YAML document ends here but text follows (a second document, or a stray character)",
                   "one YAML document");
    }
  } catch (const YAML::Exception& error) {  // ParserException and its kin carry a mark
    builder.fail(builder.position(error.mark), "", error.msg, "valid YAML");
  }
  return builder.take_root();
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
