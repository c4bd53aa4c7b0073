#include "sim/output/summary_json.h"

#include <nlohmann/json.hpp>

#include "sim/output/number_format.h"

namespace delivsim {

namespace {

using Json = nlohmann::ordered_json;

/// Every double goes through here, never straight into the JSON (see kWrittenSignificantDigits).
Json rounded(double value) {
  return round_significant(value);
}

/// The count keys that totals and providers share, in their order.
void add_counts(Json& object, const MessageCounts& counts) {
  object["injected"] = counts.injected;
  object["delivered"] = counts.delivered;
  object["delivered_inbox"] = counts.delivered_inbox;
  object["delivered_spam"] = counts.delivered_spam();
  object["bounced"] = counts.bounced;
  object["expired"] = counts.expired;
  object["queued_at_end"] = counts.queued_at_end;
  object["attempts"] = counts.attempts;
  object["deferrals"] = counts.deferrals;
}

Json totals_json(const MessageCounts& totals) {
  Json object = Json::object();
  add_counts(object, totals);
  object["deferral_rate"] = rounded(totals.deferral_rate());
  object["delivered_share"] = rounded(totals.delivered_share());
  object["inbox_share"] = rounded(totals.inbox_share());
  return object;
}

Json latency_json(const LatencySummary& latency) {
  return {{"mean", rounded(latency.mean_s)},
          {"p50", rounded(latency.p50_s)},
          {"p95", rounded(latency.p95_s)},
          {"p99", rounded(latency.p99_s)},
          {"max", rounded(latency.max_s)}};
}

Json traffic_json(const TrafficResult& traffic) {
  return {{"class", traffic.traffic_class},
          {"injected", traffic.injected},
          {"delivered", traffic.delivered},
          {"delivered_inbox", traffic.delivered_inbox},
          {"delivered_spam", traffic.delivered_spam()},
          {"inbox_share", rounded(traffic.inbox_share())},
          {"suppressed", traffic.suppressed},
          {"delivery_latency_s", latency_json(traffic.latency)}};
}

Json filter_colours_json(const FilterColourDays& days) {
  return {{"green", days.green}, {"yellow", days.yellow}, {"red", days.red}};
}

Json provider_json(const ProviderResult& provider) {
  Json object = Json::object();
  object["profile"] = provider.profile;
  add_counts(object, provider.counts);
  object["deferral_rate"] = rounded(provider.deferral_rate);
  object["inbox_share"] = rounded(provider.counts.inbox_share());
  object["deferrals_by_reply"] = Json(provider.deferrals_by_reply);
  object["bounces_by_reply"] = Json(provider.bounces_by_reply);
  object["deferrals_by_step"] = Json(provider.deferrals_by_step);
  object["bytes_sent"] = provider.bytes_sent;
  object["max_queue"] = provider.max_queue;
  object["time_to_drain_s"] = provider.time_to_drain_s ? rounded(*provider.time_to_drain_s) : Json(nullptr);
  object["delivery_latency_s"] = latency_json(provider.latency);
  object["thresholds"] = thresholds_json(provider.thresholds);
  if (provider.filter_colours) object["filter_colours"] = filter_colours_json(*provider.filter_colours);
  return object;
}

Json identity_json(const IdentityResult& identity) {
  Json object = {{"kind", identity_kind_name(identity.kind)},
                 {"id", identity.id},
                 {"provider", identity.provider},
                 {"final_tier", tier_name(identity.final_tier)},
                 {"final_score", rounded(identity.final_score)},
                 {"peak_spam_rate", rounded(identity.peak_spam_rate)}};
  if (identity.filter_colours) {
    object["filter_colours"] = filter_colours_json(*identity.filter_colours);
    const std::optional<FilterColour> worst = identity.filter_colours->worst();
    object["worst_filter_colour"] = worst ? Json(filter_colour_name(*worst)) : Json(nullptr);
  }
  return object;
}

Json alert_json(const Alert& alert) {
  return {{"provider", alert.provider},
          {"hour_start_s", rounded(alert.hour_start_s)},
          {"deferral_share", rounded(alert.deferral_share)},
          {"level", alert.level}};
}

}  // namespace

Json thresholds_json(const ProviderThresholds& thresholds) {
  return {{"tier_high_min", rounded(thresholds.tier_high_min)},
          {"tier_medium_min", rounded(thresholds.tier_medium_min)},
          {"tier_low_min", rounded(thresholds.tier_low_min)},
          {"spam_rate_good", rounded(thresholds.spam_rate_good)},
          {"spam_rate_bad", rounded(thresholds.spam_rate_bad)},
          {"alert_unusual_share", rounded(thresholds.alert_unusual_share)},
          {"alert_act_share", rounded(thresholds.alert_act_share)}};
}

std::string summary_json(const RunResult& result) {
  Json summary = Json::object();
  summary["schema_version"] = kSummarySchemaVersion;
  summary["scenario"] = result.scenario;
  summary["seed"] = result.seed;
  summary["start_date"] = result.start_date;
  summary["simulated_s"] = rounded(to_seconds(result.simulated));
  summary["totals"] = totals_json(result.totals);
  Json providers = Json::object();
  for (const ProviderResult& provider : result.providers) providers[provider.name] = provider_json(provider);
  summary["providers"] = providers;
  Json traffic = Json::object();
  for (const TrafficResult& source : result.traffic) traffic[source.name] = traffic_json(source);
  summary["traffic"] = traffic;
  Json identities = Json::array();
  for (const IdentityResult& identity : result.identities) identities.push_back(identity_json(identity));
  summary["identities"] = identities;
  Json alerts = Json::array();
  for (const Alert& alert : result.alerts) alerts.push_back(alert_json(alert));
  summary["alerts"] = alerts;
  summary["events_processed"] = result.events_processed;
  // replace: a stray non-UTF-8 byte in a name must not cost the whole summary.
  return summary.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace delivsim
