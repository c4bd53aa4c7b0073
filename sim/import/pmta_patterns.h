#pragma once
/// @file PowerMTA's `<smtp-pattern-list NAME>` blocks as delivsim pattern rules (`patterns:`).
#include <string_view>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/pmta_syntax.h"
#include "sim/import/time_scale.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// The rules of the pattern list `list` (a `<smtp-pattern-list>` block) as a `patterns:` list, in order:
/// `reply /REGEX/ mode=backoff` gives `{regex: ..., backoff: true}`; `disable-source-ip reenable-after=T`
/// gives `suspend_for: T` with a warning on how it differs; `backoff-to-normal-after=T`, `mode=normal`,
/// other actions and lines other than `reply` are warnings. A rule left with no action delivsim models is
/// left out with a warning. Throws ScenarioError at a malformed line or a regex RE2 cannot take.
YamlNode pmta_pattern_rules(const PmtaItem& list, std::vector<ImportWarning>& warnings);

/// The action words of a `reply /REGEX/ ACTION...` line (`mode=backoff`, `reenable-after=1h`), each at its
/// column. Throws ScenarioError at a line without its /regex/.
std::vector<PmtaWord> pmta_reply_actions(const PmtaItem& line);

/// How the value of pattern action `key` (`reenable-after`, `backoff-to-normal-after`: timers) moves with
/// `delivsim import --time-scale`; Unscaled for the others.
TimeScaling pmta_action_time_scaling(std::string_view key);

}  // namespace delivsim
