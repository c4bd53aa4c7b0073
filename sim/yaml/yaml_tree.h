#pragma once
/// @file A parsed YAML document as a plain tree in which every node and key knows where it was written,
/// so the scenario reader can name file, line and column, and `--set` overrides can be spliced in with
/// their own positions.
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// Where a node was written: a scenario file (1-based line and column) or a `--set` override (line: the
/// override's number, column: 1-based inside its text). line = column = 0 when unknown.
struct SourcePosition {
  std::string file;  ///< the scenario's name for messages, or "--set"
  int line = 0;      ///< 1-based
  int column = 0;    ///< 1-based
};

struct YamlMapEntry;

/// One YAML node. Scalars keep their text (YAML types are decided by the reader, not here).
struct YamlNode {
  /// Null: nothing written (`key:`, `~`, `null`).
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;             ///< which of the members below is used
  std::string scalar;                 ///< Scalar: the text
  bool quoted = false;                ///< Scalar: written in quotes (or tagged), so always a string
  std::vector<YamlNode> items;        ///< Sequence: the items in order
  std::vector<YamlMapEntry> entries;  ///< Map: the entries in the order written; keys are unique
  SourcePosition position;            ///< where the node starts (a null map value: where its key is)

  /// The value under `key` in a map, or nullptr (also when this is not a map).
  const YamlNode* find(std::string_view key) const;
  YamlNode* find(std::string_view key);
};

/// A map key (always a scalar) and its value.
struct YamlMapEntry {
  std::string key;              ///< the key's text
  SourcePosition key_position;  ///< where the key is written
  YamlNode value;               ///< its value
};

/// How yaml-cpp's 0-based marks become SourcePositions.
struct PositionMapping {
  std::string file;  ///< SourcePosition::file of every node
  /// When > 0, every position gets this line (a `--set` override); otherwise line = mark line + 1.
  int fixed_line = 0;
  /// Added to every 1-based column (where the parsed text starts inside a longer line).
  int column_offset = 0;
};

/// Parses one YAML document. An empty text gives a Null node. Throws ScenarioError for YAML syntax errors,
/// text after the first document, non-scalar or duplicate map keys, nesting deeper than 64 levels (the
/// root included), more than 200,000 nodes (exploding aliases), and an alias inside its own anchor.
YamlNode parse_yaml(std::string_view text, const PositionMapping& mapping);

/// A short name of the node's kind for messages ("a mapping", "a list", "a value", "nothing").
std::string_view describe_kind(const YamlNode& node);

}  // namespace delivsim
