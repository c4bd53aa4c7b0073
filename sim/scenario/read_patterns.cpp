#include "sim/scenario/scenario_sections.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

constexpr std::string_view kActions =
    "at least one of retry_after, max_smtp_out, backoff: true, suspend_for, bounce: true";

void read_matcher(const MapReader& fields, PatternRule& rule) {
  const auto match = fields.get("match");
  const auto regex = fields.get("regex");
  if (match && regex) regex->fail("is given together with match", "exactly one of match or regex");
  if (!match && !regex) fields.field().fail("has neither match nor regex", "exactly one of match or regex");
  if (match) {
    rule.match = PatternRule::Match::Prefix;
    rule.pattern = read_name(*match);
    return;
  }
  rule.match = PatternRule::Match::Regex;
  rule.pattern = read_name(*regex);
  if (auto problem = regex_problem(rule.pattern)) {
    regex->fail(quote_value(rule.pattern) + " " + *problem, "an RE2 regular expression of at most " +
                                                                std::to_string(kMaxRegexPatternBytes) +
                                                                " bytes (no backreferences or lookaround)");
  }
}

PatternRule read_pattern_rule(const Field& field) {
  const MapReader fields(field, {"match", "regex", "retry_after", "max_smtp_out", "hold_for", "backoff",
                                 "suspend_for", "bounce"});
  PatternRule rule;
  read_matcher(fields, rule);
  if (auto value = fields.get("retry_after")) {
    rule.retry_after = read_duration(*value, DurationBound::Positive);
  }
  if (auto value = fields.get("max_smtp_out")) rule.max_smtp_out = read_int(*value, 1);
  if (auto value = fields.get("hold_for")) {
    if (!rule.max_smtp_out) value->fail("is given without max_smtp_out", "hold_for only with max_smtp_out");
    rule.hold_for = read_duration(*value, DurationBound::Positive);
  }
  if (auto value = fields.get("backoff")) rule.backoff = read_bool(*value);
  if (auto value = fields.get("suspend_for")) {
    rule.suspend_for = read_duration(*value, DurationBound::Positive);
  }
  if (auto value = fields.get("bounce")) rule.bounce = read_bool(*value);
  const bool has_action =
      rule.retry_after || rule.max_smtp_out || rule.backoff || rule.suspend_for || rule.bounce;
  if (!has_action) field.fail("has no action", std::string(kActions));
  return rule;
}

}  // namespace

std::vector<PatternRule> read_pattern_rules(const Field& field) {
  std::vector<PatternRule> rules;
  for (const Field& item : list_items(field, "a list of {match or regex, and actions}")) {
    rules.push_back(read_pattern_rule(item));
  }
  return rules;
}

}  // namespace delivsim
