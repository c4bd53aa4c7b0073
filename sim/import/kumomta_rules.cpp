#include "sim/import/kumomta_rules.h"
#include "sim/import/scenario_duration_text.h"

#include <stdexcept>
#include <string_view>

#include "models/reply_pattern.h"
#include "sim/import/kumomta_values.h"
#include "sim/import/tree_builder.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

[[noreturn]] void fail_at(const SourcePosition& at, const std::string& field, const std::string& problem,
                          const std::string& expected) {
  throw ScenarioError(at.file, at.line, at.column, field, problem, expected);
}

/// The connection limit a SetConfig writes (an integer, or Kumo's text form "local:5").
std::int64_t config_limit(const KumoParam& value) {
  if (value.type == KumoParam::Type::Integer && value.integer >= 1) return value.integer;
  if (value.type == KumoParam::Type::Text) {
    try {
      return parse_kumo_limit(value.text).count;
    } catch (const std::invalid_argument& error) {
      fail_at(value.value_at, "automation.action.SetConfig", error.what(),
              "a whole number >= 1, or \"local:N\"");
    }
  }
  fail_at(value.value_at, "automation.action.SetConfig",
          quote_value(value.text) + " is not a connection limit", "a whole number >= 1, or \"local:N\"");
}

std::string config_rate(const KumoParam& value) {
  try {
    if (value.type != KumoParam::Type::Text)
      throw std::invalid_argument(quote_value(value.text) + ": not text");
    return rate_text(parse_kumo_throttle(value.text));
  } catch (const std::invalid_argument& error) {
    fail_at(value.value_at, "automation.action.SetConfig", error.what(), "a throttle such as \"1/minute\"");
  }
}

/// The actions of one rule as the keys of a pattern rule, in order (regex excluded).
YamlNode rule_actions(const KumoRule& rule, KumoRulePatterns& out, std::vector<ImportWarning>& warnings) {
  YamlNode actions = map_node(rule.at);
  const std::string duration = scenario_duration_text(rule.duration_ms);
  for (const KumoAction& action : rule.actions) {
    switch (action.kind) {
      case KumoAction::Kind::Suspend:
        set_entry(actions, "suspend_for", scalar_node(duration, rule.duration_at));
        break;
      case KumoAction::Kind::SuspendTenant:
      case KumoAction::Kind::SuspendCampaign:
        set_entry(actions, "suspend_for", scalar_node(duration, rule.duration_at));
        warnings.push_back(
            {action.at, action.name,
             "mapped to suspend_for: KumoMTA suspends only the " +
                 std::string(action.kind == KumoAction::Kind::SuspendTenant ? "tenant's" : "campaign's") +
                 " scheduled queue for this destination; delivsim has no tenants or campaigns in a "
                 "queue and suspends the whole queue (IP x provider)"});
        break;
      case KumoAction::Kind::Bounce:
      case KumoAction::Kind::BounceTenant:
      case KumoAction::Kind::BounceCampaign:
        set_entry(actions, "bounce", scalar_node("true", action.at));
        warnings.push_back(
            {action.at, action.name,
             "mapped to bounce: true: KumoMTA bounces every message in the matching scheduled "
             "queue" +
                 std::string(action.kind == KumoAction::Kind::Bounce ? "" : "s of the tenant or campaign") +
                 ", and new ones, for the rule's duration; delivsim bounces only the message that got "
                 "the reply"});
        break;
      case KumoAction::Kind::SetConfig:
      case KumoAction::Kind::SetDomainConfig: {
        const KumoParam& config = action.config;
        const std::string scope_note =
            action.kind == KumoAction::Kind::SetDomainConfig
                ? " (SetDomainConfig: KumoMTA changes only the domain that got the reply; delivsim the whole "
                  "provider)"
                : "";
        if (config.name == "connection_limit") {
          set_entry(actions, "max_smtp_out",
                    scalar_node(std::to_string(config_limit(config)), config.value_at));
          set_entry(actions, "hold_for", scalar_node(duration, rule.duration_at));
          if (!scope_note.empty()) warnings.push_back({action.at, action.name, "mapped" + scope_note});
        } else if (config.name == "max_message_rate") {
          set_entry(actions, "backoff", scalar_node("true", action.at));
          YamlNode backoff = map_node(action.at);
          set_entry(backoff, "max_msg_rate", scalar_node(config_rate(config), config.value_at));
          set_entry(backoff, "to_normal_after", scalar_node(duration, rule.duration_at));
          if (out.backoff &&
              (out.backoff->find("max_msg_rate")->scalar != backoff.find("max_msg_rate")->scalar ||
               out.backoff->find("to_normal_after")->scalar != duration)) {
            const SourcePosition& first = out.backoff->position;
            warnings.push_back({action.at, action.name,
                                "a second max_message_rate override for this destination (the first at " +
                                    first.file + ":" + std::to_string(first.line) +
                                    "); delivsim has one backoff mode per destination: this one wins"});
          }
          out.backoff = std::move(backoff);
          // Under sender.mta: kumomta backoff mode only lowers the rate, as the override does.
          if (!scope_note.empty()) warnings.push_back({action.at, action.name, "mapped" + scope_note});
        } else {
          warnings.push_back({action.at, action.name + " " + shorten(config.name, kQuotedValueMaxBytes),
                              "not modelled: a pattern rule has no action that changes " +
                                  quote_value(config.name) +
                                  " (only max_smtp_out via connection_limit, and the backoff rate via "
                                  "max_message_rate)"});
        }
        break;
      }
    }
  }
  return actions;
}

}  // namespace

