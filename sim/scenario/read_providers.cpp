#include <algorithm>
#include <map>

#include "sim/scenario/scenario_sections.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

using HostedBy = std::map<std::string, std::string>;  ///< domain -> the provider that hosts it

/// Names as an error's "expected" lists them: "gmail or microsoft or generic".
std::string or_list(const std::vector<std::string_view>& names) {
  std::string listed;
  for (const std::string_view name : names) listed += (listed.empty() ? "" : " or ") + std::string(name);
  return listed;
}

/// `profile:`'s choices: every profile of the table, in its order.
std::vector<std::pair<std::string_view, const ProviderProfile*>> profile_choices() {
  std::vector<std::pair<std::string_view, const ProviderProfile*>> choices;
  for (const ProviderProfile& profile : provider_profiles()) choices.emplace_back(profile.name, &profile);
  return choices;
}

ProviderSpec make_provider(std::string name, const ProviderProfile& profile,
                           std::vector<std::string> domains) {
  ProviderSpec provider;
  provider.name = std::move(name);
  provider.profile = &profile;
  provider.domains = std::move(domains);
  provider.params = profile.params;
  provider.reply_texts = &profile.reply_texts.front();
  return provider;
}

/// The providers of a scenario without `providers`, one per profile in the default set, in the table's order;
/// an entry without `profile` adjusts one of them.
std::vector<ProviderSpec> default_providers() {
  std::vector<ProviderSpec> providers;
  for (const ProviderProfile& profile : provider_profiles()) {
    if (!profile.default_provider.empty())
      providers.push_back(make_provider(profile.default_provider, profile, profile.domains));
  }
  return providers;
}

/// `reply_texts:`, one of the provider's profile's texts. A name that another profile offers fails naming
/// the profiles that have it.
const NamedReplyTexts* read_reply_texts(const Field& field, const ProviderProfile& profile) {
  const std::string text = read_text(field, "a name");
  if (const NamedReplyTexts* texts = profile.find_reply_texts(text)) return texts;
  std::vector<std::string_view> own, offered_by;
  for (const NamedReplyTexts& texts : profile.reply_texts) own.push_back(texts.name);
  for (const ProviderProfile& other : provider_profiles()) {
    if (other.find_reply_texts(text) != nullptr) offered_by.push_back(other.name);
  }
  if (offered_by.empty())
    field.fail(quote_value(text) + " is not one of the choices", or_list(own), closest_name(text, own));
  const std::string one_set =
      own.size() == 1 ? " (a " + profile.name + " provider has one set of texts)" : "";
  field.fail(quote_value(text) + " is for the " + or_list(offered_by) + " profile only",
             or_list(own) + one_set);
}

/// The provider named `name` in `providers`, or nullptr.
const ProviderSpec* find_provider(const std::vector<ProviderSpec>& providers, const std::string& name) {
  for (const ProviderSpec& provider : providers) {
    if (provider.name == name) return &provider;
  }
  return nullptr;
}

/// Records that `provider` hosts `domain`; fails at `at` when another provider hosts it already.
void claim_domain(const std::string& domain, const std::string& provider, HostedBy& hosted_by,
                  const SourcePosition& at, const std::string& field_path) {
  const auto [owner, added] = hosted_by.emplace(domain, provider);
  if (!added) {
    fail_at(at, field_path,
            quote_value(domain) + " is already hosted by provider " + quote_value(owner->second),
            "each domain hosted by one provider");
  }
}

/// What a provider entry starts from: its profile's defaults, or (without `profile`) the default provider of
/// its name.
ProviderSpec provider_start(const NamedField& entry, const MapReader& fields,
                            const std::vector<ProviderSpec>& defaults) {
  if (auto profile = fields.get("profile"))
    return make_provider(entry.name, *read_choice(*profile, profile_choices()), {});
  if (const ProviderSpec* adjusted = find_provider(defaults, entry.name)) return *adjusted;
  const NameIndex default_index = names_of(defaults);
  const std::vector<std::string_view> default_names = default_index.names();
  std::vector<std::string_view> profile_names;
  for (const ProviderProfile& profile : provider_profiles()) profile_names.push_back(profile.name);
  std::string listed;
  for (const std::string_view name : default_names)
    listed += (listed.empty() ? "" : ", ") + std::string(name);
  fail_at(entry.name_position, entry.value.path(),
          quote_value(entry.name) + " has no profile and is not a default provider (" + listed + ")",
          "a profile (" + or_list(profile_names) + ") and domains, or the name of a default provider",
          closest_name(entry.name, default_names));
}

/// Reads one provider; `hosted_by` maps each domain already claimed to its provider.
ProviderSpec read_provider(const NamedField& entry, const std::vector<ProviderSpec>& defaults,
                           HostedBy& hosted_by) {
  const MapReader fields(entry.value, {"profile", "domains", "params", "reply_texts"});
  ProviderSpec provider = provider_start(entry, fields, defaults);
  const std::string expected = "a list of domain names, or \"*\" for every domain no other provider names";
  if (auto domains = fields.get("domains")) {
    provider.domains.clear();
    for (const Field& item : list_items(*domains, expected)) {
      const std::string domain = read_domain_name(item, true);
      claim_domain(domain, provider.name, hosted_by, item.node().position, item.path());
      provider.domains.push_back(domain);
    }
    if (provider.domains.empty()) domains->fail("is empty", expected);
  } else if (provider.domains.empty()) {
    fields.need("domains", expected);  // a provider with a profile names its domains
  } else {
    for (const std::string& domain : provider.domains) {
      claim_domain(domain, provider.name, hosted_by, entry.name_position, entry.value.child_path("domains"));
    }
  }
  if (auto params = fields.get("params")) {
    provider.params = read_receiver_params(*params, provider.params);
    for (const YamlMapEntry& written : params->node().entries) provider.params_written.push_back(written.key);
  }
  if (auto texts = fields.get("reply_texts"))
    provider.reply_texts = read_reply_texts(*texts, *provider.profile);
  return provider;
}

}  // namespace

void read_providers(const MapReader& top, Scenario& scenario) {
  std::vector<ProviderSpec> defaults = default_providers();
  const auto field = top.get("providers");
  if (!field) {
    scenario.providers = std::move(defaults);
    return;
  }
  const std::vector<NamedField> entries =
      named_entries(*field, "a mapping of provider name to {profile, domains, params, reply_texts}");
  if (entries.empty()) field->fail("has no providers", "at least one provider");
  HostedBy hosted_by;
  std::vector<ProviderSpec> providers;
  for (const NamedField& entry : entries) providers.push_back(read_provider(entry, defaults, hosted_by));
  const bool adjusts_defaults_only =
      std::none_of(entries.begin(), entries.end(),
                   [](const NamedField& entry) { return entry.value.node().find("profile") != nullptr; });
  if (!adjusts_defaults_only) {
    scenario.providers = std::move(providers);
    return;
  }
  // Only adjustments of default providers: the defaults stay, in their order, with the adjustments.
  for (ProviderSpec& provider : defaults) {
    if (const ProviderSpec* adjusted = find_provider(providers, provider.name)) {
      provider = *adjusted;
      continue;
    }
    for (const std::string& domain : provider.domains) {
      claim_domain(domain, provider.name, hosted_by, field->node().position, field->path());
    }
  }
  scenario.providers = std::move(defaults);
}

}  // namespace delivsim
