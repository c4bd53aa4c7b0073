#pragma once
/// @file KumoMTA automation rules (`[[<section>.automation]]`, Kumo
/// docs/userguide/trafficshaping/automation.md) as delivsim pattern rules (docs/scenario-format.md
/// `patterns`, models/reply_pattern.h).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/kumomta_shaping.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// The most pattern rules an import writes over all destinations (each destination with rules of its own
/// repeats the default rules): a bound on the output for a hostile file; real files give a few hundred.
inline constexpr std::size_t kMaxKumoPatternRules = 100'000;

/// What one destination's automation rules become.
struct KumoRulePatterns {
  std::vector<YamlNode> patterns;  ///< pattern rules (maps), in Kumo's rule order, one per regex
  /// The destination's `backoff` map, when a rule lowers max_message_rate (SetConfig max_message_rate
  /// becomes `backoff: true` with this rate and `to_normal_after: <duration>`).
  std::optional<YamlNode> backoff;
  std::size_t rule_count = 0;  ///< Kumo rules imported so far (each may give several pattern rules)
};

/// Adds the pattern rules of `rule` to `out` (one per regex, each with every action delivsim models) and
/// a warning for each part that is approximated or not modelled. Throws ScenarioError at a regex RE2
/// cannot take, or at a SetConfig value Kumo would refuse.
void map_kumo_rule(const KumoRule& rule, KumoRulePatterns& out, std::vector<ImportWarning>& warnings);

/// `regex` (fancy-regex, as Kumo reads it) in RE2 syntax: a leading `(?!.*KumoMTA internal)` guard is dropped
/// (delivsim has no KumoMTA-internal replies; a warning says so) and `(?<name>` becomes `(?P<name>`. Throws
/// ScenarioError at the regex's position when RE2 cannot take the result (backreferences, other lookaround),
/// naming RE2's reason.
std::string re2_pattern(const KumoRegex& regex, std::vector<ImportWarning>& warnings);

}  // namespace delivsim
