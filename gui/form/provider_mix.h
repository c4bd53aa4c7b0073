#pragma once
/// @file A traffic entry's recipient domains seen per provider: each provider's share, and the domain mix
/// that gives one provider another share while the others keep their proportions.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// Recipient domain -> share, as TrafficSpec::domain_mix.
using DomainMix = std::vector<std::pair<std::string, double>>;

/// The share of `mix` at domains `provider` hosts in `scenario`.
double provider_share(const Scenario& scenario, const DomainMix& mix, const std::string& provider);

/// `mix` with the domains of `provider` summing to `share` and the other domains to 1 - share, each side
/// keeping its proportions; shares rounded as gui/form/share_rounding.h says. A side that must grow but has
/// no domain gets a stand-in: the provider's first named domain, or for a catch-all provider ("*") a
/// documentation domain (example.net, .org, .com) it hosts; the other side's stand-in comes from the first
/// other provider that has one. nullopt when no stand-in exists or the result would drop a side that must
/// stay.
std::optional<DomainMix> remixed(const Scenario& scenario, const DomainMix& mix, const std::string& provider,
                                 double share);

}  // namespace delivsim::gui
