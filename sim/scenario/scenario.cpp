#include "sim/scenario/scenario.h"

#include <algorithm>

namespace delivsim {

namespace {

bool hosts(const ProviderSpec& provider, const std::string& domain) {
  return std::find(provider.domains.begin(), provider.domains.end(), domain) != provider.domains.end();
}

}  // namespace

const DestinationPolicy& Scenario::policy_for(const std::string& provider) const {
  for (const auto& [name, policy] : destinations) {
    if (name == provider) return policy;
  }
  return sender_defaults;
}

const ProviderSpec* Scenario::provider_for_domain(const std::string& domain) const {
  const ProviderSpec* catch_all = nullptr;
  for (const ProviderSpec& provider : providers) {
    if (hosts(provider, domain)) return &provider;
    if (hosts(provider, "*")) catch_all = &provider;
  }
  return catch_all;
}

bool Scenario::sends_mail_to(const ProviderSpec& provider) const {
  for (const TrafficSpec& source : traffic) {
    for (const auto& [domain, share] : source.domain_mix) {
      if (share > 0 && provider_for_domain(domain) == &provider) return true;
    }
  }
  return false;
}

}  // namespace delivsim
