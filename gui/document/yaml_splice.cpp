#include "gui/document/yaml_splice.h"

#include <algorithm>
#include <vector>

#include "gui/document/yaml_text_span.h"

namespace delivsim::gui {

namespace {

/// `node` on one line, collections in flow style: what goes inside a flow collection.
std::string inline_text(const YAML::Node& node) {
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << node;
  return out.c_str();
}

/// `node` as the emitter writes it (keeping its own styles), every line but the first indented by
/// `column` spaces, ending in a newline.
std::string block_text(const YAML::Node& node, std::size_t column) {
  YAML::Emitter out;
  out << node;
  std::string text;
  const std::string emitted = out.c_str();
  for (std::size_t start = 0; start < emitted.size();) {
    const std::size_t end = std::min(emitted.find('\n', start), emitted.size());
    if (start > 0) text += std::string(column, ' ');
    text += emitted.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return text;
}

/// A mapping entry `key: value` or a list item `- value` (no key) in block style, for `column`.
std::string block_child_text(const YAML::Node* key, const YAML::Node& value, std::size_t column) {
  YAML::Node holder(key ? YAML::NodeType::Map : YAML::NodeType::Sequence);
  if (key) {
    holder[*key] = value;
  } else {
    holder.push_back(value);
  }
  return block_text(holder, column);
}

/// The text a changed scalar is written as: `value` in the old quotes when it can be written so,
/// otherwise as the emitter writes it.
std::string scalar_text(const YAML::Node& now, char quote) {
  const std::string& value = now.Scalar();
  const std::string emitted = inline_text(now);
  if (quote == 0) return emitted;
  if (value.find_first_of("\n\r\\\"'") != std::string::npos) return emitted;
  return quote + value + quote;
}

/// Whether mappings `a` and `b` have a key in common.
bool shares_a_key(const YAML::Node& a, const YAML::Node& b) {
  for (auto it = a.begin(); it != a.end(); ++it) {
    if (b[it->first.Scalar()].IsDefined()) return true;
  }
  return false;
}

/// Collects the replacements that turn the text of one tree into the text of another.
class Splicer {
 public:
  explicit Splicer(const std::string& text) : text_(text) {}

  /// Changes the text of `old` (a child of a flow collection when `in_flow`, `child` of a block one
  /// otherwise; nullptr for the root) into `now`.
  void merge(const YAML::Node& old, const YAML::Node& now, const TextChild* child, bool in_flow) {
    if (same_tree(old, now)) return;
    if (old.IsScalar() && now.IsScalar()) {
      const TextSpan span = span_of(text_, old);
      replace(span.begin, span.end, scalar_text(now, span.quote));
    } else if (old.IsMap() && now.IsMap() && (written_in_flow(text_, old) || shares_a_key(old, now))) {
      mergeMaps(old, now);
    } else if (old.IsSequence() && now.IsSequence()) {
      mergeLists(old, now);
    } else {
      rewrite(old, now, child, in_flow);
    }
  }

  /// The text with every replacement made.
  std::string result() const {
    std::vector<Replacement> sorted = replacements_;
    // By position; an insertion goes before a removal starting where it is, and insertions at one place
    // stay in the order they were made.
    std::stable_sort(sorted.begin(), sorted.end(), [](const Replacement& a, const Replacement& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::string text;
    std::size_t done = 0;
    for (const Replacement& r : sorted) {
      if (r.begin < done) throw UnfollowedLayout{};  // overlapping changes
      text += text_.substr(done, r.begin - done) + r.text;
      done = r.end;
    }
    return text + text_.substr(done);
  }

 private:
  struct Replacement {
    std::size_t begin;
    std::size_t end;
    std::string text;
  };

  void replace(std::size_t begin, std::size_t end, std::string text) {
    replacements_.push_back({begin, end, std::move(text)});
  }

  /// Writes `now` in place of `old`: inline where both fit on the line, else the child's whole lines.
  void rewrite(const YAML::Node& old, const YAML::Node& now, const TextChild* child, bool in_flow) {
    const TextSpan span = span_of(text_, old);
    const bool inline_old = old.IsScalar() || written_in_flow(text_, old);
    const bool inline_now = now.IsScalar() || now.Style() == YAML::EmitterStyle::Flow;
    if (in_flow || (inline_old && inline_now)) {
      replace(span.begin, span.end, inline_text(now));
      return;
    }
    if (child == nullptr) throw UnfollowedLayout{};  // the root changes kind
    const YAML::Node* key = child->key.IsDefined() ? &child->key : nullptr;
    replace(child->start, line_end(text_, child->end - 1), block_child_text(key, now, child->column));
  }

  void mergeMaps(const YAML::Node& old, const YAML::Node& now) {
    const bool flow = written_in_flow(text_, old);
    const std::vector<TextChild> children = children_of(text_, old);
    std::vector<bool> kept(children.size(), false);
    for (std::size_t i = 0; i < children.size(); ++i) {
      const YAML::Node value = now[children[i].key.Scalar()];
      kept[i] = value.IsDefined();
      if (kept[i]) merge(children[i].value, value, &children[i], flow);
    }
    for (std::size_t i = 0; i < children.size();) {  // each run of removed entries at once
      if (kept[i]) {
        ++i;
        continue;
      }
      std::size_t last = i;
      while (last + 1 < children.size() && !kept[last + 1]) ++last;
      removeRun(old, children, i, last + 1, flow);
      i = last + 1;
    }
    // New entries take the place of the first removed one in a block mapping (retry_after replacing
    // retry), else go after the last entry that stays.
    const auto removed = std::find(kept.begin(), kept.end(), false);
    std::vector<TextChild> remaining;
    for (std::size_t i = 0; i < children.size(); ++i) {
      if (kept[i]) remaining.push_back(children[i]);
    }
    for (auto it = now.begin(); it != now.end(); ++it) {
      const YAML::Node& key = it->first;
      if (old[key.Scalar()].IsDefined()) continue;
      if (!flow && removed != kept.end()) {
        insert(old, children, static_cast<std::size_t>(removed - kept.begin()), &key, it->second, flow);
      } else {
        insert(old, remaining, remaining.size(), &key, it->second, flow);
      }
    }
  }

  void mergeLists(const YAML::Node& old, const YAML::Node& now) {
    const bool flow = written_in_flow(text_, old);
    const std::vector<TextChild> children = children_of(text_, old);
    const std::size_t old_size = children.size();
    const std::size_t new_size = now.size();
    std::size_t prefix = 0;
    while (prefix < old_size && prefix < new_size && same_tree(children[prefix].value, now[prefix])) ++prefix;
    std::size_t suffix = 0;
    while (suffix < old_size - prefix && suffix < new_size - prefix &&
           same_tree(children[old_size - 1 - suffix].value, now[new_size - 1 - suffix])) {
      ++suffix;
    }
    const std::size_t old_middle = old_size - prefix - suffix;
    const std::size_t new_middle = new_size - prefix - suffix;
    const std::size_t paired = std::min(old_middle, new_middle);
    for (std::size_t i = prefix; i < prefix + paired; ++i)
      merge(children[i].value, now[i], &children[i], flow);
    if (old_middle > paired) removeRun(old, children, prefix + paired, prefix + old_middle, flow);
    for (std::size_t i = prefix + paired; i < prefix + new_middle; ++i) {
      insert(old, children, prefix + paired, nullptr, now[i], flow);
    }
  }

  /// Removes children [first, last) of `parent`, with their lines in a block collection and one comma
  /// in a flow one.
  void removeRun(const YAML::Node& parent, const std::vector<TextChild>& children, std::size_t first,
                 std::size_t last, bool flow) {
    if (!flow) {
      if (!starts_its_line(text_, children[first].start)) throw UnfollowedLayout{};
      replace(line_start(text_, children[first].start), line_end(text_, children[last - 1].end - 1), "");
      return;
    }
    if (last < children.size()) {
      replace(children[first].start, children[last].start, "");
    } else if (first > 0) {
      replace(children[first - 1].end, children[last - 1].end, "");
    } else {
      const TextSpan span = span_of(text_, parent);
      replace(span.begin + 1, span.end - 1, "");
    }
  }

  /// Writes a new child (`key`: `value`, or the list item `value`) before child `before` of `parent`, or
  /// after its last child when `before` is past the end.
  void insert(const YAML::Node& parent, const std::vector<TextChild>& children, std::size_t before,
              const YAML::Node* key, const YAML::Node& value, bool flow) {
    const std::string entry = key ? inline_text(*key) + ": " + inline_text(value) : inline_text(value);
    if (flow) {
      if (children.empty()) {
        replace(span_of(text_, parent).begin + 1, span_of(text_, parent).begin + 1, entry);
      } else if (before < children.size()) {
        replace(children[before].start, children[before].start, entry + ", ");
      } else {
        replace(children.back().end, children.back().end, ", " + entry);
      }
      return;
    }
    if (children.empty()) throw UnfollowedLayout{};
    const std::size_t column = children.front().column;
    const std::string lines = std::string(column, ' ') + block_child_text(key, value, column);
    if (before < children.size()) {
      if (!starts_its_line(text_, children[before].start)) throw UnfollowedLayout{};
      const std::size_t at = line_start(text_, children[before].start);
      replace(at, at, lines);
      return;
    }
    const std::size_t at = line_end(text_, children.back().end - 1);
    const bool newline = at == text_.size() && !text_.empty() && text_.back() != '\n';
    replace(at, at, newline ? "\n" + lines : lines);
  }

  const std::string& text_;
  std::vector<Replacement> replacements_;
};

}  // namespace

bool same_tree(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (a.size() != b.size()) return false;
  if (a.IsSequence()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_tree(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.IsMap()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      const YAML::Node value = b[it->first.Scalar()];  // const: never inserts the key
      if (!value.IsDefined() || !same_tree(it->second, value)) return false;
    }
  }
  return true;
}

std::optional<std::string> splice_tree(const std::string& text, const YAML::Node& root,
                                       const YAML::Node& edited) {
  try {
    Splicer splicer(text);
    splicer.merge(root, edited, nullptr, false);
    std::string result = splicer.result();
    if (!same_tree(YAML::Load(result), edited)) return std::nullopt;
    return result;
  } catch (const UnfollowedLayout&) {
    return std::nullopt;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

}  // namespace delivsim::gui
