#pragma once
/// @file Where a parsed YAML node is in its text: the characters of a scalar or collection, the entries of a
/// mapping and the items of a list, and the lines around them.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace delivsim::gui {

/// A node's characters in the text: [begin, end), and the quote around a scalar (0: plain or not a scalar).
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  char quote = 0;
};

/// One entry of a mapping or item of a list as written.
struct TextChild {
  YAML::Node key;          ///< the entry's key (a list item has none)
  YAML::Node value;        ///< the entry's value or the item
  std::size_t start = 0;   ///< where the entry starts: its key, or the item (its dash in a block list)
  std::size_t column = 0;  ///< the column of `start`, 0-based
  std::size_t end = 0;     ///< just past the value
};

/// Thrown when the text is laid out in a way the span functions do not follow (a multi-line or escaped
/// scalar, an empty value, an alias); the caller then writes the whole tree instead.
struct UnfollowedLayout {};

/// The span of `node` (parsed from `text`, with its mark): a scalar written on one line without escapes, a
/// flow collection up to its closing bracket, a block collection up to the end of its last value. Throws
/// UnfollowedLayout for anything else.
TextSpan span_of(const std::string& text, const YAML::Node& node);

/// The entries of mapping `node` or the items of list `node`, in the text's order.
std::vector<TextChild> children_of(const std::string& text, const YAML::Node& node);

/// Whether `node` is written in flow style ({...} or [...]).
bool written_in_flow(const std::string& text, const YAML::Node& node);

/// The position where the line holding `pos` starts.
std::size_t line_start(const std::string& text, std::size_t pos);

/// The position just past the newline of the line holding `pos` (the text's size on its last line).
std::size_t line_end(const std::string& text, std::size_t pos);

/// Whether only spaces stand between the start of `pos`'s line and `pos`.
bool starts_its_line(const std::string& text, std::size_t pos);

}  // namespace delivsim::gui
