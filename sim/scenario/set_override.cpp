#include "sim/scenario/set_override.h"

#include <charconv>
#include <string_view>

#include "sim/scenario/field_reader.h"

namespace delivsim {

namespace {

constexpr std::string_view kSetSource = "--set";
constexpr std::string_view kSyntax = "--set path.to.key=VALUE, e.g. traffic[0].campaign.recipients=5000";

/// One step of an override path: a map key or a list index, and where it starts (0-based).
struct PathStep {
  bool is_index = false;
  std::string key;
  std::size_t index = 0;
  std::size_t offset = 0;
};

/// The path up to `offset`, without the '.' that ends it.
std::string path_before(std::string_view path, std::size_t offset) {
  std::string_view before = path.substr(0, offset);
  if (before.ends_with('.')) before.remove_suffix(1);
  return std::string(before);
}

/// Applies one override: splits it at the first '=', walks the path (creating missing keys) and puts the
/// parsed value there.
class OverrideApplier {
 public:
  OverrideApplier(const std::string& text, int number) : text_(text), number_(number) {}

  void apply(YamlNode& root) const {
    const std::size_t equals = text_.find('=');
    if (equals == std::string::npos) fail(0, "", "'" + text_ + "' has no '='", std::string(kSyntax));
    const std::string_view path = std::string_view(text_).substr(0, equals);
    YamlNode* node = &root;
    std::string field;
    for (const PathStep& step : parse_path(path)) node = descend(*node, step, field);
    const std::string value = text_.substr(equals + 1);
    *node =
        parse_yaml(value, PositionMapping{std::string(kSetSource), number_, static_cast<int>(equals) + 1});
  }

 private:
  SourcePosition position_at(std::size_t offset) const {
    return {std::string(kSetSource), number_, static_cast<int>(offset) + 1};
  }

  [[noreturn]] void fail(std::size_t offset, const std::string& field, const std::string& problem,
                         const std::string& expected) const {
    fail_at(position_at(offset), field, problem, expected);
  }

  std::vector<PathStep> parse_path(std::string_view path) const {
    std::vector<PathStep> steps;
    std::size_t at = 0;
    while (true) {
      if (at < path.size() && path[at] == '[') {
        if (steps.empty()) fail(at, "", "the path starts with an index", std::string(kSyntax));
        at = parse_index(path, at, steps);
      } else {
        at = parse_key(path, at, steps);
      }
      if (at == path.size()) return steps;
      if (path[at] == '.') {
        ++at;
      } else if (path[at] != '[') {
        fail(at, path_before(path, at), "unexpected '" + std::string(1, path[at]) + "' in the path",
             std::string(kSyntax));
      }
    }
  }

  std::size_t parse_key(std::string_view path, std::size_t at, std::vector<PathStep>& steps) const {
    const std::size_t start = at;
    std::size_t end = 0;
    std::string key;
    if (at < path.size() && path[at] == '"') {
      const std::size_t closing = path.find('"', at + 1);
      if (closing == std::string_view::npos) {
        fail(at, "", "the quoted key is not closed", std::string(kSyntax));
      }
      key = std::string(path.substr(at + 1, closing - at - 1));
      end = closing + 1;
    } else {
      end = path.find_first_of(".[", at);
      if (end == std::string_view::npos) end = path.size();
      key = std::string(path.substr(at, end - at));
    }
    if (key.empty()) {
      fail(start, path_before(path, start), "a key in the path is empty", std::string(kSyntax));
    }
    steps.push_back({false, key, 0, start});
    return end;
  }

  std::size_t parse_index(std::string_view path, std::size_t at, std::vector<PathStep>& steps) const {
    const std::size_t closing = path.find(']', at);
    const std::string_view digits =
        closing == std::string_view::npos ? std::string_view{} : path.substr(at + 1, closing - at - 1);
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size()) {
      fail(at, path_before(path, at), "bad list index", "[n] with n a whole number >= 0");
    }
    steps.push_back({true, {}, index, at});
    return closing + 1;
  }

  YamlNode* descend(YamlNode& node, const PathStep& step, std::string& field) const {
    if (step.is_index) {
      if (node.kind != YamlNode::Kind::Sequence) {
        fail(step.offset, field, "is " + std::string(describe_kind(node)) + ", not a list",
             "a key instead of [n]");
      }
      if (step.index >= node.items.size()) {
        fail(step.offset, field,
             "has no item [" + std::to_string(step.index) + "] (it has " + std::to_string(node.items.size()) +
                 ")",
             "an index of an existing item");
      }
      field += "[" + std::to_string(step.index) + "]";
      return &node.items[step.index];
    }
    if (node.kind == YamlNode::Kind::Null) node.kind = YamlNode::Kind::Map;
    if (node.kind != YamlNode::Kind::Map) {
      fail(step.offset, field,
           "is " + std::string(describe_kind(node)) + ", so it has no key '" + step.key + "'",
           "a path through mappings and lists");
    }
    field += (field.empty() ? "" : ".") + step.key;
    if (YamlNode* existing = node.find(step.key)) return existing;
    YamlNode created;
    created.position = position_at(step.offset);
    node.entries.push_back({step.key, position_at(step.offset), created});
    return &node.entries.back().value;
  }

  const std::string& text_;
  int number_;
};

}  // namespace

void apply_set_overrides(YamlNode& root, const std::vector<std::string>& overrides) {
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    OverrideApplier(overrides[i], static_cast<int>(i) + 1).apply(root);
  }
}

}  // namespace delivsim
