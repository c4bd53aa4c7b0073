#include "sim/output/judging_provider.h"

#include "models/provider_profile.h"

namespace delivsim {

std::string judging_provider(const RunResult& run) {
  if (run.providers.empty()) return "";
  std::vector<const ProviderProfile*> profiles;
  for (const ProviderResult& provider : run.providers)
    profiles.push_back(find_provider_profile(provider.profile.empty() ? provider.name : provider.profile));
  return run.providers[judging_index(profiles)].name;
}

}  // namespace delivsim
