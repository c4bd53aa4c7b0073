#include "sim/import/kumomta_destination.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "models/destination_policy.h"
#include "sim/import/imported_idle_timeout.h"
#include "sim/import/kumomta_values.h"
#include "sim/import/scenario_duration_text.h"
#include "sim/import/tree_builder.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

/// The `kumo.make_egress_path` options delivsim knows (Kumo docs/reference/kumo/make_egress_path/*.md): those
/// the importer maps (handled in apply_kumo_options) and those delivsim has no knob for, with why.
struct Option {
  std::string_view name;
  std::string_view why;                         ///< empty: mapped by apply_kumo_options
  TimeScaling scaling = TimeScaling::Unscaled;  ///< how `delivsim import --time-scale` moves its value
};

constexpr std::string_view kNoTls =
    "not modelled: delivsim's simulated receivers do not negotiate TLS or authentication, so nothing depends "
    "on it";
constexpr std::string_view kNoTimeouts =
    "not modelled: delivsim's simulated receivers always answer, so SMTP client timeouts never fire";
constexpr std::string_view kNoTransport =
    "not modelled: delivsim simulates neither DNS and MX host selection nor the SMTP transport in this "
    "detail";
constexpr std::string_view kNoProcess = "not modelled: an internal setting of the KumoMTA process";

const std::vector<Option>& options() {
  static const std::vector<Option> kOptions = {
      {"connection_limit", ""},
      {"max_deliveries_per_connection", ""},
      {"max_message_rate", "", TimeScaling::Rate},
      {"max_connection_rate", "", TimeScaling::Rate},
      {"source_selection_rate", "", TimeScaling::Rate},
      {"provider_connection_limit", ""},
      {"provider_max_message_rate", "", TimeScaling::Rate},
      {"provider_source_selection_rate", "", TimeScaling::Rate},
      {"max_ready", ""},
      {"consecutive_connection_failures_before_delay", ""},
      {"mx_rollup", ""},
      {"replace_base", ""},
      {"enable_tls",
       "not modelled: delivsim's simulated receivers do not negotiate TLS (Gmail's 421 4.7.29 for mail "
       "without "
       "TLS never happens), so Required and Opportunistic behave alike"},
      {"idle_timeout", ""},
      {"enable_mta_sts", kNoTls},
      {"enable_dane", kNoTls},
      {"tls_prefer_openssl", kNoTls},
      {"openssl_cipher_list", kNoTls},
      {"openssl_cipher_suites", kNoTls},
      {"openssl_options", kNoTls},
      {"rustls_cipher_suites", kNoTls},
      {"remember_broken_tls", kNoTls},
      {"opportunistic_tls_reconnect_on_failed_handshake", kNoTls},
      {"tls_certificate", kNoTls},
      {"tls_private_key", kNoTls},
      {"allow_smtp_auth_plain_without_tls", kNoTls},
      {"allow_smtp_auth_plain_without_valid_certificate", kNoTls},
      {"smtp_auth_plain_username", kNoTls},
      {"smtp_auth_plain_password", kNoTls},
      {"connect_timeout", kNoTimeouts},
      {"banner_timeout", kNoTimeouts},
      {"ehlo_timeout", kNoTimeouts},
      {"mail_from_timeout", kNoTimeouts},
      {"rcpt_to_timeout", kNoTimeouts},
      {"data_timeout", kNoTimeouts},
      {"data_dot_timeout", kNoTimeouts},
      {"rset_timeout", kNoTimeouts},
      {"starttls_timeout", kNoTimeouts},
      {"auth_timeout", kNoTimeouts},
      {"tls_handshake_timeout", kNoTimeouts},
      {"system_shutdown_timeout", kNoProcess},
      {"smtp_port", kNoTransport},
      {"prohibited_hosts", kNoTransport},
      {"skip_hosts", kNoTransport},
      {"ehlo_domain", kNoTransport},
      {"ip_lookup_strategy", kNoTransport},
      {"max_mx_addresses_per_host", kNoTransport},
      {"max_mx_plan_size", kNoTransport},
      {"try_next_host_on_transport_error", kNoTransport},
      {"reconnect_strategy", kNoTransport},
      {"use_lmtp", kNoTransport},
      {"enable_pipelining", kNoTransport},
      {"enable_rset", kNoTransport},
      {"ignore_8bit_checks", kNoTransport},
      {"max_recipients_per_batch",
       "not modelled: delivsim sends one recipient per message (KumoMTA may batch recipients of one "
       "message)"},
      {"aggressive_connection_opening", kNoProcess},
      {"refresh_interval", kNoProcess},
      {"refresh_strategy", kNoProcess},
      {"dispatcher_wakeup_strategy", kNoProcess},
      {"maintainer_wakeup_strategy", kNoProcess},
      {"dispatcher_progress_watchdog_timeout", kNoProcess},
      {"low_memory_reduction_policy", kNoProcess},
      {"no_memory_reduction_policy", kNoProcess},
      {"provider_name", "not modelled: a label for KumoMTA's metrics; delivsim names providers itself"},
      {"suspended",
       "not modelled: a permanently suspended path sends nothing; remove the destination's traffic"},
      {"additional_connection_limits",
       "not modelled: named connection limits shared across paths have no delivsim counterpart"},
      {"additional_message_rate_throttles",
       "not modelled: named rate limits shared across paths have no delivsim counterpart"},
      {"additional_source_selection_rates",
       "not modelled: named source selection limits shared across paths have no delivsim counterpart"},
  };
  return kOptions;
}

