// Gmail's profile: Google's published replies and figures (ParamInfo describes Gmail).
#include "models/profiles/profiles.h"

namespace delivsim {

namespace {

/// Where Gmail's flags differ from ParamInfo's: the mechanisms Gmail has no reply for. Their figures do not
/// apply, so they never vary.
std::vector<ParamFlag> gmail_param_flags() {
  return {
      {.name = "max_connections_per_sender", .source = "Gmail publishes no sender-wide connection cap"},
      {.name = "max_messages_per_connection", .source = "Gmail has no per-connection message limit reply"},
      {.name = "blocklist_trap_hits", .source = "Gmail has no DNS block-list reply"},
      {.name = "blocklist_duration", .source = "Gmail has no DNS block-list reply"},
  };
}

}  // namespace

ProviderProfile gmail_profile() {
  return {
      .name = "gmail",
      .description =
          "Gmail (gmail.com, googlemail.com): Google's SMTP errors and codes page and sender "
          "guidelines (domain-facts 1-2, domain-facts-wave2 1.1)",
      .domains = {"gmail.com", "googlemail.com"},
      .mx_host = "gmail-smtp-in.l.google.com",
      .params = ReceiverParams::gmail(),
      .param_flags = gmail_param_flags(),
      .reply_texts = {{"current", ReplyCatalog::gmail()}, {"legacy", ReplyCatalog::gmail_legacy()}},
      .throttles_by_reputation = true,
      .default_provider = "gmail",
      .filter_colours = std::nullopt,
  };
}

}  // namespace delivsim
