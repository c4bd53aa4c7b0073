#include "sim/import/pmta_directives.h"

#include <array>
#include <utility>

#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

struct Known {
  std::string_view name;
  std::string_view why;                         ///< empty: read by the importer
  TimeScaling scaling = TimeScaling::Unscaled;  ///< how `delivsim import --time-scale` moves its value
};

constexpr std::string_view kServer =
    "server setup (listening, management, spool, logging); no effect on delivery";
constexpr std::string_view kTls =
    "a run's mail always goes over TLS, so Gmail's 4.7.29 for bulk mail without it never applies; delivsim "
    "serve "
    "meets the MTA's real STARTTLS";
constexpr std::string_view kDkim =
    "DKIM signing is an identity property in delivsim (identities.domains[].dkim), not a per-destination "
    "setting";
constexpr std::string_view kRouting = "routing mail between queues or hosts is not modelled";
constexpr std::string_view kTimeout =
    "delivsim's SMTP timings come from the provider's connect_time and "
    "message_time, not from the sender's timeouts";
constexpr std::string_view kNotModelled = "not modelled by delivsim's sender";

constexpr auto kKnown = std::to_array<Known>({
    // read by the importer
    {"virtual-mta", ""},
    {"virtual-mta-pool", ""},
    {"smtp-source-host", ""},
    {"domain", ""},
    {"domain-macro", ""},
    {"source", ""},
    {"default-virtual-mta", ""},
    {"smtp-pattern-list", ""},
    {"reply", ""},
    {"max-smtp-out", ""},
    {"max-msg-per-connection", ""},
    {"connection-idle-timeout", ""},
    {"max-msg-rate", "", TimeScaling::Rate},
    {"max-connect-rate", "", TimeScaling::Rate},
    {"retry-after", "", TimeScaling::Timer},
    {"bounce-after", "", TimeScaling::Timer},
    {"backoff-max-msg-rate", "", TimeScaling::Rate},
    {"backoff-retry-after", "", TimeScaling::Timer},
    {"backoff-to-normal-after", "", TimeScaling::Timer},
    {"backoff-to-normal-after-delivery", ""},
    {"backoff-max-smtp-out", ""},
    {"max-cold-virtual-mta-msg", "", TimeScaling::Rate},
    {"reenable-source-ip-after",
     "re-enabling an IP disabled by disable-source-ip without reenable-after= is not modelled (see that "
     "pattern rule's warning)",
     TimeScaling::Timer},
    // documented, not modelled
    {"postmaster", kServer},
    {"host-name", kServer},
    {"smtp-listener", kServer},
    {"smtp-port", kServer},
    {"http-mgmt-port", kServer},
    {"http-access", kServer},
    {"http-redirect-to-https", kServer},
    {"spool", kServer},
    {"log-file", kServer},
    {"run-as-root", kServer},
    {"sync-msg-create", kServer},
    {"sync-msg-update", kServer},
    {"pickup", kServer},
    {"acct-file", "accounting output settings; delivsim writes its own accounting.csv (accounting: true)"},
    {"smtp-user", "SMTP AUTH users for injection; delivsim injects its traffic directly"},
    {"bounce-category-patterns", "bounce classification for accounting; delivsim classifies replies itself"},
    {"always-allow-relaying", "injection policy of a <source>; delivsim injects its traffic directly"},
    {"process-x-virtual-mta", "injection policy of a <source>; delivsim's traffic names its pool"},
    {"smtp-service", "injection policy of a <source>; delivsim injects its traffic directly"},
    {"max-message-size", "injection policy of a <source>; delivsim's traffic sets message_size_bytes"},
    {"log-connections", kServer},
    {"log-commands", kServer},
    {"log-data", kServer},
    {"log-resolution", kServer},
    {"log-transfer-failures", kServer},
    {"log-disabled-ips", kServer},
    {"use-starttls", kTls},
    {"require-starttls", kTls},
    {"use-unencrypted-plain-auth", kTls},
    {"auth-username", "SMTP AUTH to the receiver is not simulated"},
    {"auth-password", "SMTP AUTH to the receiver is not simulated"},
    {"dkim-sign", kDkim},
    {"domain-key", kDkim},
    {"dkim-identity", kDkim},
    {"dkim-algorithm", kDkim},
    {"dkim-headers", kDkim},
    {"bounce-upon-no-mx", "DNS is not simulated: every delivsim provider has an MX host"},
    {"bounce-upon-5xx-greeting", "delivsim's sender always treats a 5xx greeting as permanent"},
    {"bounce-upon-transfer-failure", "delivsim does not simulate connections failing during transfer"},
    {"max-rcpt-per-transaction", "delivsim's messages have one recipient each"},
    {"max-rcpt-per-message", "delivsim's messages have one recipient each"},
    {"max-errors-per-connection", kNotModelled},
    {"retry-recipients-after", "delivsim retries per message (one recipient each) on the retry schedule",
     TimeScaling::Timer},
    {"retry-after-dns-error", "DNS is not simulated", TimeScaling::Timer},
    {"connect-timeout", kTimeout},
    {"smtp-greeting-timeout", kTimeout},
    {"data-send-timeout", kTimeout},
    {"smtp-data-termination-timeout", kTimeout},
    {"smtp-out-rampup-interval", "delivsim opens connections as soon as max_conn_rate allows",
     TimeScaling::Timer},
    {"backoff-max-connect-rate", "delivsim's backoff mode changes the message rate and retry interval only",
     TimeScaling::Rate},
    {"backoff-upon-all-sources-disabled", "delivsim has no disabled-source-ip state (see the pattern rule)"},
    {"backoff-notify", "notifications by mail are not simulated"},
    {"disabled-source-ip-notify", "notifications by mail are not simulated"},
    {"backoff-reroute-to-virtual-mta", kRouting},
    {"reroute-to-virtual-mta", kRouting},
    {"queue-to", kRouting},
    {"route", kRouting},
    {"mx-rollup", kRouting},
    {"disable-mx-rollup", "delivsim's queue is per provider already (as if every provider's MXs rolled up)"},
    {"queue-priority", "delivsim's queues do not compete for connection slots"},
    {"allow-priority-interruption", "delivsim's queues do not compete for connection slots"},
    {"smtp-421-means-mx-unavailable", "each delivsim provider has one MX host"},
    {"source-ip-max-msg-rate", "per-source-IP limits inside a queue: a delivsim queue is one IP already",
     TimeScaling::Rate},
    {"source-ip-max-smtp-out", "per-source-IP limits inside a queue: a delivsim queue is one IP already"},
    {"source-ip-max-connect-rate", "per-source-IP limits inside a queue: a delivsim queue is one IP already",
     TimeScaling::Rate},
    {"max-data-volume-rate", "delivsim limits messages, not bytes"},
    {"backoff-max-data-volume-rate", "delivsim limits messages, not bytes"},
    {"ignore-pipelining", "SMTP extensions are not simulated"},
    {"ignore-chunking", "SMTP extensions are not simulated"},
    {"ignore-8bitmime", "SMTP extensions are not simulated"},
    {"ignore-dsn", "SMTP extensions are not simulated"},
    {"dsn-format", "DSNs are not simulated"},
    {"notify-of-delay-every", "DSNs are not simulated", TimeScaling::Timer},
    {"deliver-local-dsn", "DSNs are not simulated"},
    {"bcc-upon-delivery", kNotModelled},
    {"track-recipient-events", kServer},
    {"max-events-recorded", kServer},
    {"disable-acct-records", "accounting output settings; delivsim writes its own accounting.csv"},
    {"type", "delivery by SMTP is the only kind delivsim simulates"},
    {"smtp-hosts", kRouting},
    {"max-conn-rate",
     "not PowerMTA's name: its directive is max-connect-rate (PowerMTA User's Guide) (did you "
     "mean 'max-connect-rate'?)"},
    {"include", "not followed: pass the included file as one more FILE to the import"},
});