/// Every option name the importer knows (mapped or not), for did-you-mean hints.
std::vector<std::string_view> known_option_names() {
  std::vector<std::string_view> names;
  for (const Option& option : options()) names.push_back(option.name);
  return names;
}

const Option* find_option(std::string_view name) {
  for (const Option& option : options()) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

[[noreturn]] void fail_param(const KumoParam& param, const std::string& problem,
                             const std::string& expected) {
  throw ScenarioError(param.value_at.file, param.value_at.line, param.value_at.column, param.name, problem,
                      expected);
}

std::int64_t read_limit(const KumoParam& param) {
  if (param.type == KumoParam::Type::Integer) {
    if (param.integer < 1) fail_param(param, quote_value(param.text) + " is below 1", "a whole number >= 1");
    return param.integer;
  }
  if (param.type != KumoParam::Type::Text)
    fail_param(param, "not a connection limit",
               "a whole number >= 1, or text such as \"1_000\" or \"local:5\"");
  try {
    return parse_kumo_limit(param.text).count;
  } catch (const std::invalid_argument& error) {
    fail_param(param, error.what(), "a whole number >= 1, or text such as \"1_000\" or \"local:5\"");
  }
}

/// `idle_timeout` as a scenario duration: at most the hour a scenario takes, a longer one with a warning.
std::string read_idle_timeout(const KumoParam& param, std::vector<ImportWarning>& warnings) {
  if (param.type != KumoParam::Type::Text) fail_param(param, "not a duration", "text such as \"60s\"");
  std::int64_t ms = 0;
  try {
    ms = parse_kumo_duration_ms(param.text);
  } catch (const std::invalid_argument& error) {
    fail_param(param, error.what(), "text such as \"60s\", \"5 minutes\" or \"1m 30s\"");
  }
  if (std::optional<std::string> too_long = idle_timeout_too_long(ms, param.text)) {
    warnings.push_back({param.key_at, param.name, std::move(*too_long)});
    ms = kMaxIdleTimeout.count();
  }
  return scenario_duration_text(ms);
}

KumoThrottle read_throttle(const KumoParam& param, std::vector<ImportWarning>& warnings) {
  if (param.type != KumoParam::Type::Text) fail_param(param, "not a throttle", "text such as \"100/min\"");
  KumoThrottle throttle;
  try {
    throttle = parse_kumo_throttle(param.text);
  } catch (const std::invalid_argument& error) {
    fail_param(param, error.what(), "text such as \"100/min\", \"10_000/h\" or \"local:5/s\"");
  }
  if (throttle.max_burst)
    warnings.push_back(
        {param.key_at, param.name,
         "max_burst=" + std::to_string(*throttle.max_burst) +
             " not modelled: KumoMTA's GCRA throttle lets a burst of that size through at once; "
             "delivsim spaces messages evenly at the rate"});
  return throttle;
}

/// Records that `section` sets `key` to `text` at `at`; warns when another section of the same kind (two
/// domain blocks, two provider blocks) set it to something else before: both shape this provider.
void note_origin(KumoDestination& destination, const std::string& key, const KumoSection& section,
                 const SourcePosition& at, const std::string& text, std::vector<ImportWarning>& warnings) {
  const auto found = destination.origins.find(key);
  if (found != destination.origins.end()) {
    const KumoDestination::Origin& earlier = found->second;
    if (earlier.section != &section && earlier.section->kind == section.kind && earlier.text != text) {
      warnings.push_back(
          {at, key,
           "sections " + quote_value(earlier.section->name) + " (" + earlier.at.file + ":" +
               std::to_string(earlier.at.line) + ": " + earlier.text + ") and " + quote_value(section.name) +
               " (" + text + ") both shape delivsim provider " +
               (destination.provider.empty() ? std::string("defaults") : destination.provider) +
               ", which has one queue per IP; the later one wins"});
    }
  }
  destination.origins[key] = {&section, at, text};
}

void set_key(KumoDestination& destination, const std::string& key, YamlNode value, const KumoSection& section,
             std::vector<ImportWarning>& warnings) {
  note_origin(destination, key, section, value.position, value.scalar, warnings);
  set_entry(destination.policy, key, std::move(value));
}

/// source_selection_rate as a warm-up cap: its rate over one day, with hourly spreading unless the period is
/// a day.
void map_selection_rate(const KumoParam& param, KumoDestination& destination, const KumoSection& section,
                        std::vector<ImportWarning>& warnings) {
  const KumoThrottle throttle = read_throttle(param, warnings);
  const std::int64_t per_day = throttle.count * (86400 / throttle.period_s);
  YamlNode warmup = map_node(param.value_at);
  YamlNode table = sequence_node(param.value_at);
  table.items.push_back(scalar_node(std::to_string(per_day), param.value_at));
  set_entry(warmup, "table", std::move(table));
  set_entry(warmup, "spread_hourly",
            scalar_node(throttle.period_s < 86400 ? "true" : "false", param.value_at));
  note_origin(destination, "warmup", section, param.value_at, param.text, warnings);
  set_entry(destination.policy, "warmup", std::move(warmup));
  warnings.push_back({param.key_at, param.name,
                      "mapped to warmup {table: [" + std::to_string(per_day) +
                          "]}: a daily cap per IP for this provider, which delivsim applies only to IPs with "
                          "age: new; KumoMTA throttles how often the source is chosen and sends the message "
                          "from the pool's next source, delivsim holds it until the cap allows"});
}

}  // namespace

