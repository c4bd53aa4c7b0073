#include "sim/import/postfix_import.h"
#include "sim/import/scenario_duration_text.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <tuple>

#include "models/default_provider.h"
#include "models/provider_profile.h"
#include "sim/import/postfix_files.h"
#include "sim/import/postfix_lines.h"
#include "sim/import/postfix_parameters.h"
#include "sim/import/postfix_settings.h"
#include "sim/import/tree_builder.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// Lookup table types whose source is the postmap text format delivsim reads (DATABASE_README).
constexpr std::array<std::string_view, 7> kIndexedTableTypes{"texthash", "hash", "lmdb", "btree",
                                                             "cdb",      "dbm",  "sdbm"};

/// Where `sender.mta: postfix` comes from: the importer's format, not a line.
const SourcePosition kPostfixSemantics{
    "Postfix's queue manager: its backoff, slow start and dead destinations "
    "(docs/model.md 4.6)",
    0, 0};

/// A value to write, and where it came from.
struct Knob {
  std::string text;
  SourcePosition at;
  bool written() const { return at.line > 0; }
};

/// The shaping a transport's mail gets, as scenario text: the destination keys of `mta: postfix`.
struct Shaping {
  Knob max_smtp_out;         ///< _destination_concurrency_limit
  Knob rate_delay;           ///< _destination_rate_delay
  Knob initial_concurrency;  ///< _initial_destination_concurrency
  Knob failed_cohort_limit;  ///< _destination_concurrency_failed_cohort_limit

  /// Each key with its knob, in the order written.
  std::array<std::pair<const char*, const Knob*>, 4> keys() const {
    return {{{"max_smtp_out", &max_smtp_out},
             {"rate_delay", &rate_delay},
             {"initial_concurrency", &initial_concurrency},
             {"concurrency_failed_cohort_limit", &failed_cohort_limit}}};
  }
};

/// A provider's routing from the transport maps.
struct ProviderRoute {
  std::string provider;
  std::string transport;
  SourcePosition at;  ///< the first route's key
  bool new_provider = false;
  std::vector<std::pair<std::string, SourcePosition>> domains;  ///< for a new provider
};

SourcePosition default_source() {
  return SourcePosition{std::string(kPostfixDefaultSource), 0, 0};
}

bool is_default_provider_name(const std::string& name) {
  return std::any_of(provider_profiles().begin(), provider_profiles().end(),
                     [&](const ProviderProfile& profile) { return profile.default_provider == name; });
}

class PostfixImporter {
 public:
  explicit PostfixImporter(PostfixFiles files)
      : files_(std::move(files)), qmgr_settings_(settings_for_qmgr()) {}

  ImportedConfig run() {
    result_.scenario_keys = map_node(SourcePosition{files_.main_file, 1, 1});
    read_routes();
    default_transport_ = route_star_ ? route_star_->transport : configured_default_transport();
    write_default_pool();
    write_sender_defaults();
    write_destinations();
    classify_main_parameters();
    classify_overrides();
    sort_warnings();
    order_sections();
    return std::move(result_);
  }

 private:
  PostfixSettings settings_for_qmgr() const {
    PostfixSettings settings(files_.main);
    for (const PostfixService& service : files_.services) {
      if (service.command == "qmgr" || service.command == "oqmgr") return settings.with(service.overrides);
    }
    return settings;
  }

  void warn(const SourcePosition& where, std::string directive, std::string why) {
    result_.warnings.push_back(ImportWarning{where, std::move(directive), std::move(why)});
  }

  const PostfixService* service(const std::string& name) const {
    for (const PostfixService& s : files_.services) {
      if (s.name == name && s.type != "inet") return &s;
    }
    return nullptr;
  }

  bool is_smtp_transport(const PostfixService& s) const { return s.command == "smtp" || s.command == "lmtp"; }

