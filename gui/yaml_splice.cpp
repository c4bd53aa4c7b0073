#include "gui/yaml_splice.h"

namespace delivsim::gui {

namespace {

/// Where a scalar's characters are in the text, and the quote character around them (0: plain).
struct ScalarSpan {
  std::size_t begin = 0;
  std::size_t length = 0;
  char quote = 0;
};

/// The span of `node`'s scalar in `text` when it is written on one line without escapes.
std::optional<ScalarSpan> span_of(const std::string& text, const YAML::Node& node) {
  const std::string& value = node.Scalar();
  const int mark = node.Mark().pos;
  if (mark < 0 || static_cast<std::size_t>(mark) >= text.size()) return std::nullopt;
  const auto pos = static_cast<std::size_t>(mark);
  const char first = text[pos];
  if (first == '"' || first == '\'') {
    if (text.compare(pos + 1, value.size(), value) != 0) return std::nullopt;
    if (pos + 1 + value.size() >= text.size() || text[pos + 1 + value.size()] != first) return std::nullopt;
    return ScalarSpan{pos, value.size() + 2, first};
  }
  if (value.empty() || text.compare(pos, value.size(), value) != 0) return std::nullopt;
  return ScalarSpan{pos, value.size(), 0};
}

std::string emitted(const YAML::Node& node) {
  YAML::Emitter out;
  out << node;
  return out.c_str();
}

}  // namespace

std::optional<std::string> splice_scalar(const std::string& text, const YAML::Node& root,
                                         const YamlEdit& edit, const YAML::Node& expected) {
  if (!edit.value || !edit.value->IsScalar()) return std::nullopt;
  const auto node = find_node(root, edit.path);
  if (!node || !node->IsScalar()) return std::nullopt;
  const auto span = span_of(text, *node);
  if (!span) return std::nullopt;
  const std::string& value = edit.value->Scalar();
  if (value.find_first_of("\n\r\\\"'") != std::string::npos) return std::nullopt;
  const std::string written = span->quote ? span->quote + value + span->quote : value;
  std::string result = text;
  result.replace(span->begin, span->length, written);
  try {
    if (emitted(YAML::Load(result)) != emitted(expected)) return std::nullopt;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  return result;
}

}  // namespace delivsim::gui
