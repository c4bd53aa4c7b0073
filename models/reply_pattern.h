#pragma once
/// @file Sender-side reply-pattern rules, as PowerMTA's smtp-pattern-list (seed 003): a rule matches a reply
/// by prefix or regex and says what the queue does next.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/units.h"

namespace re2 {
class RE2;
}

namespace delivsim {

/// The longest regex pattern a rule may have, in bytes.
inline constexpr std::size_t kMaxRegexPatternBytes = 4096;
/// The memory RE2 may use for one compiled pattern and its matching automata, in bytes.
inline constexpr std::int64_t kRegexMaxMemBytes = 8 << 20;

/// Why `pattern` cannot be a regex rule (too long, or RE2's error text: bad syntax, a backreference, a
/// lookaround, too deep or too big), or nullopt when PatternMatcher compiles it. The scenario parser asks
/// this, so a scenario that validates also runs.
std::optional<std::string> regex_problem(std::string_view pattern);

struct PatternRule {
  enum class Match { Prefix, Regex };
  Match match = Match::Prefix;
  /// Prefix: compared with the start of the one-line reply ("421 4.7.28"). Regex: RE2 syntax (linear-time
  /// matching: no backreferences or lookaround), searched anywhere in the one-line reply.
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
  /// Throws std::invalid_argument for a regex with a regex_problem (the scenario parser reports it first).
  explicit PatternMatcher(std::vector<PatternRule> rules);
  /// Index of the first rule matching `one_line_reply`, or nullopt.
  std::optional<std::size_t> match(std::string_view one_line_reply) const;
  const PatternRule& rule(std::size_t index) const { return rules_[index]; }
  bool empty() const { return rules_.empty(); }

 private:
  std::vector<PatternRule> rules_;
  /// Per rule: the compiled regex, or null for a prefix rule. Shared: copies of a matcher match alike, and
  /// RE2's matching is thread-safe.
  std::vector<std::shared_ptr<const re2::RE2>> compiled_;
};

}  // namespace delivsim