  /// default_transport's transport part ("smtp" of "smtp:[relay.example.com]"); a nexthop is warned about.
  std::string configured_default_transport() {
    const PostfixValue value = qmgr_settings_.value("default_transport");
    const std::size_t colon = value.text.find(':');
    if (colon != std::string::npos && colon + 1 < value.text.size()) {
      warn(value.at, "default_transport",
           "nexthop " + quote_value(value.text.substr(colon + 1)) +
               " is not modelled: delivsim delivers to the provider's own simulated MX");
    }
    return value.text.substr(0, colon);
  }

  // --- Transport maps ----------------------------------------------------------------------------------

  /// The given table that `path` (from transport_maps) names: same file name, or a file name ending in
  /// "-<name>", "_<name>" or ".<name>" (a copy renamed for the command line, e.g. postfix-transport).
  const PostfixTable* table_named(const std::string& path) const {
    const std::string base = std::filesystem::path(path).filename().string();
    if (base.empty()) return nullptr;
    for (const PostfixTable& table : files_.tables) {
      const std::string given = std::filesystem::path(table.file).filename().string();
      if (given == base) return &table;
      for (const char separator : {'-', '_', '.'}) {
        if (given.ends_with(std::string(1, separator) + base)) return &table;
      }
    }
    return nullptr;
  }

  void read_routes() {
    const PostfixValue maps = qmgr_settings_.value("transport_maps");
    std::vector<const PostfixTable*> used;
    for (const auto& [offset, word] : postfix_words(maps.text, " \t,")) {
      const std::size_t colon = word.find(':');
      const std::string type(word.substr(0, colon == std::string_view::npos ? 0 : colon));
      const std::string path(colon == std::string_view::npos ? word : word.substr(colon + 1));
      if (std::find(kIndexedTableTypes.begin(), kIndexedTableTypes.end(), type) == kIndexedTableTypes.end()) {
        warn(maps.at, "transport_maps",
             "table " + quote_value(word) +
                 " is not read: delivsim reads indexed tables (texthash:, hash:, lmdb:, btree:, cdb:) from "
                 "their source text; routes from other table types are not imported");
        continue;
      }
      const PostfixTable* table = table_named(path);
      if (!table) {
        warn(maps.at, "transport_maps",
             "table " + quote_value(word) +
                 " is not among the files given (give its source text, e.g. /etc/postfix/transport); its "
                 "routes are not imported");
        continue;
      }
      used.push_back(table);
      for (const PostfixRoute& route : table->routes) read_route(route);
    }
    for (const PostfixTable& table : files_.tables) {
      if (std::find(used.begin(), used.end(), &table) == used.end()) {
        warn(SourcePosition{table.file, 0, 0}, "transport_maps",
             "this file is not a table transport_maps names (matched by file name); it is not used");
      }
    }
  }

