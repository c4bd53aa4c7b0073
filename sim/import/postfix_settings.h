#pragma once
/// @file Postfix parameter values as a process sees them: main.cf's (the last definition of a name wins),
/// then a service's `-o` overrides, then the built-in defaults; `$name` expansion (postconf(5)).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/import/postfix_main_cf.h"

namespace delivsim {

/// One parameter's value and where it came from.
struct PostfixValue {
  std::string text;          ///< expanded; a trailing "# ..." cut off (see PostfixSettings::value)
  SourcePosition at;         ///< where the value is written; file = kPostfixDefaultSource for a default
  bool written = false;      ///< false: Postfix's built-in default
  bool had_comment = false;  ///< the written value ended in " # ...", which Postfix would keep as text
};

/// Parameter lookup with `$name`, `${name}`, `$(name)`, `${name?text}`, `${name:text}` and `$$` expansion.
class PostfixSettings {
 public:
  /// `parameters` in file order (later definitions win).
  explicit PostfixSettings(const std::vector<PostfixParameter>& parameters);
  /// A copy with `overrides` (a service's `-o`) on top.
  PostfixSettings with(const std::vector<PostfixParameter>& overrides) const;
  /// The written definition of `name` (after overrides), or nullptr.
  const PostfixParameter* written(std::string_view name) const;
  /// `name`'s expanded value: written, else postfix_default, else empty. Throws ScenarioError at the value
  /// when expansion nests deeper than 20 levels, follows more than 100,000 references or grows beyond 1 MiB.
  PostfixValue value(std::string_view name) const;
  /// `text` (written at `at`) expanded.
  std::string expand(std::string_view text, const SourcePosition& at) const;

 private:
  std::string expand_at(std::string_view text, const SourcePosition& at, int depth,
                        std::size_t& references) const;
  std::string raw(std::string_view name) const;
  std::unordered_map<std::string, PostfixParameter> by_name_;
};

}  // namespace delivsim
