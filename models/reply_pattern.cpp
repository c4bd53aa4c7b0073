#include "models/reply_pattern.h"

#include <re2/re2.h>

#include <stdexcept>

namespace delivsim {

namespace {

/// A compiled pattern, or why there is none.
struct Compiled {
  std::shared_ptr<const re2::RE2> regex;  ///< null when `problem` is set
  std::optional<std::string> problem;
};

/// Compiles `pattern` with the options every regex rule uses (UTF-8, quiet, bounded memory). Patterns over
/// kMaxRegexPatternBytes are never handed to RE2.
Compiled compile(std::string_view pattern) {
  if (pattern.size() > kMaxRegexPatternBytes) {
    return {nullptr, "is " + std::to_string(pattern.size()) + " bytes long, over the limit of " +
                         std::to_string(kMaxRegexPatternBytes) + " bytes"};
  }
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kRegexMaxMemBytes);
  auto regex = std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!regex->ok()) return {nullptr, "does not compile: " + regex->error()};
  return {std::move(regex), std::nullopt};
}

}  // namespace

std::optional<std::string> regex_problem(std::string_view pattern) {
  return compile(pattern).problem;
}

PatternMatcher::PatternMatcher(std::vector<PatternRule> rules) : rules_(std::move(rules)) {
  compiled_.reserve(rules_.size());
  for (const PatternRule& rule : rules_) {
    if (rule.match != PatternRule::Match::Regex) {
      compiled_.emplace_back();
      continue;
    }
    Compiled compiled = compile(rule.pattern);
    if (compiled.problem) throw std::invalid_argument("a regex rule " + *compiled.problem);
    compiled_.push_back(std::move(compiled.regex));
  }
}

std::optional<std::size_t> PatternMatcher::match(std::string_view one_line_reply) const {
  const re2::StringPiece reply(one_line_reply.data(), one_line_reply.size());
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const bool matches = compiled_[i] ? re2::RE2::PartialMatch(reply, *compiled_[i])
                                      : one_line_reply.starts_with(rules_[i].pattern);
    if (matches) return i;
  }
  return std::nullopt;
}

}  // namespace delivsim
