// Yahoo / AOL's profile (domain-facts-wave2 1.3).
#include "models/profiles/profiles.h"

namespace delivsim {

namespace {

/// Where Yahoo's figures differ from what ParamInfo says of Gmail's (domain-facts-wave2 1.3, 1.4, 6).
std::vector<ParamFlag> yahoo_param_flags() {
  return {
      {.name = "spam_rate_good",
       .source = "Yahoo publishes only the 0.3% ceiling",
       .low = "0.0005",
       .high = "0.002"},
      {.name = "spam_rate_bad",
       .published = true,
       .source = "Yahoo sender best practices: spam rate < 0.3%, calculated on mail delivered to the inbox"},
      {.name = "mitigation_clean_days",
       .source = "Yahoo publishes no mitigation rule (7 days is Google's)",
       .low = "3",
       .high = "14"},
      {.name = "volume_spike_ratio",
       .source = "Yahoo defers for \"unexpected volume\" ([TSS04]) without a ratio (2x is Google's)",
       .low = "1.5",
       .high = "4"},
      {.name = "max_messages_per_connection",
       .source =
           "20: KumoMTA's shaping.toml (\"provided by Yahoo directly\") and Validity; not on Yahoo's pages",
       .low = "10",
       .high = "50"},
      {.name = "close_silently_at_message_limit",
       .source = "Yahoo's page: the server closes \"without giving an error message\" (true); sisimai quotes "
                 "a 421 \"Max message per connection reached\" (false)"},
      {.name = "block_domains",
       .published = true,
       .source =
           "Yahoo's block, [TSS09], names the IP (\"All messages from <IP> will be permanently "
           "deferred\"); of domains its FAQ says \"we may defer mail from domains with a high complaint "
           "rate\": a deferral, not a block (false)"},
      {.name = "recipient_limits",
       .source = "Google's per-user limits; Yahoo publishes none (450 \"User is receiving mail too quickly\" "
                 "gives no figure)",
       .low = "{per_minute: 30, per_hour: 1800, per_day: 43200}",
       .high = "{per_minute: 120, per_hour: 7200, per_day: 172800}"},
      {.name = "bulk_sender_per_day",
       .source = "Yahoo: \"We will not specify a volume threshold\"",
       .low = "1000",
       .high = "50000"},
      {.name = "auth_reject_after",
       .source = "Yahoo rejects unauthenticated mail (550 5.7.9) and non-compliant bulk mail (554 5.7.9) and "
                 "publishes no deferral phase (0: from the first failing message)",
       .low = "1m",
       .high = "3d"},
      {.name = "alert_unusual_share", .published = true, .source = "seed 003: \"Yahoo: >8% normal range\""},
      {.name = "alert_act_share", .published = true, .source = "seed 003: \"Yahoo: ... >20% investigate\""},
  };
}

}  // namespace

ProviderProfile yahoo_profile() {
  return {
      .name = "yahoo",
      .description =
          "Yahoo / AOL (yahoo.com, aol.com and their sister domains on *.yahoodns.net): Yahoo's "
          "sender pages and the replies as received (domain-facts-wave2 1.3, 1.4)",
      // Yahoo's and AOL's consumer domains named in the brief and domain-facts-wave2 1.3 (one infrastructure,
      // *.yahoodns.net MX); country domains (yahoo.co.uk, ...) are left to a scenario's `domains:`.
      .domains = {"yahoo.com", "ymail.com", "rocketmail.com", "aol.com"},
      .mx_host = "mta5.am0.yahoodns.net",
      .params = ReceiverParams::yahoo(),
      .param_flags = yahoo_param_flags(),
      .reply_texts = {{"current", ReplyCatalog::yahoo()}, {"legacy", ReplyCatalog::yahoo_legacy()}},
      .throttles_by_reputation = true,
      .default_provider = "yahoo",
      .filter_colours = std::nullopt,
  };
}

}  // namespace delivsim
