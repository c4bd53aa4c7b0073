#include "sim/scenario/set_override.h"

#include <charconv>
#include <string_view>
#include <utility>

#include "sim/scenario/field_reader.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

constexpr std::string_view kSetSource = "--set";
constexpr std::string_view kSetSyntax = "--set path.to.key=VALUE, e.g. traffic[0].campaign.recipients=5000";
constexpr std::string_view kPathSyntax =
    "a path of keys separated by dots, with [n] for list items, e.g. traffic[0].campaign.recipients";

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

/// Walks an override path from the root (creating missing keys) and puts a value there. Positions of the
/// path's characters are `start` moved right by their offset in the path.
class PathApplier {
 public:
  PathApplier(std::string_view path, SourcePosition start) : path_(path), start_(std::move(start)) {}

  /// The path's first key (a path always starts with one).
  std::string first_key() const { return parse_path().front().key; }

  void apply(YamlNode& root, YamlNode value) const {
    YamlNode* node = &root;
    std::string field;
    for (const PathStep& step : parse_path()) node = descend(*node, step, field);
    *node = std::move(value);
  }

 private:
  SourcePosition position_at(std::size_t offset) const {
    return {start_.file, start_.line, start_.column + static_cast<int>(offset)};
  }

  [[noreturn]] void fail(std::size_t offset, const std::string& field, const std::string& problem,
                         const std::string& expected) const {
    fail_at(position_at(offset), field, problem, expected);
  }

  std::vector<PathStep> parse_path() const {
    std::vector<PathStep> steps;
    std::size_t at = 0;
    while (true) {
      if (at < path_.size() && path_[at] == '[') {
        if (steps.empty()) fail(at, "", "the path starts with an index", std::string(kPathSyntax));
        at = parse_index(at, steps);
      } else {
        at = parse_key(at, steps);
      }
      if (at == path_.size()) return steps;
      if (path_[at] == '.') {
        ++at;
      } else if (path_[at] != '[') {
        fail(at, path_before(path_, at), "unexpected '" + std::string(1, path_[at]) + "' in the path",
             std::string(kPathSyntax));
      }
    }
  }

  std::size_t parse_key(std::size_t at, std::vector<PathStep>& steps) const {
    const std::size_t start = at;
    std::size_t end = 0;
    std::string key;
    if (at < path_.size() && path_[at] == '"') {
      const std::size_t closing = path_.find('"', at + 1);
      if (closing == std::string_view::npos) {
        fail(at, "", "the quoted key is not closed", std::string(kPathSyntax));
      }
      key = std::string(path_.substr(at + 1, closing - at - 1));
      end = closing + 1;
    } else {
      end = path_.find_first_of(".[", at);
      if (end == std::string_view::npos) end = path_.size();
      key = std::string(path_.substr(at, end - at));
    }
    if (key.empty()) {
      fail(start, path_before(path_, start), "a key in the path is empty", std::string(kPathSyntax));
    }
    steps.push_back({false, key, 0, start});
    return end;
  }

  std::size_t parse_index(std::size_t at, std::vector<PathStep>& steps) const {
    const std::size_t closing = path_.find(']', at);
    const std::string_view digits =
        closing == std::string_view::npos ? std::string_view{} : path_.substr(at + 1, closing - at - 1);
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size()) {
      fail(at, path_before(path_, at), "bad list index", "[n] with n a whole number >= 0");
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
           "is " + std::string(describe_kind(node)) + ", so it has no key " + quote_value(step.key),
           "a path through mappings and lists");
    }
    field += (field.empty() ? "" : ".") + step.key;
    if (YamlNode* existing = node.find(step.key)) return existing;
    YamlNode created;
    created.position = position_at(step.offset);
    node.entries.push_back({step.key, position_at(step.offset), created});
    return &node.entries.back().value;
  }

  std::string_view path_;
  SourcePosition start_;
};

}  // namespace

void apply_override(YamlNode& root, std::string_view path, const SourcePosition& path_start, YamlNode value) {
  PathApplier(path, path_start).apply(root, std::move(value));
}

std::string override_top_key(std::string_view path, const SourcePosition& path_start) {
  return PathApplier(path, path_start).first_key();
}

void apply_set_overrides(YamlNode& root, const std::vector<std::string>& overrides) {
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const std::string& text = overrides[i];
    const int number = static_cast<int>(i) + 1;
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos) {
      fail_at({std::string(kSetSource), number, 1}, "", quote_value(text) + " has no '='",
              std::string(kSetSyntax));
    }
    YamlNode value =
        parse_yaml(std::string_view(text).substr(equals + 1),
                   PositionMapping{std::string(kSetSource), number, static_cast<int>(equals) + 1});
    apply_override(root, std::string_view(text).substr(0, equals), {std::string(kSetSource), number, 1},
                   std::move(value));
  }
}

}  // namespace delivsim