/// Names that are not PowerMTA's but are written in PowerMTA guides on SEO pages (domain-facts-wave2 2.1).
constexpr auto kInvented = std::to_array<std::string_view>(
    {"limits", "throttle", "back-off-mode", "retry-backoff", "max-smtp-out-msg-rate"});

const Known* find_known(std::string_view name) {
  for (const Known& known : kKnown) {
    if (known.name == name) return &known;
  }
  return nullptr;
}

std::string with_hint(std::string why, std::string_view name) {
  const std::string hint = closest_name(name, pmta_known_names());
  if (!hint.empty() && hint != name) why += " (did you mean '" + hint + "'?)";
  return why;
}

}  // namespace

const std::vector<std::string_view>& pmta_known_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> all;
    for (const Known& known : kKnown) all.push_back(known.name);
    return all;
  }();
  return names;
}

TimeScaling pmta_time_scaling(std::string_view name) {
  const Known* known = find_known(name);
  return known ? known->scaling : TimeScaling::Unscaled;
}

ImportWarning pmta_warning(const PmtaItem& item, std::string why) {
  const std::string name = shorten(item.name, 80);
  return ImportWarning{item.where, item.block ? "<" + name + ">" : name, std::move(why)};
}

ImportWarning pmta_unused(const PmtaItem& item, std::string_view where_used) {
  const std::string place = where_used.empty() ? "" : " in " + std::string(where_used);
  for (std::string_view invented : kInvented) {
    if (invented == item.name) {
      return pmta_warning(item,
                          with_hint("not a PowerMTA directive (it appears only in web-page guides, not in "
                                    "PowerMTA's reference); not used",
                                    item.name));
    }
  }
  if (const Known* known = find_known(item.name)) {
    const std::string why =
        known->why.empty()
            ? "delivsim reads it only where PowerMTA's reference places it, not " +
                  (where_used.empty() ? std::string("at the top level") : "in " + std::string(where_used))
            : std::string(known->why);
    return pmta_warning(item, "not used" + place + ": " + why);
  }
  return pmta_warning(item, with_hint("unknown directive" + place +
                                          " (not in PowerMTA's reference as delivsim "
                                          "knows it); not used",
                                      item.name));
}

}  // namespace delivsim
