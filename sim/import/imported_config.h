#pragma once
/// @file What an MTA configuration importer gives: the scenario keys the configuration decides, as a
/// positioned YAML tree whose every value names the config file, line and column it came from, and the
/// directives it could not model.
#include <string>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// A directive delivsim does not model, or models only in part: reported with its place and the reason,
/// never silently dropped. `delivsim import --strict` turns each one into an error.
struct ImportWarning {
  SourcePosition where;   ///< the directive's file, line and column
  std::string directive;  ///< its name as written, e.g. "smtp-421-means-mx-unavailable"
  std::string why;        ///< why it is not modelled, or how it is approximated
};

/// An imported configuration.
struct ImportedConfig {
  /// A map holding the scenario keys the configuration decides, each only when it has something:
  /// `identities` (only `ips`), `pools`, `providers` (only providers beyond the default set, e.g. a generic
  /// provider for a domain block of its own; whoever writes them into a scenario lists the default set beside
  /// them, providers_with_defaults in default_provider_keys.h) and `sender` (`defaults`, `destinations`).
  /// Values keep the position of the config text they came from. A value the configuration leaves at its
  /// MTA's default but delivsim's default differs is written too, with SourcePosition::file naming the
  /// default's source
  /// ("Postfix default (mail_params.h)") and line = column = 0.
  YamlNode scenario_keys;
  /// The pool a message goes through when the application names none (PowerMTA's `default-virtual-mta`,
  /// Postfix's default transport); empty when the configuration does not say.
  std::string default_pool;
  /// Recipient domains the configuration names, in the order first seen (a starting traffic mix).
  std::vector<std::string> recipient_domains;
  /// Every directive not modelled, in file and line order.
  std::vector<ImportWarning> warnings;
};

}  // namespace delivsim
