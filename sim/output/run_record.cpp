/// @file The run record (run_record.h): RunResult and the structs in it to JSON and back, one pair of
/// functions per struct; the accounting part is in run_record_accounting.cpp.
#include "sim/output/run_record.h"

#include <cstddef>
#include <cstdint>

#include "sim/output/run_record_detail.h"

namespace delivsim {

namespace {

using run_record::Field;
using run_record::Json;

static_assert(kReplyKindCount == 24, "ReplyKind changed: if existing values moved, raise kRunRecordVersion");

/// `field`, an enum's number in [0, count).
template <typename Enum>
Enum enum_of(const Field& field, std::size_t count) {
  const std::int64_t number = field.integer();
  if (number < 0 || static_cast<std::uint64_t>(number) >= count) {
    field.fail("expected a number in [0, " + std::to_string(count - 1) + "], not " + std::to_string(number));
  }
  return static_cast<Enum>(number);
}

template <typename Enum>
Json number_of(Enum value) {
  return static_cast<int>(value);
}

Json counts_json(const MessageCounts& counts) {
  return {{"injected", counts.injected},
          {"delivered", counts.delivered},
          {"bounced", counts.bounced},
          {"expired", counts.expired},
          {"queued_at_end", counts.queued_at_end},
          {"attempts", counts.attempts},
          {"deferrals", counts.deferrals},
          {"delivered_inbox", counts.delivered_inbox}};
}

MessageCounts counts_of(const Field& field) {
  return {.injected = field["injected"].count(),
          .delivered = field["delivered"].count(),
          .bounced = field["bounced"].count(),
          .expired = field["expired"].count(),
          .queued_at_end = field["queued_at_end"].count(),
          .attempts = field["attempts"].count(),
          .deferrals = field["deferrals"].count(),
          .delivered_inbox = field["delivered_inbox"].count()};
}

Json latency_json(const LatencySummary& latency) {
  return {{"mean_s", latency.mean_s},
          {"p50_s", latency.p50_s},
          {"p95_s", latency.p95_s},
          {"p99_s", latency.p99_s},
          {"max_s", latency.max_s}};
}

LatencySummary latency_of(const Field& field) {
  return {.mean_s = field["mean_s"].number(),
          .p50_s = field["p50_s"].number(),
          .p95_s = field["p95_s"].number(),
          .p99_s = field["p99_s"].number(),
          .max_s = field["max_s"].number()};
}

Json thresholds_record(const ProviderThresholds& thresholds) {
  return {
      {"tier_high_min", thresholds.tier_high_min},    {"tier_medium_min", thresholds.tier_medium_min},
      {"tier_low_min", thresholds.tier_low_min},      {"spam_rate_good", thresholds.spam_rate_good},
      {"spam_rate_bad", thresholds.spam_rate_bad},    {"alert_unusual_share", thresholds.alert_unusual_share},
      {"alert_act_share", thresholds.alert_act_share}};
}

ProviderThresholds thresholds_of(const Field& field) {
  return {.tier_high_min = field["tier_high_min"].number(),
          .tier_medium_min = field["tier_medium_min"].number(),
          .tier_low_min = field["tier_low_min"].number(),
          .spam_rate_good = field["spam_rate_good"].number(),
          .spam_rate_bad = field["spam_rate_bad"].number(),
          .alert_unusual_share = field["alert_unusual_share"].number(),
          .alert_act_share = field["alert_act_share"].number()};
}

/// An optional FilterColourDays: null or {"green", "yellow", "red"}.
Json colours_json(const std::optional<FilterColourDays>& days) {
  if (!days) return nullptr;
  return {{"green", days->green}, {"yellow", days->yellow}, {"red", days->red}};
}

std::optional<FilterColourDays> colours_of(const Field& field) {
  if (field.is_null()) return std::nullopt;
  return FilterColourDays{
      .green = field["green"].count(), .yellow = field["yellow"].count(), .red = field["red"].count()};
}

Json provider_json(const ProviderResult& provider) {
  return {{"name", provider.name},
          {"profile", provider.profile},
          {"counts", counts_json(provider.counts)},
          {"deferrals_by_reply", provider.deferrals_by_reply},
          {"bounces_by_reply", provider.bounces_by_reply},
          {"deferrals_by_step", provider.deferrals_by_step},
          {"bytes_sent", provider.bytes_sent},
          {"deferral_rate", provider.deferral_rate},
          {"max_queue", provider.max_queue},
          {"time_to_drain_s", provider.time_to_drain_s ? Json(*provider.time_to_drain_s) : Json(nullptr)},
          {"latency", latency_json(provider.latency)},
          {"thresholds", thresholds_record(provider.thresholds)},
          {"filter_colours", colours_json(provider.filter_colours)}};
}

ProviderResult provider_of(const Field& field) {
  ProviderResult provider;
  provider.name = field["name"].string();
  provider.profile = field["profile"].string();
  provider.counts = counts_of(field["counts"]);
  provider.deferrals_by_reply = field["deferrals_by_reply"].counts_by_name();
  provider.bounces_by_reply = field["bounces_by_reply"].counts_by_name();
  provider.deferrals_by_step = field["deferrals_by_step"].counts_by_name();
  provider.bytes_sent = field["bytes_sent"].count();
  provider.deferral_rate = field["deferral_rate"].number();
  provider.max_queue = field["max_queue"].count();
  const Field drain = field["time_to_drain_s"];
  if (!drain.is_null()) provider.time_to_drain_s = drain.number();
  provider.latency = latency_of(field["latency"]);
  provider.thresholds = thresholds_of(field["thresholds"]);
  provider.filter_colours = colours_of(field["filter_colours"]);
  return provider;
}

Json traffic_json(const TrafficResult& traffic) {
  return {{"name", traffic.name},
          {"traffic_class", traffic.traffic_class},
          {"injected", traffic.injected},
          {"delivered", traffic.delivered},
          {"delivered_inbox", traffic.delivered_inbox},
          {"latency", latency_json(traffic.latency)},
          {"suppressed", traffic.suppressed}};
}

TrafficResult traffic_of(const Field& field) {
  return {.name = field["name"].string(),
          .traffic_class = field["traffic_class"].string(),
          .injected = field["injected"].count(),
          .delivered = field["delivered"].count(),
          .delivered_inbox = field["delivered_inbox"].count(),
          .latency = latency_of(field["latency"]),
          .suppressed = field["suppressed"].count()};
}

Json identity_json(const IdentityResult& identity) {
  return {{"kind", number_of(identity.kind)},
          {"id", identity.id},
          {"provider", identity.provider},
          {"final_tier", number_of(identity.final_tier)},
          {"final_score", identity.final_score},
          {"peak_spam_rate", identity.peak_spam_rate},
          {"filter_colours", colours_json(identity.filter_colours)}};
}

IdentityResult identity_of(const Field& field) {
  return {.kind = enum_of<IdentityKind>(field["kind"], kIdentityKindCount),
          .id = field["id"].string(),
          .provider = field["provider"].string(),
          .final_tier = enum_of<Tier>(field["final_tier"], static_cast<std::size_t>(Tier::High) + 1),
          .final_score = field["final_score"].number(),
          .peak_spam_rate = field["peak_spam_rate"].number(),
          .filter_colours = colours_of(field["filter_colours"])};
}

Json alert_json(const Alert& alert) {
  return {{"provider", alert.provider},
          {"hour_start_s", alert.hour_start_s},
          {"deferral_share", alert.deferral_share},
          {"level", alert.level}};
}

Alert alert_of(const Field& field) {
  return {.provider = field["provider"].string(),
          .hour_start_s = field["hour_start_s"].number(),
          .deferral_share = field["deferral_share"].number(),
          .level = field["level"].string()};
}

/// {"interval_ms", "columns": [names], "kinds": [SeriesColumn::Kind numbers], "rows": [[cells]]}.
Json timeseries_json(const Timeseries& series) {
  Json names = Json::array();
  Json kinds = Json::array();
  for (const SeriesColumn& column : series.columns) {
    names.push_back(column.name);
    kinds.push_back(number_of(column.kind));
  }
  return {{"interval_ms", series.interval.count()},
          {"columns", std::move(names)},
          {"kinds", std::move(kinds)},
          {"rows", series.rows}};
}

Timeseries timeseries_of(const Field& field) {
  Timeseries series;
  series.interval = Duration(field["interval_ms"].integer());
  if (series.interval <= Duration(0)) field["interval_ms"].fail("expected a positive interval");
  const std::vector<std::string> names = field["columns"].strings();
  const Field kinds = field["kinds"];
  if (kinds.size() != names.size()) {
    kinds.fail(std::to_string(kinds.size()) + " kinds for " + std::to_string(names.size()) + " columns");
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    series.columns.push_back({names[i], enum_of<SeriesColumn::Kind>(kinds[i], 3)});
  }
  const Field rows = field["rows"];
  series.rows.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Field row = rows[i];
    if (row.size() != names.size()) {
      row.fail(std::to_string(row.size()) + " cells for " + std::to_string(names.size()) + " columns");
    }
    series.rows.push_back(row.numbers());
  }
  return series;
}

template <typename Item, typename ToJson>
Json array_of(const std::vector<Item>& items, ToJson to_json) {
  Json array = Json::array();
  for (const Item& item : items) array.push_back(to_json(item));
  return array;
}

}  // namespace

