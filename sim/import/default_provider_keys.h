#pragma once
/// @file The default provider set written out as `providers:` entries, for an import that adds providers of
/// its own (a `providers:` entry with a profile stands alone, so the defaults must be listed beside it).
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// A `providers:` map with each default provider (models/provider_profile.h) as `{profile, domains}`, in
/// the default order, every node at `where`.
YamlNode default_provider_keys(const SourcePosition& where);

/// `imported` (an import's `providers:` map) after the default providers, which keep their place when
/// `imported` names one of them too (the imported entry replaces it).
YamlNode providers_with_defaults(const YamlNode& imported);

}  // namespace delivsim
