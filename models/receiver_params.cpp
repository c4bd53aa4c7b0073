#include "models/receiver_params.h"

namespace delivsim {

ReceiverParams ReceiverParams::microsoft() {
  ReceiverParams params;
  params.max_connections_per_sender = 500;   // published: Outlook.com policies, without prior arrangement
  params.max_messages_per_connection = 100;  // assumed: RP-002's limit is unpublished
  params.bulk_sender_per_day = 5000;         // published: Microsoft's high-volume sender requirements (2025)
  params.auth_reject_after = Duration(0);    // published: rejected with 550 5.7.515 since 2025-05-05
  params.alert_unusual_share = 0.05;         // published (seed 003): Outlook > 5% unusual
  params.alert_act_share = 0.10;             // published (seed 003): Outlook > 10% requires action
  return params;
}

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
