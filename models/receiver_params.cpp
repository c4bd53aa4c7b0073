#include "models/receiver_params.h"

namespace delivsim {

ReceiverParams ReceiverParams::generic() {
  ReceiverParams params;
  params.quota_enabled = false;
  params.max_connections_per_ip = 1000;
  params.high_tier_defer_share = 0.0;
  params.medium_tier_defer_share = 0.0;
  params.low_tier_defer_share = 0.0;
  params.bad_tier_defer_share = 0.0;
  params.transient_fault_share = 0.0;
  params.auth_enforced = false;
  params.block_deferrals_per_hour = 1e18;  // never hardens into a block
  return params;
}

}  // namespace delivsim
