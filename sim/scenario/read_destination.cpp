#include <climits>

#include "models/kumomta_scheduler.h"
#include "models/postfix_scheduler.h"

#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/units_parse.h"
#include "sim/scenario/value_syntax.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

const std::vector<std::pair<std::string_view, SenderMta>> kMtas = {
    {"powermta", SenderMta::PowerMta}, {"postfix", SenderMta::Postfix}, {"kumomta", SenderMta::KumoMta}};

std::string_view mta_name(SenderMta mta) {
  for (const auto& [name, value] : kMtas)
    if (value == mta) return name;
  return "powermta";
}

/// Fails on each of `keys` given in `fields` unless the sender's mta is `owner` (whose setting they are).
void require_mta_for(const MapReader& fields, const DestinationPolicy& policy, SenderMta owner,
                     std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    const auto value = fields.get(key);
    if (value && policy.mta != owner) {
      value->fail("is a " + std::string(owner == SenderMta::Postfix ? "Postfix" : "KumoMTA") +
                      " setting but sender.mta is " + std::string(mta_name(policy.mta)),
                  "sender.mta: " + std::string(mta_name(owner)) + " with it, or no " + std::string(key));
    }
  }
}

/// The one key of `fields` that is given among `choices`; fails unless exactly one is.
std::string_view only_choice(const MapReader& fields, const std::vector<std::string_view>& choices) {
  std::string listed;
  std::vector<std::string_view> given;
  for (const std::string_view choice : choices) {
    listed += (listed.empty() ? "" : " or ") + std::string(choice);
    if (fields.has(choice)) given.push_back(choice);
  }
  if (given.size() != 1) {
    fields.field().fail(given.empty() ? "gives none of " + listed : "gives more than one of " + listed,
                        "exactly one of " + listed);
  }
  return given.front();
}

std::vector<Duration> read_retry_offsets(const Field& field) {
  const std::string expected = "a list of increasing durations > 0 such as [15m, 1h, 4h, 12h]";
  std::vector<Duration> offsets;
  for (const Field& item : list_items(field, expected)) {
    const Duration offset = read_duration(item, DurationBound::Positive);
    if (!offsets.empty() && offset <= offsets.back()) {
      item.fail(
          quote_value(item.node().scalar) + " is not after the offset before it (retry list not increasing)",
          expected);
    }
    offsets.push_back(offset);
  }
  if (offsets.empty()) field.fail("is empty", expected);
  return offsets;
}

/// An exponential schedule; keys not given keep `inherited`'s values when it is exponential too (the
/// defaults' or the MTA's schedule), else RetrySchedule's.
RetrySchedule read_exponential_retry(const Field& field, const RetrySchedule& inherited) {
  const MapReader fields(field, {"initial", "max", "factor", "jitter"});
  RetrySchedule retry = inherited.kind == RetrySchedule::Kind::Exponential ? inherited : RetrySchedule{};
  retry.kind = RetrySchedule::Kind::Exponential;
  if (auto value = fields.get("initial")) retry.initial = read_duration(*value, DurationBound::Positive);
  if (auto value = fields.get("max")) retry.max = read_duration(*value, DurationBound::Positive);
  if (retry.max < retry.initial) {
    fields.get("max")
        .value_or(fields.field())
        .fail("max is below initial (max defaults to " + duration_text(retry.max) + ")", "initial <= max");
  }
  if (auto value = fields.get("factor")) retry.factor = read_number(*value, NumberRange{1.0, false});
  if (auto value = fields.get("jitter")) {
    retry.jitter = read_number(*value, NumberRange{0.0, true, 1.0, false});
  }
  return retry;
}

RetrySchedule read_retry(const Field& field, const RetrySchedule& inherited) {
  const MapReader fields(field, {"fixed", "list", "exponential"});
  const std::string_view kind = only_choice(fields, {"fixed", "list", "exponential"});
  RetrySchedule retry;
  if (kind == "fixed") {
    retry.interval = read_duration(*fields.get(kind), DurationBound::Positive);
  } else if (kind == "list") {
    retry.kind = RetrySchedule::Kind::List;
    retry.offsets = read_retry_offsets(*fields.get(kind));
  } else {
    retry = read_exponential_retry(*fields.get(kind), inherited);
  }
  return retry;
}

