#include "gui/form/provider_mix.h"

#include <algorithm>

#include "gui/form/share_rounding.h"

namespace delivsim::gui {

namespace {

bool hosted_by(const Scenario& scenario, const std::string& domain, const std::string& provider) {
  const ProviderSpec* host = scenario.provider_for_domain(domain);
  return host != nullptr && host->name == provider;
}

/// A domain `provider` hosts, to add when the mix has none of its domains; nullopt when there is none.
std::optional<std::string> stand_in_domain(const Scenario& scenario, const ProviderSpec& provider) {
  for (const std::string& domain : provider.domains) {
    if (domain != "*" && hosted_by(scenario, domain, provider.name)) return domain;
  }
  for (const char* domain : {"example.net", "example.org", "example.com"}) {
    if (hosted_by(scenario, domain, provider.name)) return std::string(domain);
  }
  return std::nullopt;
}

/// A stand-in domain of any provider but `provider`, the first in provider order that has one.
std::optional<std::string> other_stand_in(const Scenario& scenario, const std::string& provider) {
  for (const ProviderSpec& other : scenario.providers) {
    if (other.name == provider) continue;
    if (auto domain = stand_in_domain(scenario, other)) return domain;
  }
  return std::nullopt;
}

}  // namespace

double provider_share(const Scenario& scenario, const DomainMix& mix, const std::string& provider) {
  double share = 0;
  for (const auto& [domain, part] : mix) {
    if (hosted_by(scenario, domain, provider)) share += part;
  }
  return share;
}

std::optional<DomainMix> remixed(const Scenario& scenario, const DomainMix& mix, const std::string& provider,
                                 double share) {
  DomainMix grown = mix;
  const double chosen = provider_share(scenario, mix, provider);
  double rest = 0;
  for (const auto& [domain, part] : mix) rest += part;
  rest -= chosen;
  if (chosen <= 0 && share > 0) {
    const auto spec = std::find_if(scenario.providers.begin(), scenario.providers.end(),
                                   [&](const ProviderSpec& p) { return p.name == provider; });
    const auto domain = spec == scenario.providers.end() ? std::nullopt : stand_in_domain(scenario, *spec);
    if (!domain) return std::nullopt;
    grown.emplace_back(*domain, 0.0);
  }
  if (rest <= 0 && share < 1) {
    const auto domain = other_stand_in(scenario, provider);
    if (!domain) return std::nullopt;
    grown.emplace_back(*domain, 0.0);
  }
  DomainMix result;
  for (const auto& [domain, part] : grown) {
    const bool in_chosen = hosted_by(scenario, domain, provider);
    const double side = in_chosen ? chosen : rest;
    const double target = in_chosen ? share : 1 - share;
    const double value = side > 0 ? part * target / side : target;
    const double rounded = round_share(value);
    if (rounded > 0) result.emplace_back(domain, rounded);
  }
  std::vector<double> shares;
  for (const auto& [domain, part] : result) shares.push_back(part);
  if (!absorb_rounding_in_last(shares)) return std::nullopt;
  result.back().second = shares.back();
  return result;
}

}  // namespace delivsim::gui
