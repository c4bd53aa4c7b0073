// Outlook.com's profile (domain-facts-wave2 1.2).
#include "models/profiles/profiles.h"

namespace delivsim {

namespace {

/// Where Microsoft's figures differ in flag from Gmail's (ParamInfo): what it publishes (sources in
/// domain-facts-wave2 1.2 and 1.4), what Gmail publishes but Microsoft does not (assumed, with a range) and
/// the mechanisms Microsoft has no reply for (no range: they never vary).
std::vector<ParamFlag> microsoft_param_flags() {
  return {
      {.name = "spam_rate_good",
       .source = "Microsoft publishes no complaint threshold; Gmail's and Yahoo's 0.1%/0.3% assumed",
       .low = "0.0005",
       .high = "0.0015"},
      {.name = "spam_rate_bad",
       .source = "Microsoft publishes no complaint threshold (third-party guides' 0.3% is not Microsoft's)",
       .low = "0.002",
       .high = "0.005"},
      {.name = "mitigation_clean_days",
       .source = "Google's mitigation rule; Microsoft publishes none",
       .low = "3",
       .high = "14"},
      {.name = "volume_spike_ratio",
       .source = "Google's FAQ; Microsoft publishes only that new IPs ramp within a couple of weeks",
       .low = "1.5",
       .high = "4"},
      {.name = "max_connections_per_ip",
       .source = "RP-003's per-IP limit is unpublished (KumoMTA keeps 5 connections to the whole provider, "
                 "a sender's setting)",
       .low = "5",
       .high = "50"},
      {.name = "max_connections_per_sender",
       .published = true,
       .source = "Outlook.com policies: no more than 500 simultaneous connections without prior arrangement"},
      {.name = "max_messages_per_connection",
       .source = "RP-002's limit is unpublished; KumoMTA's 50 messages/connection for Outlook is a sender's "
                 "setting, taken as under the limit",
       .low = "50",
       .high = "500"},
      {.name = "blocklist_trap_hits",
       .source = "Microsoft's DNS block-list replies (OU-001) are not modelled"},
      {.name = "blocklist_duration",
       .source = "Microsoft's DNS block-list replies (OU-001) are not modelled"},
      {.name = "block_domains",
       .published = true,
       .source = "Microsoft's 550 SC-001 gives \"IP/domain reputation\" as a reason for a policy block "
                 "(true); its S3140 text names the IP"},
      {.name = "recipient_limits",
       .source = "Gmail's per-user limits; Microsoft has no per-recipient rate reply, so they do not apply"},
      {.name = "bulk_sender_per_day",
       .published = true,
       .source = "Microsoft's high-volume sender requirements: more than 5,000 emails a day"},
      {.name = "auth_reject_after",
       .published = true,
       .source = "Microsoft's high-volume sender requirements: rejected with 550 5.7.515 from 2025-05-05"},
      {.name = "alert_unusual_share", .published = true, .source = "seed 003: Outlook > 5% unusual"},
      {.name = "alert_act_share", .published = true, .source = "seed 003: Outlook > 10% requires action"},
  };
}

}  // namespace

ProviderProfile microsoft_profile() {
  return {
      .name = "microsoft",
      .description =
          "Outlook.com (outlook.com, hotmail.com, live.com, msn.com): Microsoft's postmaster "
          "troubleshooting and policies pages, its 2025 high-volume sender requirements and "
          "replies as received (domain-facts-wave2 1.2)",
      .domains = {"outlook.com", "hotmail.com", "live.com", "msn.com"},
      // One fixed real MX for the four domains: hotmail.com's (outlook.com's is
      // outlook-com.olc.protection.outlook.com), as in senders' bounces and delivery logs (2023, 2025).
      .mx_host = "hotmail-com.olc.protection.outlook.com",
      .params = ReceiverParams::microsoft(),
      .param_flags = microsoft_param_flags(),
      .reply_texts = {{"current", ReplyCatalog::microsoft()},
                      {"legacy", ReplyCatalog::microsoft_legacy()},
                      {"network_block", ReplyCatalog::microsoft_network_block()},
                      {"s3114", ReplyCatalog::microsoft_s3114()}},
      .throttles_by_reputation = true,
      .default_provider = "microsoft",
      .filter_colours = FilterColourBands::snds(),
  };
}

}  // namespace delivsim