  void read_route(const PostfixRoute& route) {
    if (route.key.find('@') != std::string::npos) {
      warn(route.key_at, route.key,
           "a per-recipient route is not modelled: delivsim routes by recipient domain (provider)");
      return;
    }
    if (route.key.starts_with('.')) {
      warn(route.key_at, route.key,
           "a subdomain route is not modelled: delivsim providers list exact domains");
      return;
    }
    const std::string transport = route.transport.empty() ? configured_default_transport() : route.transport;
    if (!files_.master_file) {
      warn(route.value_at, route.key,
           "no master.cf given: transport " + quote_value(transport) +
               " is taken as an SMTP client with main.cf's settings");
    } else if (const PostfixService* s = service(transport); !s) {
      warn(route.value_at, route.key,
           "transport " + quote_value(transport) + " is not a master.cf service; this route is not imported");
      return;
    } else if (!is_smtp_transport(*s)) {
      warn(
          route.value_at, route.key,
          "transport " + quote_value(transport) + " delivers with " + quote_value(s->command) +
              ", not SMTP; delivsim simulates SMTP delivery to the providers, so this route is not imported");
      return;
    }
    if (!route.nexthop.empty()) {
      warn(route.value_at, route.key,
           "nexthop " + quote_value(route.nexthop) +
               " is not modelled: delivsim delivers to the provider's own simulated MX");
    }
    if (route.key == "*") {
      if (!route_star_) route_star_ = ProviderRoute{"", transport, route.key_at, false, {}};
      return;
    }
    if (std::find(result_.recipient_domains.begin(), result_.recipient_domains.end(), route.key) ==
        result_.recipient_domains.end()) {
      result_.recipient_domains.push_back(route.key);
    }
    const ProviderProfile* listing = default_profile_listing(route.key);
    const bool new_provider = listing == nullptr;
    std::string provider = new_provider ? std::string() : listing->default_provider;
    // A provider of its own for the transport's other domains, named after it (not after a default one).
    if (new_provider) provider = is_default_provider_name(transport) ? transport + "-domains" : transport;
    for (ProviderRoute& known : routes_) {
      if (known.provider != provider) continue;
      if (known.transport != transport) {
        warn(route.key_at, route.key,
             "provider " + quote_value(provider) + " is already routed through " +
                 quote_value(known.transport) + " at " + known.at.file + ":" + std::to_string(known.at.line) +
                 "; delivsim shapes a provider "
                 "one way, so this route to " +
                 quote_value(transport) + " is not imported");
        return;
      }
      if (new_provider) known.domains.emplace_back(route.key, route.key_at);
      return;
    }
    ProviderRoute added{provider, transport, route.key_at, new_provider, {}};
    if (new_provider) added.domains.emplace_back(route.key, route.key_at);
    routes_.push_back(std::move(added));
  }

  // --- Pools and identities ----------------------------------------------------------------------------

  /// The pool of `transport` (named after it, holding its smtp_bind_address), added on first use; empty
  /// when the transport has no bind address.
  std::string pool_of(const std::string& transport) {
    if (const auto it = pools_.find(transport); it != pools_.end()) return it->second;
    const PostfixService* s = service(transport);
    const PostfixSettings settings =
        s ? PostfixSettings(files_.main).with(s->overrides) : PostfixSettings(files_.main);
    const PostfixValue address = settings.value("smtp_bind_address");
    std::string pool;
    if (!address.text.empty()) {
      pool = transport;
      YamlNode& identities = child_map(result_.scenario_keys, "identities", address.at);
      YamlNode& ips = identities.find("ips") ? *identities.find("ips")
                                             : set_entry(identities, "ips", sequence_node(address.at));
      const bool known = std::any_of(ips.items.begin(), ips.items.end(), [&](const YamlNode& ip) {
        return ip.find("address")->scalar == address.text;
      });
      if (!known) {
        YamlNode ip = map_node(address.at);
        set_entry(ip, "address", scalar_node(address.text, address.at, true));
        ips.items.push_back(std::move(ip));
      }
      YamlNode& pools = child_map(result_.scenario_keys, "pools", address.at);
      YamlNode list = sequence_node(address.at);
      list.items.push_back(scalar_node(address.text, address.at, true));
      set_entry(pools, pool, std::move(list));
    }
    pools_[transport] = pool;
    return pool;
  }

  void write_default_pool() {
    result_.default_pool = pool_of(default_transport_);
    if (result_.default_pool.empty()) {
      const PostfixService* s = service(default_transport_);
      warn(
          s ? s->at : qmgr_settings_.value("default_transport").at, "smtp_bind_address",
          "the default transport " + quote_value(default_transport_) +
              " has no smtp_bind_address: its mail leaves from the host's own address, which the config does "
              "not name, so there is no default pool (give the traffic a pool)");
    }
  }

  // --- Shaping -----------------------------------------------------------------------------------------

  /// A scheduler setting of `transport`: its own `<transport>_...` value, else the default_... one.
  PostfixValue scheduler_value(const std::string& transport, SchedulerSetting setting) const {
    return qmgr_settings_.value(scheduler_name(transport, setting));
  }

