#include "gui/document/yaml_text_span.h"

namespace delivsim::gui {

namespace {

std::size_t mark_of(const std::string& text, const YAML::Node& node) {
  const int mark = node.Mark().pos;
  if (mark < 0 || static_cast<std::size_t>(mark) >= text.size()) throw UnfollowedLayout{};
  return static_cast<std::size_t>(mark);
}

/// Just past the bracket that closes the one at `open`, skipping quoted text.
std::size_t closing_bracket(const std::string& text, std::size_t open) {
  int depth = 0;
  for (std::size_t pos = open; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '"' || c == '\'') {
      pos = text.find(c, pos + 1);
      if (pos == std::string::npos) break;
    } else if (c == '#' && pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\n')) {
      pos = text.find('\n', pos);
      if (pos == std::string::npos) break;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return pos + 1;
    }
  }
  throw UnfollowedLayout{};
}

TextSpan scalar_span(const std::string& text, const YAML::Node& node) {
  const std::string& value = node.Scalar();
  const std::size_t pos = mark_of(text, node);
  const char first = text[pos];
  if (first == '"' || first == '\'') {
    if (text.compare(pos + 1, value.size(), value) != 0 || pos + 1 + value.size() >= text.size() ||
        text[pos + 1 + value.size()] != first) {
      throw UnfollowedLayout{};
    }
    return {pos, pos + value.size() + 2, first};
  }
  if (value.empty() || text.compare(pos, value.size(), value) != 0) throw UnfollowedLayout{};
  return {pos, pos + value.size(), 0};
}

}  // namespace

bool written_in_flow(const std::string& text, const YAML::Node& node) {
  const char first = text[mark_of(text, node)];
  return (node.IsMap() && first == '{') || (node.IsSequence() && first == '[');
}

TextSpan span_of(const std::string& text, const YAML::Node& node) {
  if (node.IsScalar()) return scalar_span(text, node);
  if (!node.IsMap() && !node.IsSequence()) throw UnfollowedLayout{};
  const std::size_t begin = mark_of(text, node);
  if (written_in_flow(text, node)) return {begin, closing_bracket(text, begin), 0};
  const std::vector<TextChild> children = children_of(text, node);
  if (children.empty()) throw UnfollowedLayout{};
  return {begin, children.back().end, 0};
}

std::vector<TextChild> children_of(const std::string& text, const YAML::Node& node) {
  const bool block = !written_in_flow(text, node);
  std::vector<TextChild> children;
  for (auto it = node.begin(); it != node.end(); ++it) {
    TextChild child;
    if (node.IsMap()) {
      child.key.reset(it->first);
      child.value.reset(it->second);
      child.start = scalar_span(text, child.key).begin;
    } else {
      child.value.reset(*it);
      child.start = mark_of(text, child.value);
      if (block) {  // the item starts at its dash
        const std::size_t dash = text.rfind('-', child.start);
        if (dash == std::string::npos || text.find_first_not_of(' ', dash + 1) != child.start) {
          throw UnfollowedLayout{};
        }
        child.start = dash;
      }
    }
    child.column = child.start - line_start(text, child.start);
    child.end = span_of(text, child.value).end;
    children.push_back(child);
  }
  return children;
}

std::size_t line_start(const std::string& text, std::size_t pos) {
  const std::size_t newline = pos == 0 ? std::string::npos : text.rfind('\n', pos - 1);
  return newline == std::string::npos ? 0 : newline + 1;
}

std::size_t line_end(const std::string& text, std::size_t pos) {
  const std::size_t newline = text.find('\n', pos);
  return newline == std::string::npos ? text.size() : newline + 1;
}

bool starts_its_line(const std::string& text, std::size_t pos) {
  const std::size_t start = line_start(text, pos);
  return text.find_first_not_of(' ', start) >= pos;
}

}  // namespace delivsim::gui
