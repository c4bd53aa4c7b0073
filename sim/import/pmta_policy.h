#pragma once
/// @file One PowerMTA `<domain>` block's directives as a delivsim destination policy (`sender.defaults` or
/// `sender.destinations.<provider>`).
#include <functional>
#include <string>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/pmta_syntax.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// Gives the `patterns:` list of the pattern list named by `smtp-pattern-list` (the word), or throws
/// ScenarioError at the word when no such list exists.
using PatternListLookup = std::function<YamlNode(const PmtaWord& name)>;

/// The destination policy keys `block` sets: max-smtp-out, max-msg-per-connection, max-msg-rate,
/// max-connect-rate, retry-after, bounce-after, backoff-max-msg-rate, backoff-retry-after,
/// backoff-to-normal-after and smtp-pattern-list, each at its value's position. Every other directive is a
/// warning (`place` names the block in it). Throws ScenarioError for a malformed value.
YamlNode pmta_policy(const PmtaItem& block, const std::string& place, const PatternListLookup& patterns,
                     std::vector<ImportWarning>& warnings);

}  // namespace delivsim
