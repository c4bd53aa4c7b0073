#include "sim/world/receiver_identities.h"

#include <algorithm>
#include <string>

#include "models/greylist.h"

namespace delivsim {

std::vector<Receiver::IdentitySetup> receiver_identity_setups(const Scenario& scenario) {
  std::vector<Receiver::IdentitySetup> setups;
  std::vector<std::string> networks;  // greylisting networks (/24s), in first-seen order
  for (const IpSpec& ip : scenario.ips) {
    const std::string network = greylist_network(ip.address);
    auto it = std::find(networks.begin(), networks.end(), network);
    if (it == networks.end()) it = networks.insert(networks.end(), network);
    setups.push_back({IdentityKind::Ip, ip.age == IdentityAge::Warm, ip.established_per_day,
                      static_cast<std::uint32_t>(it - networks.begin())});
  }
  for (IdentityKind kind : {IdentityKind::Dkim, IdentityKind::Spf}) {
    for (const DomainSpec& domain : scenario.domains) {
      setups.push_back({kind, domain.age == IdentityAge::Warm, domain.established_per_day, 0});
    }
  }
  return setups;
}

}  // namespace delivsim
