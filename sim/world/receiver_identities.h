#pragma once
/// @file A scenario's sending identities as every provider's Receiver numbers them: its IPs first (in
/// `identities.ips` order), then every domain as a DKIM identity, then every domain as an SPF identity. The
/// world and the live server (`delivsim serve`) build their receivers from this one table.
#include <cstdint>
#include <vector>

#include "models/receiver.h"
#include "sim/scenario/scenario.h"

namespace delivsim {

/// How each identity starts (warm or new, its baseline volume, an IP's greylisting network).
std::vector<Receiver::IdentitySetup> receiver_identity_setups(const Scenario& scenario);

/// The receiver index of scenario domain `domain` as a DKIM (d=) identity.
inline std::uint32_t dkim_identity_index(const Scenario& scenario, std::size_t domain) {
  return static_cast<std::uint32_t>(scenario.ips.size() + domain);
}

/// The receiver index of scenario domain `domain` as an SPF (return-path) identity.
inline std::uint32_t spf_identity_index(const Scenario& scenario, std::size_t domain) {
  return static_cast<std::uint32_t>(scenario.ips.size() + scenario.domains.size() + domain);
}

}  // namespace delivsim