std::string re2_pattern(const KumoRegex& regex, std::vector<ImportWarning>& warnings) {
  std::string pattern = regex.pattern;
  static constexpr std::string_view kInternalGuard = "(?!.*KumoMTA internal)";
  const std::size_t guard_at = pattern.starts_with("^") ? 1 : 0;
  if (std::string_view(pattern).substr(guard_at).starts_with(kInternalGuard)) {
    pattern.erase(guard_at, kInternalGuard.size());
    warnings.push_back({regex.at, "automation.regex",
                        "the lookahead (?!.*KumoMTA internal) only keeps the rule off KumoMTA's own internal "
                        "replies, which delivsim does not produce; RE2 has no lookahead, so it is dropped"});
  }
  for (std::size_t at = pattern.find("(?<"); at != std::string::npos; at = pattern.find("(?<", at + 1)) {
    const bool escaped = at > 0 && pattern[at - 1] == '\\';
    if (!escaped && at + 3 < pattern.size() && pattern[at + 3] != '=' && pattern[at + 3] != '!')
      pattern.insert(at + 2, "P");
  }
  if (const std::optional<std::string> problem = regex_problem(pattern))
    fail_at(regex.at, "automation.regex",
            quote_value(regex.pattern) +
                " cannot be matched by RE2 (delivsim's linear-time regex engine): " + *problem,
            "a regex without backreferences or lookaround");
  return pattern;
}

void map_kumo_rule(const KumoRule& rule, KumoRulePatterns& out, std::vector<ImportWarning>& warnings) {
  if (rule.threshold)
    warnings.push_back({rule.threshold->key_at, "trigger",
                        "Threshold " + shorten(rule.threshold->text, kQuotedValueMaxBytes) +
                            ": KumoMTA acts only once that many replies match within the period; delivsim's "
                            "pattern rule acts on the first match"});
  if (rule.match_internal)
    warnings.push_back({*rule.match_internal, "match_internal",
                        "delivsim produces no KumoMTA-internal replies, so there is nothing more to match"});
  const YamlNode actions = rule_actions(rule, out, warnings);
  if (actions.entries.empty()) {
    warnings.push_back(
        {rule.at, "automation", "this rule is not imported: none of its actions has a delivsim counterpart"});
    return;
  }
  ++out.rule_count;
  for (const KumoRegex& regex : rule.regexes) {
    YamlNode pattern = map_node(regex.at);
    set_entry(pattern, "regex", scalar_node(re2_pattern(regex, warnings), regex.at, true));
    for (const YamlMapEntry& entry : actions.entries) set_entry(pattern, entry.key, entry.value);
    out.patterns.push_back(std::move(pattern));
  }
}

}  // namespace delivsim
