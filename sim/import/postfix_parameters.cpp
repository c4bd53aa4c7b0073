#include "sim/import/postfix_parameters.h"

#include <array>
#include <cmath>
#include <utility>

namespace delivsim {

namespace {

/// Defaults from Postfix src/global/mail_params.h (3.12; identical in Debian 12's 3.7.11).
constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kDefaults{{
    {"queue_run_delay", "300s"},
    {"minimal_backoff_time", "300s"},
    {"maximal_backoff_time", "4000s"},
    {"maximal_queue_lifetime", "5d"},
    {"bounce_queue_lifetime", "5d"},
    {"default_destination_concurrency_limit", "20"},
    {"default_destination_rate_delay", "0s"},
    {"default_destination_recipient_limit", "50"},
    {"initial_destination_concurrency", "5"},
    {"default_destination_concurrency_positive_feedback", "1"},
    {"default_destination_concurrency_negative_feedback", "1"},
    {"default_destination_concurrency_failed_cohort_limit", "1"},
    {"default_transport", "smtp"},
    {"transport_maps", ""},
    {"smtp_bind_address", ""},
    {"smtp_bind_address6", ""},
    {"relayhost", ""},
    {"config_directory", "/etc/postfix"},
    {"sender_dependent_default_transport_maps", ""},
    {"sender_dependent_relayhost_maps", ""},
    {"default_transport_rate_delay", "0s"},
}};

/// The queue manager's timers (postconf(5)) and the unit of a bare number in each: what `delivsim import
/// --time-scale` divides. The SMTP client's timeouts (smtp_*_timeout) and its connection cache times pace the
/// real conversation and are not among them.
constexpr std::array<std::pair<std::string_view, char>, 7> kTimers{{
    {"queue_run_delay", 's'},
    {"minimal_backoff_time", 's'},
    {"maximal_backoff_time", 's'},
    {"maximal_queue_lifetime", 'd'},
    {"bounce_queue_lifetime", 'd'},
    {"transport_retry_time", 's'},
    {"delay_warning_time", 'h'},
}};

constexpr std::array<std::pair<std::string_view, SchedulerSetting>, 7> kSuffixes{{
    {"_destination_concurrency_limit", SchedulerSetting::ConcurrencyLimit},
    {"_destination_rate_delay", SchedulerSetting::RateDelay},
    {"_destination_recipient_limit", SchedulerSetting::RecipientLimit},
    {"_initial_destination_concurrency", SchedulerSetting::InitialConcurrency},
    {"_destination_concurrency_positive_feedback", SchedulerSetting::PositiveFeedback},
    {"_destination_concurrency_negative_feedback", SchedulerSetting::NegativeFeedback},
    {"_destination_concurrency_failed_cohort_limit", SchedulerSetting::FailedCohortLimit},
}};

/// qmgr's other per-transport settings (postconf(5)): read per transport, not modelled.
constexpr std::array<std::string_view, 9> kOtherSchedulerSuffixes{
    "_transport_rate_delay",   "_delivery_slot_cost",     "_delivery_slot_loan",
    "_delivery_slot_discount", "_minimum_delivery_slots", "_recipient_limit",
    "_extra_recipient_limit",  "_recipient_refill_limit", "_recipient_refill_delay"};

/// The per-transport scheduler suffixes whose values are timers (in seconds when bare).
constexpr std::array<std::string_view, 3> kTimerSuffixes{"_destination_rate_delay", "_transport_rate_delay",
                                                         "_recipient_refill_delay"};

/// Parameters that change nothing delivsim simulates: naming, local and virtual delivery, address
/// rewriting, paths and ownership, logging, compatibility switches, and TLS of the SMTP client (the
/// simulated providers all offer STARTTLS and none refuses over TLS policy).
constexpr std::array<std::string_view, 42> kNoEffect{
    "alias_database",     "alias_maps",           "append_dot_mydomain", "biff",
    "canonical_maps",     "command_directory",    "compatibility_level", "daemon_directory",
    "data_directory",     "debug_peer_level",     "debug_peer_list",     "debugger_command",
    "delay_warning_time", "disable_vrfy_command", "home_mailbox",        "html_directory",
    "inet_interfaces",    "inet_protocols",       "mail_owner",          "mail_spool_directory",
    "mailbox_command",    "mailbox_size_limit",   "mailq_path",          "manpage_directory",
    "masquerade_domains", "message_size_limit",   "meta_directory",      "mydestination",
    "mydomain",           "myhostname",           "mynetworks",          "mynetworks_style",
    "myorigin",           "newaliases_path",      "readme_directory",    "recipient_delimiter",
    "sample_directory",   "sendmail_path",        "setgid_group",        "shlib_directory",
    "smtp_helo_name",     "syslog_name"};

/// Prefixes of parameter families with no effect: the SMTP server and its neighbours (delivsim simulates
/// the sending side), local and virtual delivery, content filters, and the SMTP client's TLS.
constexpr std::array<std::string_view, 12> kNoEffectPrefixes{
    "smtpd_",    "postscreen_", "local_",    "virtual_", "lmtp_",          "milter_",
    "smtp_tls_", "tls_",        "tlsproxy_", "maillog_", "unknown_local_", "smtputf8_"};

}  // namespace

std::optional<std::string_view> postfix_default(std::string_view name) {
  for (const auto& [key, value] : kDefaults) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::vector<std::string_view> postfix_read_parameters() {
  std::vector<std::string_view> names;
  for (const auto& entry : kDefaults) names.push_back(entry.first);
  return names;
}

std::optional<std::int64_t> parse_postfix_time(std::string_view text, char default_unit) {
  constexpr std::int64_t kMaxSeconds = 100LL * 365 * 86400;
  std::size_t i = 0;
  std::int64_t number = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    number = number * 10 + (text[i] - '0');
    if (number > kMaxSeconds) return std::nullopt;
    ++i;
  }
  if (i == 0 || text.size() - i > 1) return std::nullopt;
  const char unit = i < text.size() ? text[i] : default_unit;
  std::int64_t scale = 0;
  switch (unit) {
    case 's':
      scale = 1;
      break;
    case 'm':
      scale = 60;
      break;
    case 'h':
      scale = 3600;
      break;
    case 'd':
      scale = 86400;
      break;
    case 'w':
      scale = 7 * 86400;
      break;
    default:
      return std::nullopt;
  }
  if (number > kMaxSeconds / scale) return std::nullopt;
  return number * scale;
}

std::optional<char> postfix_timer_unit(std::string_view name) {
  for (const auto& [timer, unit] : kTimers) {
    if (timer == name) return unit;
  }
  if (split_scheduler_parameter(name)) {
    for (const std::string_view suffix : kTimerSuffixes) {
      if (name.ends_with(suffix)) return 's';
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> postfix_timers() {
  std::vector<std::string_view> names;
  for (const auto& entry : kTimers) names.push_back(entry.first);
  return names;
}

std::optional<SchedulerParameter> split_scheduler_parameter(std::string_view name) {
  if (name == "initial_destination_concurrency") {
    return SchedulerParameter{"default", SchedulerSetting::InitialConcurrency};
  }
  for (const auto& [suffix, setting] : kSuffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      return SchedulerParameter{std::string(name.substr(0, name.size() - suffix.size())), setting};
    }
  }
  for (const std::string_view suffix : kOtherSchedulerSuffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      return SchedulerParameter{std::string(name.substr(0, name.size() - suffix.size())),
                                SchedulerSetting::Other};
    }
  }
  return std::nullopt;
}

std::string scheduler_parameter_name(std::string_view transport, SchedulerSetting setting) {
  if (transport == "default" && setting == SchedulerSetting::InitialConcurrency) {
    return "initial_destination_concurrency";
  }
  for (const auto& [suffix, known] : kSuffixes) {
    if (known == setting) return std::string(transport) + std::string(suffix);
  }
  return std::string(transport);
}

bool postfix_parameter_has_no_effect(std::string_view name) {
  for (const std::string_view known : kNoEffect) {
    if (known == name) return true;
  }
  for (const std::string_view prefix : kNoEffectPrefixes) {
    if (name.starts_with(prefix)) return true;
  }
  return false;
}

}  // namespace delivsim