  /// The parameter that decides a scheduler setting of `transport`: `<transport>_...` when written, else
  /// the default_... one.
  std::string scheduler_name(const std::string& transport, SchedulerSetting setting) const {
    const std::string own = scheduler_parameter_name(transport, setting);
    return qmgr_settings_.written(own) ? own : scheduler_parameter_name("default", setting);
  }

  /// A timer's value in seconds (a bare number in the unit postfix_timer_unit gives for `name`).
  std::int64_t time_value(const PostfixValue& value, const std::string& name) const {
    const char unit = postfix_timer_unit(name).value_or('s');
    const std::optional<std::int64_t> seconds = parse_postfix_time(value.text, unit);
    if (!seconds) {
      throw ScenarioError(
          value.at.file, value.at.line, value.at.column, name,
          "is not a Postfix time value: " + quote_value(value.text),
          "a whole number with an optional unit s, m, h, d or w (bare: " + std::string(1, unit) + ")");
    }
    return *seconds;
  }

  /// A scheduler setting of `transport` that is a whole number, as a knob (the Postfix default's text when
  /// not written).
  Knob whole_number_knob(const std::string& transport, SchedulerSetting setting, std::int64_t minimum) const {
    const PostfixValue value = scheduler_value(transport, setting);
    const bool whole =
        !value.text.empty() && value.text.size() <= 9 &&
        std::all_of(value.text.begin(), value.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!whole || std::stoll(value.text) < minimum) {
      throw ScenarioError(
          value.at.file, value.at.line, value.at.column, scheduler_name(transport, setting),
          "is not a whole number >= " + std::to_string(minimum) + ": " + quote_value(value.text),
          "a whole number >= " + std::to_string(minimum));
    }
    return Knob{value.text, value.written ? value.at : default_source()};
  }

  Shaping shaping_of(const std::string& transport) {
    Shaping shaping;
    const Knob limit = whole_number_knob(transport, SchedulerSetting::ConcurrencyLimit, 0);
    // 0 is no limit in Postfix; delivsim's Postfix default (20) stands then.
    shaping.max_smtp_out = limit.text == "0" ? Knob{"20", default_source()} : limit;
    const PostfixValue delay = scheduler_value(transport, SchedulerSetting::RateDelay);
    const std::int64_t delay_s = time_value(delay, scheduler_name(transport, SchedulerSetting::RateDelay));
    shaping.rate_delay =
        Knob{scenario_duration_text(1000 * delay_s), delay.written ? delay.at : default_source()};
    shaping.initial_concurrency = whole_number_knob(transport, SchedulerSetting::InitialConcurrency, 1);
    shaping.failed_cohort_limit = whole_number_knob(transport, SchedulerSetting::FailedCohortLimit, 0);
    return shaping;
  }

  void write_sender_defaults() {
    const SourcePosition main_at{files_.main_file, 1, 1};
    YamlNode& sender = child_map(result_.scenario_keys, "sender", main_at);
    set_entry(sender, "mta", scalar_node("postfix", kPostfixSemantics));
    YamlNode& defaults = child_map(sender, "defaults", main_at);
    default_shaping_ = shaping_of(default_transport_);
    for (const auto& [key, knob] : default_shaping_.keys()) {
      if (knob->written()) set_entry(defaults, key, scalar_node(knob->text, knob->at));
    }
    const PostfixValue queue_run = qmgr_settings_.value("queue_run_delay");
    if (queue_run.written) {
      set_entry(
          defaults, "queue_run_delay",
          scalar_node(scenario_duration_text(1000 * time_value(queue_run, "queue_run_delay")), queue_run.at));
    }
    write_retry(defaults);
    write_bounce_after(defaults);
  }

