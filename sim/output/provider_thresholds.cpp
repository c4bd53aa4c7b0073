#include "sim/output/provider_thresholds.h"

namespace delivsim {

ProviderThresholds ProviderThresholds::of(const ReceiverParams& params) {
  return {params.tier_high_min, params.tier_medium_min,     params.tier_low_min,   params.spam_rate_good,
          params.spam_rate_bad, params.alert_unusual_share, params.alert_act_share};
}

}  // namespace delivsim
