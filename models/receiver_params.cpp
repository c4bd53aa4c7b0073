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

ReceiverParams ReceiverParams::yahoo() {
  // Which figures Yahoo publishes and why each other one is assumed: the yahoo profile's param_flags
  // (models/profiles/yahoo.cpp) and docs/model.md 1.1 "Yahoo / AOL".
  ReceiverParams params;
  params.spam_rate_bad = 0.003;             // published: spam rate < 0.3%, on mail delivered to the inbox
  params.alert_unusual_share = 0.08;        // published (seed 003): "Yahoo: >8% normal range"
  params.alert_act_share = 0.20;            // published (seed 003): "> 20% investigate"
  params.max_messages_per_connection = 20;  // assumed: KumoMTA "provided by Yahoo directly", Validity
  params.close_silently_at_message_limit = true;  // Yahoo's page: closes "without giving an error message"
  params.auth_reject_after = Duration(0);         // assumed: Yahoo rejects (5.7.9), no deferral phase
  params.block_domains = false;  // Yahoo's [TSS09] names the IP; of domains: "we may defer mail" (FAQ)
  return params;
}

}  // namespace delivsim