WarmupSchedule read_warmup_rule(const Field& field) {
  const MapReader fields(field, {"start", "multiplier", "every", "ceiling"});
  WarmupSchedule warmup;
  warmup.kind = WarmupSchedule::Kind::Rule;
  warmup.start = read_integer(fields.need("start", "a whole number >= 1"), 1);
  if (auto value = fields.get("multiplier")) warmup.multiplier = read_number(*value, NumberRange{1.0, true});
  if (auto value = fields.get("every")) {
    const Duration every = read_duration(*value, DurationBound::Positive);
    if (every % kDay != Duration{0} || every / kDay > INT_MAX) {
      value->fail(quote_value(value->node().scalar) + " is not a whole number of days",
                  "a whole number of days such as 3d");
    }
    warmup.every_days = static_cast<int>(every / kDay);
  }
  const Field ceiling = fields.need("ceiling", "a whole number >= start");
  warmup.ceiling = read_integer(ceiling, 1);
  if (warmup.ceiling < warmup.start) ceiling.fail("is below start", "a whole number >= start");
  return warmup;
}

WarmupSchedule read_warmup_table(const Field& table) {
  const std::string expected = "a list of daily caps, whole numbers >= 1";
  WarmupSchedule warmup;
  warmup.kind = WarmupSchedule::Kind::Table;
  for (const Field& item : list_items(table, expected)) warmup.table.push_back(read_integer(item, 1));
  if (warmup.table.empty()) table.fail("is empty", expected);
  return warmup;
}

WarmupSchedule read_warmup(const Field& field) {
  if (field.node().kind == YamlNode::Kind::Scalar && field.node().scalar == "none") return WarmupSchedule{};
  const MapReader fields(field, {"table", "rule", "spread_hourly"});
  WarmupSchedule warmup = only_choice(fields, {"table", "rule"}) == "rule"
                              ? read_warmup_rule(*fields.get("rule"))
                              : read_warmup_table(*fields.get("table"));
  if (auto value = fields.get("spread_hourly")) warmup.spread_hourly = read_bool(*value);
  return warmup;
}

DestinationPolicy::Backoff read_backoff(const Field& field, DestinationPolicy::Backoff backoff) {
  const MapReader fields(
      field, {"max_msg_rate", "retry_after", "to_normal_after", "max_smtp_out", "to_normal_after_delivery"});
  // 0 / unlimited: backoff keeps the normal max_msg_rate (PowerMTA's default when max-msg-rate is unset).
  if (auto value = fields.get("max_msg_rate")) backoff.max_msg_rate = read_rate_limit(*value);
  if (auto value = fields.get("retry_after")) {
    backoff.retry_after = read_duration(*value, DurationBound::Positive);
  }
  if (auto value = fields.get("to_normal_after")) {
    // never: only a new backoff rule's match restarts it; the queue stays in backoff (PowerMTA's default).
    const bool never = value->node().kind == YamlNode::Kind::Scalar && value->node().scalar == "never";
    backoff.to_normal_after = never ? kLongestSpan : read_duration(*value, DurationBound::Positive);
  }
  if (auto value = fields.get("max_smtp_out")) backoff.max_smtp_out = read_int(*value, 0);
  if (auto value = fields.get("to_normal_after_delivery"))
    backoff.to_normal_after_delivery = read_bool(*value);
  return backoff;
}

AdaptiveParams read_adaptive(const Field& field, AdaptiveParams adaptive) {
  const MapReader fields(field, {"enabled", "deferral_threshold", "decrease_factor", "increase_step",
                                 "min_factor", "window", "min_attempts"});
  const NumberRange open_unit{0.0, false, 1.0, false};
  const NumberRange positive_unit{0.0, false, 1.0, true};
  if (auto value = fields.get("enabled")) adaptive.enabled = read_bool(*value);
  if (auto value = fields.get("deferral_threshold")) {
    adaptive.deferral_threshold = read_number(*value, kShareRange);
  }
  if (auto value = fields.get("decrease_factor")) adaptive.decrease_factor = read_number(*value, open_unit);
  if (auto value = fields.get("increase_step")) adaptive.increase_step = read_number(*value, positive_unit);
  if (auto value = fields.get("min_factor")) adaptive.min_factor = read_number(*value, positive_unit);
  if (auto value = fields.get("window")) adaptive.window = read_duration(*value, DurationBound::Positive);
  if (auto value = fields.get("min_attempts")) adaptive.min_attempts = read_int(*value, 1);
  return adaptive;
}

