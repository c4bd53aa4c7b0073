#pragma once
/// @file Sender-side reply-pattern rules, as PowerMTA's smtp-pattern-list (seed 003): a rule matches a reply
/// by prefix or regex and says what the queue does next.
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "models/units.h"

namespace delivsim {

struct PatternRule {
  enum class Match { Prefix, Regex };
  Match match = Match::Prefix;
  /// Prefix: compared with the start of the one-line reply ("421 4.7.28"). Regex: ECMAScript, searched
  /// anywhere in the one-line reply.
  std::string pattern;
  /// Actions; any combination. Unset fields leave the queue's setting as it is.
  std::optional<Duration> retry_after;  ///< retry this message after this delay instead of the schedule
  std::optional<int> max_smtp_out;      ///< lower the queue's connection limit to this for `hold_for`
  bool backoff = false;                 ///< enter backoff mode (its own rate and retry-after)
  std::optional<Duration> suspend_for;  ///< open no connection on this queue for this long
  bool bounce = false;                  ///< treat the reply as permanent: bounce the message
  /// How long a lowered max_smtp_out lasts (PowerMTA keeps it until back to normal; default 1h).
  Duration hold_for = std::chrono::hours(1);

  friend bool operator==(const PatternRule& a, const PatternRule& b) {
    return a.match == b.match && a.pattern == b.pattern && a.retry_after == b.retry_after &&
           a.max_smtp_out == b.max_smtp_out && a.backoff == b.backoff && a.suspend_for == b.suspend_for &&
           a.bounce == b.bounce && a.hold_for == b.hold_for;
  }
};

/// Rules in order; the first that matches wins (PowerMTA semantics).
class PatternMatcher {
 public:
  PatternMatcher() = default;
  /// Throws std::regex_error for a malformed regex (the scenario parser reports it first).
  explicit PatternMatcher(std::vector<PatternRule> rules);
  /// Index of the first rule matching `one_line_reply`, or nullopt.
  std::optional<std::size_t> match(std::string_view one_line_reply) const;
  const PatternRule& rule(std::size_t index) const { return rules_[index]; }
  bool empty() const { return rules_.empty(); }

 private:
  std::vector<PatternRule> rules_;
  std::vector<std::optional<std::regex>> compiled_;
};

}  // namespace delivsim
