#include "sim/import/postfix_settings.h"

#include <cctype>

#include "sim/import/postfix_parameters.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

constexpr int kMaxExpansionDepth = 20;
constexpr std::size_t kMaxExpandedBytes = 1024 * 1024;
/// The most `$name` references one value's expansion may follow (empty values nested 20 deep could
/// otherwise cost an exponential number of steps without growing the text).
constexpr std::size_t kMaxReferences = 100000;

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

[[noreturn]] void fail_expansion(const SourcePosition& at, const std::string& problem) {
  throw ScenarioError(at.file, at.line, at.column, "", problem,
                      "$name references that end within 20 levels, 100,000 references and 1 MiB of text");
}

}  // namespace

PostfixSettings::PostfixSettings(const std::vector<PostfixParameter>& parameters) {
  for (const PostfixParameter& parameter : parameters) by_name_[parameter.name] = parameter;
}

PostfixSettings PostfixSettings::with(const std::vector<PostfixParameter>& overrides) const {
  PostfixSettings copy = *this;
  for (const PostfixParameter& parameter : overrides) copy.by_name_[parameter.name] = parameter;
  return copy;
}

const PostfixParameter* PostfixSettings::written(std::string_view name) const {
  const auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? nullptr : &it->second;
}

std::string PostfixSettings::raw(std::string_view name) const {
  if (const PostfixParameter* parameter = written(name)) return parameter->value;
  return std::string(postfix_default(name).value_or(""));
}

PostfixValue PostfixSettings::value(std::string_view name) const {
  const PostfixParameter* parameter = written(name);
  if (!parameter) {
    return PostfixValue{expand(raw(name), {}), SourcePosition{std::string(kPostfixDefaultSource), 0, 0},
                        false, false};
  }
  std::string_view text = parameter->value;
  bool had_comment = false;
  // postconf(5): '#' is a comment only at the start of a line; " # ..." after a value is part of it, and
  // Postfix refuses such a number or time. Read the part before it (and warn: see postfix_import.cpp).
  if (const std::size_t hash = text.find(" #"); hash != std::string_view::npos) {
    text = text.substr(0, hash);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    had_comment = true;
  }
  return PostfixValue{expand(text, parameter->value_at), parameter->value_at, true, had_comment};
}

std::string PostfixSettings::expand(std::string_view text, const SourcePosition& at) const {
  std::size_t references = 0;
  return expand_at(text, at, 0, references);
}

std::string PostfixSettings::expand_at(std::string_view text, const SourcePosition& at, int depth,
                                       std::size_t& references) const {
  if (depth > kMaxExpansionDepth) fail_expansion(at, "$name references nest deeper than 20 levels (a loop?)");
  if (++references > kMaxReferences)
    fail_expansion(at, "$name expansion follows more than 100,000 references");
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (out.size() > kMaxExpandedBytes) fail_expansion(at, "$name expansion grows beyond 1 MiB");
    if (text[i] != '$' || i + 1 == text.size()) {
      out += text[i++];
      continue;
    }
    const char next = text[i + 1];
    if (next == '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next == '{' || next == '(') {
      const char close = next == '{' ? '}' : ')';
      const std::size_t end = text.find(close, i + 2);
      if (end == std::string_view::npos) {
        throw ScenarioError(at.file, at.line, at.column, "", "'$" + std::string(1, next) + "' is not closed",
                            "${name} or $(name)");
      }
      const std::string_view inner = text.substr(i + 2, end - i - 2);
      const std::size_t op = inner.find_first_of("?:");
      const std::string name(inner.substr(0, op));
      const std::string value = expand_at(raw(name), at, depth + 1, references);
      if (op == std::string_view::npos) {
        out += value;
      } else if ((inner[op] == '?') == !value.empty()) {
        out += expand_at(inner.substr(op + 1), at, depth + 1, references);
      }
      i = end + 1;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && is_name_char(text[end])) ++end;
    if (end == i + 1) {
      out += text[i++];
      continue;
    }
    out += expand_at(raw(text.substr(i + 1, end - i - 1)), at, depth + 1, references);
    i = end;
  }
  if (out.size() > kMaxExpandedBytes) fail_expansion(at, "$name expansion grows beyond 1 MiB");
  return out;
}

}  // namespace delivsim
