#include "sim/scenario/judging_provider.h"

namespace delivsim {

const ProviderSpec* judging_provider(const Scenario& scenario) {
  if (scenario.providers.empty()) return nullptr;
  std::vector<const ProviderProfile*> profiles;
  for (const ProviderSpec& provider : scenario.providers) profiles.push_back(provider.profile);
  return &scenario.providers[judging_index(profiles)];
}

}  // namespace delivsim