std::string run_record_bytes(const RunResult& result) {
  Json record = {{"format", kRunRecordFormat},
                 {"version", kRunRecordVersion},
                 {"scenario", result.scenario},
                 {"seed", result.seed},
                 {"start_date", result.start_date},
                 {"simulated_ms", result.simulated.count()},
                 {"totals", counts_json(result.totals)},
                 {"providers", array_of(result.providers, provider_json)},
                 {"traffic", array_of(result.traffic, traffic_json)},
                 {"identities", array_of(result.identities, identity_json)},
                 {"alerts", array_of(result.alerts, alert_json)},
                 {"timeseries", timeseries_json(result.timeseries)},
                 {"events_processed", result.events_processed}};
  run_record::write_accounting(result, record);
  std::string bytes;
  Json::to_cbor(record, bytes);
  return bytes;
}

RunResult parse_run_record(std::string_view bytes) {
  const Json json = run_record::decoded(bytes);
  const Field record(json, "");
  if (!json.is_object()) record.fail("expected an object");
  if (record["format"].string() != kRunRecordFormat) {
    record["format"].fail("expected \"" + std::string(kRunRecordFormat) + "\"");
  }
  const std::int64_t version = record["version"].integer();
  if (version != kRunRecordVersion) {
    record["version"].fail("version " + std::to_string(version) + ", this build reads version " +
                           std::to_string(kRunRecordVersion));
  }
  RunResult result;
  result.scenario = record["scenario"].string();
  result.seed = record["seed"].unsigned_integer();
  result.start_date = record["start_date"].string();
  result.simulated = Duration(record["simulated_ms"].count());
  result.totals = counts_of(record["totals"]);
  result.providers = record["providers"].list(provider_of);
  result.traffic = record["traffic"].list(traffic_of);
  result.identities = record["identities"].list(identity_of);
  result.alerts = record["alerts"].list(alert_of);
  result.timeseries = timeseries_of(record["timeseries"]);
  result.events_processed = record["events_processed"].count();
  run_record::read_accounting(record, result);
  return result;
}

}  // namespace delivsim
