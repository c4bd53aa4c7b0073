#include "models/provider_profile.h"

#include <algorithm>

namespace delivsim {

namespace {

/// Where Microsoft's figures differ in flag from Gmail's (ParamInfo): what it publishes (sources in
/// domain-facts-wave2 1.2 and 1.4) and what Gmail publishes but Microsoft does not (assumed, with a range).
/// The mechanisms Gmail has no reply for: their figures do not apply, so they never vary.
std::vector<ParamFlag> gmail_param_flags() {
  return {
      {.name = "max_connections_per_sender", .source = "Gmail publishes no sender-wide connection cap"},
      {.name = "max_messages_per_connection", .source = "Gmail has no per-connection message limit reply"},
      {.name = "blocklist_trap_hits", .source = "Gmail has no DNS block-list reply"},
      {.name = "blocklist_duration", .source = "Gmail has no DNS block-list reply"},
  };
}

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
/// Where Yahoo's figures differ from what ParamInfo says of Gmail's (domain-facts-wave2 1.3, 1.4, 6).
std::vector<ParamFlag> yahoo_param_flags() {
  return {
      {"spam_rate_good", false, "Yahoo publishes only the 0.3% ceiling", "0.0005", "0.002"},
      {"spam_rate_bad", true,
       "Yahoo sender best practices: spam rate < 0.3%, calculated on mail delivered to the inbox"},
      {"mitigation_clean_days", false, "Yahoo publishes no mitigation rule (7 days is Google's)", "3", "14"},
      {"volume_spike_ratio", false,
       "Yahoo defers for \"unexpected volume\" ([TSS04]) without a ratio (2x is Google's)", "1.5", "4"},
      {"max_messages_per_connection", false,
       "20: KumoMTA's shaping.toml (\"provided by Yahoo directly\") and Validity; not on Yahoo's pages", "10",
       "50"},
      {"close_silently_at_message_limit", false,
       "Yahoo's page: the server closes \"without giving an error message\" (true); sisimai quotes a 421 "
       "\"Max message per connection reached\" (false)"},
      {"recipient_limits", false,
       "Google's per-user limits; Yahoo publishes none (450 \"User is receiving mail too quickly\" gives no "
       "figure)",
       "{per_minute: 30, per_hour: 1800, per_day: 43200}",
       "{per_minute: 120, per_hour: 7200, per_day: 172800}"},
      {"bulk_sender_per_day", false, "Yahoo: \"We will not specify a volume threshold\"", "1000", "50000"},
      {"auth_reject_after", false,
       "Yahoo rejects unauthenticated mail (550 5.7.9) and non-compliant bulk mail (554 5.7.9) and publishes "
       "no deferral phase (0: from the first failing message)",
       "1m", "3d"},
      {"alert_unusual_share", true, "seed 003: \"Yahoo: >8% normal range\""},
      {"alert_act_share", true, "seed 003: \"Yahoo: ... >20% investigate\""},
  };
}

std::vector<ProviderProfile> build_profiles() {
  std::vector<ProviderProfile> profiles;
  profiles.push_back({
      .name = "gmail",
      .description = "Gmail (gmail.com, googlemail.com): Google's SMTP errors and codes page and sender "
                     "guidelines (domain-facts 1-2, domain-facts-wave2 1.1)",
      .domains = {"gmail.com", "googlemail.com"},
      .mx_host = "gmail-smtp-in.l.google.com",
      .params = ReceiverParams::gmail(),
      .param_flags = gmail_param_flags(),
      .reply_texts = {{"current", ReplyCatalog::gmail()}, {"legacy", ReplyCatalog::gmail_legacy()}},
      .throttles_by_reputation = true,
      .default_provider = "gmail",
  });
  profiles.push_back({
      .name = "microsoft",
      .description = "Outlook.com (outlook.com, hotmail.com, live.com, msn.com): Microsoft's postmaster "
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
      .default_provider = "",  // the lead adds it to the default provider set
  });
  profiles.push_back({
      .name = "yahoo",
      .description = "Yahoo / AOL (yahoo.com, aol.com and their sister domains on *.yahoodns.net): Yahoo's "
                     "sender pages and the replies as received (domain-facts-wave2 1.3, 1.4)",
      // Yahoo's and AOL's consumer domains named in the brief and domain-facts-wave2 1.3 (one infrastructure,
      // *.yahoodns.net MX); country domains (yahoo.co.uk, ...) are left to a scenario's `domains:`.
      .domains = {"yahoo.com", "ymail.com", "rocketmail.com", "aol.com"},
      .mx_host = "mta5.am0.yahoodns.net",
      .params = ReceiverParams::yahoo(),
      .param_flags = yahoo_param_flags(),
      .reply_texts = {{"current", ReplyCatalog::yahoo()}, {"legacy", ReplyCatalog::yahoo_legacy()}},
      .throttles_by_reputation = true,
      .default_provider = "",  // the lead adds yahoo to the default set
  });
  profiles.push_back({
      .name = "generic",
      .description = "A provider with no published catalog: accepts all but unknown users, plain RFC 5321 "
                     "texts (delivsim's assumption)",
      .domains = {"*"},
      .mx_host = "mx.{provider}",
      .params = ReceiverParams::generic(),
      .param_flags = {},
      .reply_texts = {{"current", ReplyCatalog::generic()}},
      .throttles_by_reputation = false,
      .default_provider = "other",
  });
  return profiles;
}

}  // namespace

const NamedReplyTexts* ProviderProfile::find_reply_texts(std::string_view name) const {
  const auto found = std::find_if(reply_texts.begin(), reply_texts.end(),
                                  [&](const NamedReplyTexts& texts) { return texts.name == name; });
  return found == reply_texts.end() ? nullptr : &*found;
}

std::string ProviderProfile::mx_host_of(const std::string& provider) const {
  static constexpr std::string_view kPlaceholder = "{provider}";
  std::string host = mx_host;
  const auto at = host.find(kPlaceholder);
  if (at != std::string::npos) host.replace(at, kPlaceholder.size(), provider);
  return host;
}

ParamInfo ProviderProfile::param_info(const ParamInfo& info) const {
  const auto flag = std::find_if(param_flags.begin(), param_flags.end(),
                                 [&](const ParamFlag& f) { return f.name == info.name; });
  if (flag == param_flags.end()) return info;
  ParamInfo amended = info;
  amended.published = flag->published;
  amended.low = flag->published ? std::string_view{} : flag->low;
  amended.high = flag->published ? std::string_view{} : flag->high;
  return amended;
}

const std::vector<ProviderProfile>& provider_profiles() {
  static const std::vector<ProviderProfile> profiles = build_profiles();
  return profiles;
}

const ProviderProfile* find_provider_profile(std::string_view name) {
  const std::vector<ProviderProfile>& profiles = provider_profiles();
  const auto found = std::find_if(profiles.begin(), profiles.end(),
                                  [&](const ProviderProfile& profile) { return profile.name == name; });
  return found == profiles.end() ? nullptr : &*found;
}

std::size_t judging_index(const std::vector<const ProviderProfile*>& profiles) {
  const auto judging = std::find_if(profiles.begin(), profiles.end(), [](const ProviderProfile* profile) {
    return profile != nullptr && profile->throttles_by_reputation;
  });
  return judging == profiles.end() ? 0 : static_cast<std::size_t>(judging - profiles.begin());
}

}  // namespace delivsim
