#include "sim/import/default_provider_keys.h"

#include "models/provider_profile.h"
#include "sim/import/tree_builder.h"

namespace delivsim {

YamlNode default_provider_keys(const SourcePosition& where) {
  YamlNode providers = map_node(where);
  for (const ProviderProfile& profile : provider_profiles()) {
    if (profile.default_provider.empty()) continue;
    YamlNode& provider = set_entry(providers, profile.default_provider, map_node(where));
    set_entry(provider, "profile", scalar_node(profile.name, where));
    YamlNode domains = sequence_node(where);
    for (const std::string& domain : profile.domains)
      domains.items.push_back(scalar_node(domain, where, true));
    set_entry(provider, "domains", domains);
  }
  return providers;
}

YamlNode providers_with_defaults(const YamlNode& imported) {
  YamlNode providers = default_provider_keys(SourcePosition{"delivsim's default providers", 0, 0});
  for (const YamlMapEntry& entry : imported.entries) set_entry(providers, entry.key, entry.value);
  return providers;
}

}  // namespace delivsim
