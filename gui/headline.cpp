#include "gui/headline.h"

#include <algorithm>

namespace delivsim::gui {

const ReceiverParams& judging_params(const Scenario& scenario) {
  static const ReceiverParams gmail_defaults = ReceiverParams::gmail();
  const auto gmail =
      std::find_if(scenario.providers.begin(), scenario.providers.end(),
                   [](const ProviderSpec& p) { return p.profile == ProviderSpec::Profile::Gmail; });
  return gmail != scenario.providers.end() ? gmail->params : gmail_defaults;
}

const ReceiverParams& provider_params(const Scenario& scenario, const std::string& provider) {
  const auto it = std::find_if(scenario.providers.begin(), scenario.providers.end(),
                               [&](const ProviderSpec& p) { return p.name == provider; });
  return it != scenario.providers.end() ? it->params : judging_params(scenario);
}

}  // namespace delivsim::gui