/// The Postfix scheduler keys of a destination block (docs/model.md 4.6); an error unless the sender's
/// mta is postfix.
void read_postfix_scheduling(const MapReader& fields, DestinationPolicy& policy) {
  require_mta_for(
      fields, policy, SenderMta::Postfix,
      {"queue_run_delay", "initial_concurrency", "concurrency_failed_cohort_limit", "rate_delay"});
  PostfixScheduling& postfix = policy.postfix;
  if (auto value = fields.get("queue_run_delay")) {
    postfix.queue_run_delay = read_duration(*value, DurationBound::Positive);
  }
  if (auto value = fields.get("initial_concurrency")) postfix.initial_concurrency = read_int(*value, 1);
  if (auto value = fields.get("concurrency_failed_cohort_limit")) {
    postfix.failed_cohort_limit = read_int(*value, 0);
  }
  if (auto value = fields.get("rate_delay"))
    postfix.rate_delay = read_duration(*value, DurationBound::NonNegative);
}

/// The KumoMTA ready-queue keys of a destination block (docs/model.md 4.7); an error unless the sender's
/// mta is kumomta.
void read_kumo_scheduling(const MapReader& fields, DestinationPolicy& policy) {
  require_mta_for(fields, policy, SenderMta::KumoMta,
                  {"max_ready", "consecutive_connection_failures_before_delay"});
  if (auto value = fields.get("max_ready")) policy.kumo.max_ready = read_int(*value, 1);
  if (auto value = fields.get("consecutive_connection_failures_before_delay")) {
    policy.kumo.connection_failures_before_delay = read_int(*value, 1);
  }
}

/// Postfix's backoff (the message's age between minimal and maximal_backoff_time) and KumoMTA's retry
/// interval (doubling up to max_retry_interval, with its own jitter) both double: only an exponential retry
/// with factor 2 and no jitter says that (initial, max).
void require_doubling_retry(const MapReader& fields, const DestinationPolicy& policy) {
  if (policy.mta == SenderMta::PowerMta) return;
  const bool postfix = policy.mta == SenderMta::Postfix;
  const std::string problem = postfix ? "is not how Postfix retries" : "is not how KumoMTA retries";
  const std::string expected =
      postfix ? "retry: {exponential: {initial: <minimal_backoff_time>, max: <maximal_backoff_time>}} "
                "(Postfix's backoff doubles; no jitter)"
              : "retry: {exponential: {initial: <retry_interval>, max: <max_retry_interval>}} (KumoMTA's "
                "interval doubles and adds its own jitter)";
  if (auto value = fields.get("retry_after")) value->fail(problem, expected);
  const auto retry = fields.get("retry");
  if (!retry) return;
  const RetrySchedule& schedule = policy.retry;
  if (schedule.kind != RetrySchedule::Kind::Exponential || schedule.factor != 2.0 || schedule.jitter != 0.0)
    retry->fail(problem, expected);
}

}  // namespace

DestinationPolicy read_destination_policy(const Field& field, DestinationPolicy policy,
                                          const NameIndex* pools) {
  const MapReader fields(field, {"max_smtp_out",
                                 "max_msg_per_connection",
                                 "max_msg_rate",
                                 "max_conn_rate",
                                 "idle_timeout",
                                 "retry_after",
                                 "retry",
                                 "bounce_after",
                                 "patterns",
                                 "backoff",
                                 "adaptive",
                                 "warmup",
                                 "pool",
                                 "queue_run_delay",
                                 "initial_concurrency",
                                 "concurrency_failed_cohort_limit",
                                 "rate_delay",
                                 "max_ready",
                                 "consecutive_connection_failures_before_delay",
                                 "cold_msg_per_day"});
  if (auto value = fields.get("pool")) {
    // Routing every provider through one pool would only hide each traffic source's own pool.
    if (!pools) {
      value->fail("routes one provider's mail, so it has no place in sender.defaults",
                  "pool under sender.destinations.<provider>, or traffic[].pool for all of a source's mail");
    }
    policy.pool = read_name(*value);
    require_declared(policy.pool, *pools, "pool", *value);
  }
  if (auto value = fields.get("max_smtp_out")) policy.max_smtp_out = read_int(*value, 1);
  if (auto value = fields.get("max_msg_per_connection")) policy.max_msg_per_connection = read_int(*value, 0);
  if (auto value = fields.get("max_msg_rate")) policy.max_msg_rate = read_rate_limit(*value);
  if (auto value = fields.get("max_conn_rate")) policy.max_conn_rate = read_rate_limit(*value);
  if (auto value = fields.get("idle_timeout")) {
    policy.idle_timeout = read_duration(*value, DurationBound::NonNegative);
    if (policy.idle_timeout > kMaxIdleTimeout)
      value->fail(quote_value(value->node().scalar) + " is longer than an hour", "a duration of 0 to 1h");
  }
  const auto retry_after = fields.get("retry_after");
  const auto retry = fields.get("retry");
  if (retry_after && retry) retry->fail("is given together with retry_after", "either retry_after or retry");
  if (retry_after) {
    policy.retry = RetrySchedule{};
    policy.retry.interval = read_duration(*retry_after, DurationBound::Positive);
  }
  if (retry) policy.retry = read_retry(*retry, policy.retry);
  if (auto value = fields.get("bounce_after")) {
    policy.bounce_after = read_duration(*value, DurationBound::Positive);
  }
  if (auto value = fields.get("patterns")) policy.patterns = read_pattern_rules(*value);
  if (auto value = fields.get("backoff")) policy.backoff = read_backoff(*value, policy.backoff);
  if (auto value = fields.get("adaptive")) policy.adaptive = read_adaptive(*value, policy.adaptive);
  if (auto value = fields.get("warmup")) policy.warmup = read_warmup(*value);
  if (auto value = fields.get("cold_msg_per_day")) policy.cold_msg_per_day = read_int(*value, 0);
  read_postfix_scheduling(fields, policy);
  read_kumo_scheduling(fields, policy);
  require_doubling_retry(fields, policy);
  return policy;
}

