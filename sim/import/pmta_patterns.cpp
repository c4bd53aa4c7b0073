#include "sim/import/pmta_patterns.h"

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "sim/import/pmta_directives.h"
#include "sim/import/pmta_values.h"
#include "sim/import/tree_builder.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// The pattern actions with a time value, and how it moves with `delivsim import --time-scale`.
constexpr std::array<std::pair<std::string_view, TimeScaling>, 2> kTimedActions{{
    {"reenable-after", TimeScaling::Timer},
    {"backoff-to-normal-after", TimeScaling::Timer},
}};

PmtaWord word_at(const PmtaItem& line, std::size_t offset, std::size_t length) {
  SourcePosition where = line.value_where;
  where.column += static_cast<int>(offset);
  return PmtaWord{line.value.substr(offset, length), where};
}

/// The `/regex/flags` that opens the value of a `reply` line (it may hold spaces), and the action words
/// after.
std::pair<PmtaWord, std::vector<PmtaWord>> split_reply(const PmtaItem& line) {
  const std::string& value = line.value;
  const std::string expected = "reply /REGEX/ ACTION... such as reply /421 4\\.7\\.0/ mode=backoff";
  if (value.empty() || value.front() != '/') {
    throw ScenarioError(line.value_where.file, line.value_where.line, line.value_where.column, "reply",
                        "has no /regex/ after 'reply'", expected);
  }
  std::size_t close = 1;
  while (close < value.size() && value[close] != '/') close += value[close] == '\\' ? 2 : 1;
  if (close >= value.size()) {
    throw ScenarioError(line.value_where.file, line.value_where.line, line.value_where.column, "reply",
                        "has a regex without its closing '/'", expected);
  }
  std::size_t end = close + 1;
  while (end < value.size() && value[end] != ' ' && value[end] != '\t') ++end;
  std::vector<PmtaWord> actions;
  std::size_t i = end;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < value.size() && value[i] != ' ' && value[i] != '\t') ++i;
    if (i > start) actions.push_back(word_at(line, start, i - start));
  }
  return {word_at(line, 0, end), std::move(actions)};
}

ImportWarning action_warning(const PmtaWord& action, std::string why) {
  return ImportWarning{action.where, shorten(action.text, 80), std::move(why)};
}

std::optional<YamlNode> read_rule(const PmtaItem& line, std::vector<ImportWarning>& warnings) {
  auto [regex, actions] = split_reply(line);
  YamlNode rule = map_node(line.where);
  set_entry(rule, "regex", scalar_node(pmta_regex(regex, "reply"), regex.where, true));
  std::optional<PmtaWord> disable, reenable;
  for (const PmtaWord& action : actions) {
    const std::size_t equals = action.text.find('=');
    const std::string key = action.text.substr(0, equals);
    const std::string value = equals == std::string::npos ? "" : action.text.substr(equals + 1);
    PmtaWord value_word{value, action.where};
    value_word.where.column += static_cast<int>(equals + 1);
    if (key == "mode" && value == "backoff") {
      set_entry(rule, "backoff", scalar_node("true", action.where));
    } else if (key == "disable-source-ip") {
      disable = action;
    } else if (key == "reenable-after") {
      reenable = value_word;
    } else if (key == "backoff-to-normal-after") {
      pmta_duration(value_word, "reply");  // checked, though not used
      warnings.push_back(action_warning(
          action,
          "not used: delivsim ends backoff after the destination's backoff.to_normal_after (or "
          "never), not after a time given by the rule"));
    } else if (key == "mode") {
      warnings.push_back(action_warning(action,
                                        "not used: delivsim's pattern rules can enter backoff mode "
                                        "(mode=backoff), not leave it"));
    } else {
      warnings.push_back(action_warning(action,
                                        "unknown pattern action; not used (delivsim reads "
                                        "mode=backoff, disable-source-ip with reenable-after=)"));
    }
  }
  if (disable && reenable) {
    set_entry(rule, "suspend_for", scalar_node(pmta_duration(*reenable, "reply"), reenable->where));
    warnings.push_back(action_warning(
        *disable,
        "approximated: PowerMTA disables the source IP and re-enables it after reenable-after; "
        "delivsim suspends the queue (this IP to this provider) for that time"));
  } else if (disable) {
    warnings.push_back(action_warning(*disable,
                                      "not used: without reenable-after= the IP stays disabled "
                                      "until reenable-source-ip-after (default never), which "
                                      "delivsim cannot express"));
  } else if (reenable) {
    warnings.push_back(action_warning(*reenable, "not used: reenable-after= goes with disable-source-ip"));
  }
  if (rule.entries.size() == 1) {
    warnings.push_back(pmta_warning(line, "rule left out: it has no action delivsim models"));
    return std::nullopt;
  }
  return rule;
}

}  // namespace

std::vector<PmtaWord> pmta_reply_actions(const PmtaItem& line) {
  return split_reply(line).second;
}

TimeScaling pmta_action_time_scaling(std::string_view key) {
  for (const auto& [name, scaling] : kTimedActions) {
    if (name == key) return scaling;
  }
  return TimeScaling::Unscaled;
}

YamlNode pmta_pattern_rules(const PmtaItem& list, std::vector<ImportWarning>& warnings) {
  YamlNode rules = sequence_node(list.where);
  const std::string place = "<smtp-pattern-list " + list.value + ">";
  for (const PmtaItem& line : list.children) {
    if (line.block || line.name != "reply") {
      warnings.push_back(pmta_unused(line, place));
      continue;
    }
    if (auto rule = read_rule(line, warnings)) rules.items.push_back(std::move(*rule));
  }
  return rules;
}

}  // namespace delivsim
