#include "models/reply_pattern.h"

namespace delivsim {

PatternMatcher::PatternMatcher(std::vector<PatternRule> rules) : rules_(std::move(rules)) {
  compiled_.reserve(rules_.size());
  for (const PatternRule& rule : rules_) {
    if (rule.match == PatternRule::Match::Regex) {
      compiled_.emplace_back(std::regex(rule.pattern, std::regex::ECMAScript | std::regex::optimize));
    } else {
      compiled_.emplace_back(std::nullopt);
    }
  }
}

std::optional<std::size_t> PatternMatcher::match(std::string_view one_line_reply) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    const bool matches = compiled_[i]
                             ? std::regex_search(one_line_reply.begin(), one_line_reply.end(), *compiled_[i])
                             : one_line_reply.starts_with(rules_[i].pattern);
    if (matches) return i;
  }
  return std::nullopt;
}

}  // namespace delivsim