/// `sender.cold_ips`: a mapping of warm IP address to cold IP address, both declared, each warm IP once and
/// no IP both warm and cold.
std::vector<std::pair<std::string, std::string>> read_cold_ips(const Field& field, const Scenario& scenario) {
  const std::string expected = "a mapping of warm IP address to its cold IP address (identities.ips)";
  NameIndex addresses;
  for (const IpSpec& ip : scenario.ips) addresses.add(ip.address);
  std::vector<std::pair<std::string, std::string>> pairs;
  NameIndex warm;
  for (const NamedField& entry : named_entries(field, expected)) {
    const std::string warm_ip = canonical_ip_address(entry.name).value_or(entry.name);
    require_declared(warm_ip, addresses, "IP address (identities.ips)", entry.name_position,
                     entry.value.path());
    const std::string text = read_text(entry.value, expected);
    const std::string cold_ip = canonical_ip_address(text).value_or(text);
    require_declared(cold_ip, addresses, "IP address (identities.ips)", entry.value);
    if (cold_ip == warm_ip) entry.value.fail("is the warm IP itself", "another declared IP");
    if (!warm.add(warm_ip)) entry.value.fail("names a warm IP given before", "each warm IP once");
    pairs.emplace_back(warm_ip, cold_ip);
  }
  for (const auto& [warm_ip, cold_ip] : pairs)
    if (warm.contains(cold_ip)) field.fail("'" + cold_ip + "' is both a warm and a cold IP", expected);
  return pairs;
}

void read_sender(const MapReader& top, Scenario& scenario) {
  const auto field = top.get("sender");
  if (!field) return;
  const MapReader sender(*field, {"mta", "defaults", "destinations", "cold_ips"});
  if (auto cold_ips = sender.get("cold_ips")) scenario.cold_ips = read_cold_ips(*cold_ips, scenario);
  if (auto mta = sender.get("mta")) {
    const SenderMta chosen = read_choice(*mta, kMtas);
    if (chosen == SenderMta::Postfix) scenario.sender_defaults = postfix_destination_defaults();
    if (chosen == SenderMta::KumoMta) scenario.sender_defaults = kumomta_destination_defaults();
  }
  if (auto defaults = sender.get("defaults")) {
    scenario.sender_defaults = read_destination_policy(*defaults, scenario.sender_defaults, nullptr);
  }
  const auto destinations = sender.get("destinations");
  if (!destinations) return;
  const NameIndex providers = names_of(scenario.providers);
  const NameIndex pools = names_of(scenario.pools);
  for (const NamedField& entry :
       named_entries(*destinations, "a mapping of provider name to its policy (max_smtp_out, retry, ...)")) {
    require_declared(entry.name, providers, "provider", entry.name_position, entry.value.path());
    scenario.destinations.emplace_back(
        entry.name, read_destination_policy(entry.value, scenario.sender_defaults, &pools));
  }
}

}  // namespace delivsim