  void write_retry(YamlNode& defaults) {
    const PostfixValue minimal = qmgr_settings_.value("minimal_backoff_time");
    const PostfixValue maximal = qmgr_settings_.value("maximal_backoff_time");
    const SourcePosition at = minimal.written ? minimal.at : maximal.at;
    YamlNode& retry = set_entry(defaults, "retry", map_node(at));
    YamlNode& exponential = set_entry(retry, "exponential", map_node(at));
    set_entry(
        exponential, "initial",
        scalar_node(scenario_duration_text(1000 * time_value(minimal, "minimal_backoff_time")), minimal.at));
    set_entry(
        exponential, "max",
        scalar_node(scenario_duration_text(1000 * time_value(maximal, "maximal_backoff_time")), maximal.at));
    // Postfix doubles the backoff after each failed attempt (qmgr_active.c); it has no parameter for it.
    set_entry(exponential, "factor", scalar_node("2", default_source()));
  }

  void write_bounce_after(YamlNode& defaults) {
    const PostfixValue lifetime = qmgr_settings_.value("maximal_queue_lifetime");
    const std::int64_t seconds = time_value(lifetime, "maximal_queue_lifetime");
    if (seconds == 0) {
      warn(lifetime.at, "maximal_queue_lifetime",
           "0 means one delivery attempt only; written as bounce_after 1s (a message bounces at its first "
           "deferral)");
    }
    set_entry(defaults, "bounce_after",
              scalar_node(scenario_duration_text(1000 * std::max<std::int64_t>(seconds, 1)), lifetime.at));
  }

  void write_destinations() {
    for (const ProviderRoute& route : routes_) {
      if (route.new_provider) write_new_provider(route);
      if (route.transport == default_transport_) continue;  // the defaults already are its shaping
      YamlNode& destinations = child_map(*result_.scenario_keys.find("sender"), "destinations", route.at);
      YamlNode& destination = child_map(destinations, route.provider, route.at);
      const std::string pool = pool_of(route.transport);
      if (pool.empty()) {
        warn(route.at, route.transport,
             "transport " + quote_value(route.transport) + " has no smtp_bind_address: provider " +
                 quote_value(route.provider) + "'s mail goes through each traffic source's own pool");
      } else {
        set_entry(destination, "pool", scalar_node(pool, route.at, true));
      }
      const Shaping shaping = shaping_of(route.transport);
      const auto defaults = default_shaping_.keys();
      const auto own = shaping.keys();
      for (std::size_t i = 0; i < own.size(); ++i) {
        if (own[i].second->text != defaults[i].second->text) {
          set_entry(destination, own[i].first, scalar_node(own[i].second->text, own[i].second->at));
        }
      }
      routed_transports_.push_back(route.transport);
    }
  }

  void write_new_provider(const ProviderRoute& route) {
    YamlNode& providers = child_map(result_.scenario_keys, "providers", route.at);
    YamlNode& provider = child_map(providers, route.provider, route.at);
    set_entry(provider, "profile", scalar_node("generic", route.at, true));
    YamlNode domains = sequence_node(route.at);
    for (const auto& [domain, at] : route.domains) domains.items.push_back(scalar_node(domain, at, true));
    set_entry(provider, "domains", std::move(domains));
  }

  // --- Warnings for everything else ----------------------------------------------------------------------

  void warn_comment(const std::string& name, const SourcePosition& at) {
    warn(at, name,
         "text after the value starts with '#': Postfix reads it as part of the value (postconf(5): '#' "
         "starts "
         "a comment only at the start of a line) and would refuse it; read without it");
  }

  bool transport_is_used(const std::string& transport) const {
    return transport == "default" || transport == default_transport_ ||
           std::find(routed_transports_.begin(), routed_transports_.end(), transport) !=
               routed_transports_.end();
  }

