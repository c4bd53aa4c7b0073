#include "sim/cli/log_stats_json.h"

#include <nlohmann/json.hpp>

#include "sim/output/number_format.h"
#include "sim/output/utc_time.h"

namespace delivsim {

namespace {

using Json = nlohmann::ordered_json;

double rounded(double value) {
  return round_significant(value);
}

Json time_json(std::optional<acctlog::UnixMs> time) {
  return time ? Json(format_utc_timestamp_ms(UtcTime(Duration(*time)))) : Json(nullptr);
}

Json latency_json(const acctlog::LatencyHistogram& latency) {
  const acctlog::LatencyFigures f = latency.figures();
  return {{"count", f.count},        {"mean", rounded(f.mean_s)}, {"p50", rounded(f.p50_s)},
          {"p95", rounded(f.p95_s)}, {"p99", rounded(f.p99_s)},   {"max", rounded(f.max_s)}};
}

/// One row's figures; `naming` adds its domain (when it has one), provider and thresholds.
Json figures_json(const acctlog::DomainFigures& f, bool naming) {
  Json object;
  if (naming) {
    if (!f.domain.empty()) object["domain"] = f.domain;
    object["provider"] = f.provider;
    object["thresholds"] = {{"alert_unusual_share", rounded(f.alert_unusual_share)},
                            {"alert_act_share", rounded(f.alert_act_share)},
                            {"alert_min_attempts", f.alert_min_attempts}};
  }
  object["attempts"] = f.attempts;
  object["delivered"] = f.delivered;
  object["bounced"] = f.bounced;
  object["expired"] = f.expired;
  object["deferrals"] = f.deferrals;
  object["deferral_rate"] =
      rounded(f.attempts ? static_cast<double>(f.deferrals) / static_cast<double>(f.attempts) : 0.0);
  object["deferrals_by_reply"] = Json(f.deferrals_by_reply);
  object["bounces_by_reply"] = Json(f.bounces_by_reply);
  object["bounces_by_category"] = Json(f.bounces_by_category);
  object["delivery_latency_s"] = latency_json(f.latency);
  return object;
}

Json alerts_json(const std::vector<acctlog::HourAlert>& alerts) {
  Json array = Json::array();
  for (const acctlog::HourAlert& a : alerts) {
    Json alert;
    if (!a.domain.empty()) alert["domain"] = a.domain;
    alert["provider"] = a.provider;
    alert["hour_start"] = time_json(a.hour_start);
    alert["attempts"] = a.attempts;
    alert["deferrals"] = a.deferrals;
    alert["deferral_share"] = rounded(a.deferral_share);
    alert["level"] = a.level;
    array.push_back(std::move(alert));
  }
  return array;
}

}  // namespace

std::string log_stats_json(const acctlog::LogStatsResult& result, std::optional<acctlog::UnixMs> from,
                           std::optional<acctlog::UnixMs> until) {
  Json doc;
  doc["schema_version"] = kLogStatsSchemaVersion;
  doc["window"] = {{"from", time_json(from)}, {"until", time_json(until)}};
  doc["records"] = {{"counted", result.records},
                    {"outside_window", result.outside_window},
                    {"other_types", Json(result.other_types)},
                    {"late_for_hourly", result.late_for_hourly},
                    {"latency_unusable", result.latency_unusable},
                    {"in_other_domains_row", result.lumped_records}};
  doc["not_computed"] = result.not_computed;
  doc["totals"] = figures_json(result.totals, false);
  Json domains = Json::array();
  for (const acctlog::DomainFigures& f : result.domains) domains.push_back(figures_json(f, true));
  doc["domains"] = std::move(domains);
  Json providers = Json::array();
  for (const acctlog::DomainFigures& f : result.providers) providers.push_back(figures_json(f, true));
  doc["providers"] = std::move(providers);
  doc["alerts"] = alerts_json(result.alerts);
  doc["provider_alerts"] = alerts_json(result.provider_alerts);
  doc["alerts_not_listed"] = result.alerts_not_listed;
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace delivsim
