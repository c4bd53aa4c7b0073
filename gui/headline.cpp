#include "gui/headline.h"

#include <algorithm>

namespace delivsim::gui {

Headline headline_of(const RunResult& result) {
  Headline headline;
  headline.delivered_share = result.totals.delivered_share();
  headline.deferral_rate = result.totals.deferral_rate();
  headline.expired = result.totals.expired;
  headline.bounced = result.totals.bounced;
  double drain_s = 0;
  bool drained = true;
  for (const ProviderResult& provider : result.providers) {
    headline.p95_latency_s = std::max(headline.p95_latency_s, provider.latency.p95_s);
    if (provider.counts.injected == 0) continue;
    if (!provider.time_to_drain_s)
      drained = false;
    else
      drain_s = std::max(drain_s, *provider.time_to_drain_s);
  }
  if (drained) headline.time_to_drain_s = drain_s;
  for (const IdentityResult& identity : result.identities) {
    headline.final_tier = std::min(headline.final_tier.value_or(Tier::High), identity.final_tier);
  }
  return headline;
}

DeferralLevel deferral_level(double deferral_rate, const ReceiverParams& params) {
  if (deferral_rate > params.alert_act_share) return DeferralLevel::Act;
  if (deferral_rate > params.alert_unusual_share) return DeferralLevel::Unusual;
  return DeferralLevel::Normal;
}

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