  void classify_scheduler(const PostfixParameter& p, const SchedulerParameter& sp) {
    if (sp.transport != "default" && files_.master_file && !service(sp.transport)) {
      std::vector<std::string_view> names;
      for (const PostfixService& s : files_.services) names.push_back(s.name);
      warn(
          p.name_at, p.name,
          "transport " + quote_value(sp.transport) +
              " is not a master.cf service, so this setting changes "
              "nothing" +
              [&] {
                const std::string hint = closest_name(sp.transport, names);
                return hint.empty() ? std::string() : " (did you mean '" + hint + "'?)";
              }());
      return;
    }
    switch (sp.setting) {
      case SchedulerSetting::ConcurrencyLimit:
      case SchedulerSetting::RateDelay:
      case SchedulerSetting::InitialConcurrency:
      case SchedulerSetting::FailedCohortLimit: {
        if (!transport_is_used(sp.transport)) {
          warn(p.name_at, p.name,
               "transport " + quote_value(sp.transport) +
                   " carries none of the imported mail (not the default transport, in no imported route)");
          return;
        }
        if (sp.setting == SchedulerSetting::ConcurrencyLimit) {
          const PostfixValue delay = scheduler_value(sp.transport, SchedulerSetting::RateDelay);
          if (time_value(delay, scheduler_name(sp.transport, SchedulerSetting::RateDelay)) > 0) {
            warn(p.name_at, p.name,
                 "has no effect while the rate delay is non-zero (QSHAPE_README: one delivery at a time per "
                 "destination), as in delivsim's Postfix mode");
            return;
          }
        }
        if (sp.setting == SchedulerSetting::RateDelay &&
            time_value(qmgr_settings_.value(p.name), p.name) == 0) {
          return;  // 0s: no rate delay, the default
        }
        if (sp.transport == "default" && sp.setting != SchedulerSetting::ConcurrencyLimit) return;
        warn(p.name_at, p.name,
             "imported, with a difference: Postfix applies it per destination domain of the transport, "
             "delivsim "
             "per queue (IP x provider), so the domains of one provider share it");
        return;
      }
      case SchedulerSetting::RecipientLimit:
        warn(p.name_at, p.name,
             "not modelled: a delivsim message has one recipient" +
                 std::string(
                     qmgr_settings_.value(p.name).text == "1"
                         ? "; with a limit of 1 Postfix's destination is the recipient, so its concurrency "
                           "and rate delay apply per recipient, not per domain as imported"
                         : ""));
        return;
      case SchedulerSetting::PositiveFeedback:
      case SchedulerSetting::NegativeFeedback:
        if (qmgr_settings_.value(p.name).text == "1") return;  // Postfix's default, what delivsim models
        warn(p.name_at, p.name,
             "not modelled: delivsim's Postfix mode changes the window by 1 per delivery and per failed "
             "connection (the default feedback), not by " +
                 quote_value(qmgr_settings_.value(p.name).text));
        return;
      case SchedulerSetting::Other:
        warn(p.name_at, p.name, "not modelled: a queue manager setting delivsim has no knob for");
        return;
    }
  }

