#pragma once
/// @file One delivsim destination policy (`sender.defaults` or `sender.destinations.<provider>`) built from
/// the KumoMTA sections that shape that provider, in Kumo's precedence (default, then providers, then
/// domains; crates/kumo-api-types/src/shaping.rs `get_egress_path_config`).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/kumomta_rules.h"
#include "sim/import/kumomta_shaping.h"
#include "sim/import/time_scale.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// A destination policy being built.
struct KumoDestination {
  std::string provider;  ///< the delivsim provider; empty for `sender.defaults`
  YamlNode policy;       ///< the destination policy map, without max_smtp_out / max_msg_rate (see finish)
  /// Where each key was last set from and its text, to warn when two sections of one kind disagree.
  struct Origin {
    const KumoSection* section = nullptr;  ///< the section that set it
    SourcePosition at;                     ///< the value's position
    std::string text;                      ///< the value as written in the scenario
  };
  std::map<std::string, Origin> origins;            ///< by scenario key (and "provider_connection_limit" ...)
  std::optional<Origin> connection_limit;           ///< connection_limit as a number, when a section sets it
  std::optional<Origin> provider_connection_limit;  ///< provider_connection_limit as a number
  std::optional<Origin> max_message_rate;           ///< max_message_rate as a delivsim rate
  std::optional<Origin> provider_max_message_rate;  ///< provider_max_message_rate as a delivsim rate
  KumoRulePatterns rules;                           ///< pattern rules and backoff from automation
};

/// Applies `section`'s options to `destination` (later calls win, as in Kumo) and warns about each option
/// delivsim does not model or models only in part. Throws ScenarioError at an option value Kumo would refuse
/// (a malformed rate, a limit that is not a whole number >= 1).
void apply_kumo_options(const KumoSection& section, KumoDestination& destination,
                        std::vector<ImportWarning>& warnings);

/// Writes the connection limit and message rate into destination.policy: the smaller of the section
/// value and the provider-wide one, against `inherited_limit` / `inherited_rate_per_s` (what
/// sender.defaults gives; rate 0: unlimited) when only the provider-wide one is set.
void finish_kumo_destination(KumoDestination& destination, std::int64_t inherited_limit,
                             double inherited_rate_per_s);

/// How option `name`'s value moves with `delivsim import --time-scale`: the throttles (max_message_rate,
/// max_connection_rate, source_selection_rate and their provider_ forms) are rates; connection counts,
/// idle_timeout and the SMTP timeouts are not scaled (they pace the real conversation), nor are unknown
/// names.
TimeScaling kumo_option_time_scaling(std::string_view name);

/// Messages per second of a delivsim rate text written by rate_text ("100/m": 1.666...).
double rate_per_second(const std::string& rate);

}  // namespace delivsim
