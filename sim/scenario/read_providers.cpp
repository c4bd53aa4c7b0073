#include <map>

#include "sim/scenario/scenario_sections.h"

namespace delivsim {

namespace {

using Profile = ProviderSpec::Profile;

const std::vector<std::pair<std::string_view, Profile>> kProfiles{{"gmail", Profile::Gmail},
                                                                  {"generic", Profile::Generic}};

ReceiverParams profile_defaults(Profile profile) {
  return profile == Profile::Gmail ? ReceiverParams::gmail() : ReceiverParams::generic();
}

ProviderSpec make_provider(std::string name, Profile profile, std::vector<std::string> domains) {
  ProviderSpec provider;
  provider.name = std::move(name);
  provider.profile = profile;
  provider.domains = std::move(domains);
  provider.params = profile_defaults(profile);
  return provider;
}

/// Used when the scenario has no `providers`.
std::vector<ProviderSpec> default_providers() {
  return {make_provider("gmail", Profile::Gmail, {"gmail.com", "googlemail.com"}),
          make_provider("other", Profile::Generic, {"*"})};
}

/// Reads one provider; `hosted_by` maps each domain already claimed to its provider.
ProviderSpec read_provider(const NamedField& entry, std::map<std::string, std::string>& hosted_by) {
  const MapReader fields(entry.value, {"profile", "domains", "params"});
  ProviderSpec provider =
      make_provider(entry.name, read_choice(fields.need("profile", "gmail or generic"), kProfiles), {});
  const std::string expected = "a list of domain names, or \"*\" for every domain no other provider names";
  const Field domains = fields.need("domains", expected);
  for (const Field& item : list_items(domains, expected)) {
    const std::string domain = read_domain_name(item, true);
    const auto [owner, added] = hosted_by.emplace(domain, provider.name);
    if (!added) {
      item.fail("'" + domain + "' is already hosted by provider '" + owner->second + "'",
                "each domain hosted by one provider");
    }
    provider.domains.push_back(domain);
  }
  if (provider.domains.empty()) domains.fail("is empty", expected);
  if (auto params = fields.get("params")) provider.params = read_receiver_params(*params, provider.params);
  return provider;
}

}  // namespace

void read_providers(const MapReader& top, Scenario& scenario) {
  const auto field = top.get("providers");
  if (!field) {
    scenario.providers = default_providers();
    return;
  }
  std::map<std::string, std::string> hosted_by;
  for (const NamedField& entry :
       named_entries(*field, "a mapping of provider name to {profile, domains, params}")) {
    scenario.providers.push_back(read_provider(entry, hosted_by));
  }
  if (scenario.providers.empty()) field->fail("has no providers", "at least one provider");
}

}  // namespace delivsim