double rate_per_second(const std::string& rate) {
  const std::size_t slash = rate.find('/');
  const double count = std::stod(rate.substr(0, slash));
  const std::string unit = rate.substr(slash + 1);
  const double period_s = unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 86400;
  return count / period_s;
}

TimeScaling kumo_option_time_scaling(std::string_view name) {
  const Option* option = find_option(name);
  return option ? option->scaling : TimeScaling::Unscaled;
}

void apply_kumo_options(const KumoSection& section, KumoDestination& destination,
                        std::vector<ImportWarning>& warnings) {
  const bool provider_section = section.kind == KumoSection::Kind::Provider;
  for (const KumoParam& param : section.params) {
    const std::string& name = param.name;
    if (name == "connection_limit" || (name == "provider_connection_limit" && provider_section)) {
      const std::int64_t limit = read_limit(param);
      note_origin(destination, name, section, param.value_at, std::to_string(limit), warnings);
      (name == "connection_limit" ? destination.connection_limit : destination.provider_connection_limit) =
          KumoDestination::Origin{&section, param.value_at, std::to_string(limit)};
      if (name == "provider_connection_limit")
        warnings.push_back(
            {param.key_at, shorten(name, kQuotedValueMaxBytes),
             "mapped to max_smtp_out (the smaller of it and connection_limit): KumoMTA shares it "
             "per source across every site (MX set) the provider matches; delivsim's queue is "
             "per IP x provider, the same scope for the provider's domains delivsim knows, but "
             "other domains KumoMTA would also match (hosted domains on the provider's MX) do "
             "not share it"});
    } else if (name == "max_message_rate" || (name == "provider_max_message_rate" && provider_section)) {
      const std::string rate = rate_text(read_throttle(param, warnings));
      note_origin(destination, name, section, param.value_at, rate, warnings);
      (name == "max_message_rate" ? destination.max_message_rate : destination.provider_max_message_rate) =
          KumoDestination::Origin{&section, param.value_at, rate};
      if (name == "provider_max_message_rate")
        warnings.push_back(
            {param.key_at, shorten(name, kQuotedValueMaxBytes),
             "mapped to max_msg_rate (the lower of it and max_message_rate): KumoMTA shares it per "
             "source across every site the provider matches; delivsim's queue is per IP x "
             "provider, the same scope for the provider's domains delivsim knows"});
    } else if (name == "idle_timeout") {
      set_key(destination, "idle_timeout", scalar_node(read_idle_timeout(param, warnings), param.value_at),
              section, warnings);
    } else if (name == "max_connection_rate") {
      set_key(destination, "max_conn_rate",
              scalar_node(rate_text(read_throttle(param, warnings)), param.value_at), section, warnings);
    } else if (name == "max_deliveries_per_connection" || name == "max_ready" ||
               name == "consecutive_connection_failures_before_delay") {
      if (param.type != KumoParam::Type::Integer || param.integer < 1)
        fail_param(param, quote_value(param.text) + " is not a whole number >= 1", "a whole number >= 1");
      // The ready-queue keys keep KumoMTA's names (sender.mta: kumomta, docs/model.md 4.7).
      const std::string key = name == "max_deliveries_per_connection" ? "max_msg_per_connection" : name;
      set_key(destination, key, scalar_node(param.text, param.value_at), section, warnings);
    } else if (name == "source_selection_rate" ||
               (name == "provider_source_selection_rate" && provider_section)) {
      map_selection_rate(param, destination, section, warnings);
    } else {
      const Option* known = find_option(name);
      if (known != nullptr && !known->why.empty()) {
        warnings.push_back({param.key_at, name, std::string(known->why)});
      } else {
        const std::string hint = closest_name(name, known_option_names());
        warnings.push_back(
            {param.key_at, shorten(name, kQuotedValueMaxBytes),
             std::string(provider_section || !name.starts_with("provider_")
                             ? "not a kumo.make_egress_path option KumoMTA knows"
                             : "a provider-wide option outside a [provider.\"name\"] section") +
                 ": not imported" + (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)")});
      }
    }
  }
}

void finish_kumo_destination(KumoDestination& destination, std::int64_t inherited_limit,
                             double inherited_rate_per_s) {
  const std::int64_t limit =
      destination.connection_limit ? std::stoll(destination.connection_limit->text) : inherited_limit;
  if (destination.provider_connection_limit &&
      std::stoll(destination.provider_connection_limit->text) < limit) {
    const KumoDestination::Origin& origin = *destination.provider_connection_limit;
    set_entry(destination.policy, "max_smtp_out", scalar_node(origin.text, origin.at));
  } else if (destination.connection_limit) {
    const KumoDestination::Origin& origin = *destination.connection_limit;
    set_entry(destination.policy, "max_smtp_out", scalar_node(origin.text, origin.at));
  }
  const double rate = destination.max_message_rate ? rate_per_second(destination.max_message_rate->text)
                                                   : inherited_rate_per_s;
  if (destination.provider_max_message_rate &&
      (rate == 0 || rate_per_second(destination.provider_max_message_rate->text) < rate)) {
    const KumoDestination::Origin& origin = *destination.provider_max_message_rate;
    set_entry(destination.policy, "max_msg_rate", scalar_node(origin.text, origin.at));
  } else if (destination.max_message_rate) {
    const KumoDestination::Origin& origin = *destination.max_message_rate;
    set_entry(destination.policy, "max_msg_rate", scalar_node(origin.text, origin.at));
  }
}

}  // namespace delivsim
