#include "gui/figures/headline.h"

#include <algorithm>

#include "sim/scenario/judging_provider.h"

namespace delivsim::gui {

const ReceiverParams& judging_params(const Scenario& scenario) {
  const ProviderSpec* judging = judging_provider(scenario);
  return judging != nullptr ? judging->params : provider_profiles().front().params;
}

const ReceiverParams& provider_params(const Scenario& scenario, const std::string& provider) {
  const auto it = std::find_if(scenario.providers.begin(), scenario.providers.end(),
                               [&](const ProviderSpec& p) { return p.name == provider; });
  return it != scenario.providers.end() ? it->params : judging_params(scenario);
}

}  // namespace delivsim::gui