  void classify(const PostfixParameter& p) {
    if (postfix_parameter_has_no_effect(p.name)) return;
    const PostfixValue value = qmgr_settings_.value(p.name);
    if (p.name == "bounce_queue_lifetime") {
      warn(p.name_at, p.name,
           "applies to Postfix's own bounce messages (MAILER-DAEMON), which delivsim does not send; ordinary "
           "mail's lifetime is maximal_queue_lifetime (bounce_after)");
    } else if (p.name == "relayhost" || p.name == "sender_dependent_relayhost_maps" ||
               p.name == "sender_dependent_default_transport_maps" || p.name == "smtp_bind_address6") {
      if (!value.text.empty()) {
        warn(p.name_at, p.name,
             p.name == "smtp_bind_address6" ? "not modelled: delivsim's providers have no address family; "
                                              "only smtp_bind_address is imported"
                                            : "not modelled: delivsim routes by recipient domain only, "
                                              "delivering straight to the provider");
      }
    } else if (const auto scheduler = split_scheduler_parameter(p.name);
               scheduler && p.name != "default_transport_rate_delay") {
      classify_scheduler(p, *scheduler);
    } else if (!postfix_default(p.name)) {
      std::vector<std::string_view> known = postfix_read_parameters();
      const std::string hint = closest_name(p.name, known);
      warn(p.name_at, p.name,
           "not modelled: delivsim has no knob for it" +
               (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    } else if (p.name == "default_transport_rate_delay" && time_value(value, p.name) > 0) {
      warn(p.name_at, p.name, "not modelled: delivsim has no per-transport delivery spacing");
    }
    if (value.had_comment && (postfix_default(p.name) || split_scheduler_parameter(p.name))) {
      warn_comment(p.name, value.at);
    }
  }

  void classify_main_parameters() {
    // The last definition counts (postconf(5)); an earlier one is replaced, not dropped silently.
    std::map<std::string, const PostfixParameter*> last;
    for (const PostfixParameter& p : files_.main) last[p.name] = &p;
    for (const PostfixParameter& p : files_.main) {
      if (last[p.name] != &p) {
        warn(p.name_at, p.name, "defined again later in main.cf; the later value counts (postconf(5))");
        continue;
      }
      if (qmgr_settings_.written(p.name)->name_at.file != p.name_at.file) {
        warn(p.name_at, p.name,
             "replaced by the qmgr service's -o in master.cf, which counts for the queue manager");
        continue;
      }
      classify(p);
    }
  }

  void classify_overrides() {
    for (const PostfixService& s : files_.services) {
      for (const PostfixParameter& p : s.overrides) {
        if (s.command == "qmgr" || s.command == "oqmgr") {
          classify(p);
        } else if (p.name == "smtp_bind_address") {
          if (!transport_is_used(s.name)) {
            warn(p.name_at, p.name,
                 "transport " + quote_value(s.name) +
                     " carries none of the imported mail (not the default transport, in no imported route), "
                     "so "
                     "its address is not imported");
          }
        } else if (postfix_parameter_has_no_effect(p.name)) {
          continue;
        } else if (split_scheduler_parameter(p.name)) {
          warn(p.name_at, p.name,
               "read by the queue manager, not by service " + quote_value(s.name) +
                   ": a -o here has no effect in Postfix (set it in main.cf)");
        } else {
          warn(p.name_at, p.name,
               "not modelled: delivsim has no knob for it (-o of service " + quote_value(s.name) + ")");
        }
      }
    }
  }

  /// The top-level keys in the order docs/scenario-format.md writes them.
  void order_sections() {
    constexpr std::array<std::string_view, 4> kOrder{"identities", "pools", "providers", "sender"};
    std::vector<YamlMapEntry>& entries = result_.scenario_keys.entries;
    std::stable_sort(entries.begin(), entries.end(), [&](const YamlMapEntry& a, const YamlMapEntry& b) {
      return std::find(kOrder.begin(), kOrder.end(), a.key) < std::find(kOrder.begin(), kOrder.end(), b.key);
    });
  }

  void sort_warnings() {
    std::vector<std::string> order{files_.main_file};
    if (files_.master_file) order.push_back(*files_.master_file);
    for (const PostfixTable& table : files_.tables) order.push_back(table.file);
    order.emplace_back(kPostfixDefaultSource);
    const auto rank = [&](const SourcePosition& at) {
      return std::find(order.begin(), order.end(), at.file) - order.begin();
    };
    std::stable_sort(result_.warnings.begin(), result_.warnings.end(),
                     [&](const ImportWarning& a, const ImportWarning& b) {
                       return std::tuple(rank(a.where), a.where.line, a.where.column) <
                              std::tuple(rank(b.where), b.where.line, b.where.column);
                     });
  }

  PostfixFiles files_;
  PostfixSettings qmgr_settings_;  ///< main.cf with the qmgr service's -o overrides
  ImportedConfig result_;
  std::vector<ProviderRoute> routes_;
  std::optional<ProviderRoute> route_star_;  ///< the transport maps' "*" route: a new default transport
  std::string default_transport_;
  Shaping default_shaping_;
  std::map<std::string, std::string> pools_;  ///< transport -> its pool ("" when it has no bind address)
  std::vector<std::string> routed_transports_;
};

}  // namespace

ImportedConfig import_postfix(const std::vector<std::filesystem::path>& files) {
  return PostfixImporter(read_postfix_files(files)).run();
}

}  // namespace delivsim
