#include "sim/report/summary_reader.h"

#include <cmath>

#include "sim/report/input_files.h"
#include "sim/report/report_error.h"

namespace delivsim::report {

namespace {

using Json = nlohmann::ordered_json;

MessageCounts counts_of(const Json& object) {
  MessageCounts counts;
  counts.injected = object.at("injected").get<std::int64_t>();
  counts.delivered = object.at("delivered").get<std::int64_t>();
  counts.bounced = object.at("bounced").get<std::int64_t>();
  counts.expired = object.at("expired").get<std::int64_t>();
  counts.queued_at_end = object.at("queued_at_end").get<std::int64_t>();
  counts.attempts = object.at("attempts").get<std::int64_t>();
  counts.deferrals = object.at("deferrals").get<std::int64_t>();
  return counts;
}

LatencySummary latency_of(const Json& object) {
  return {object.at("p50").get<double>(), object.at("p95").get<double>(), object.at("max").get<double>()};
}

ProviderThresholds thresholds_of(const Json& object) {
  return {object.at("tier_high_min").get<double>(),  object.at("tier_medium_min").get<double>(),
          object.at("tier_low_min").get<double>(),   object.at("spam_rate_good").get<double>(),
          object.at("spam_rate_bad").get<double>(),  object.at("alert_unusual_share").get<double>(),
          object.at("alert_act_share").get<double>()};
}

ProviderResult provider_of(const std::string& name, const Json& object) {
  ProviderResult provider;
  provider.name = name;
  provider.counts = counts_of(object);
  provider.deferrals_by_reply = object.at("deferrals_by_reply").get<std::map<std::string, std::int64_t>>();
  provider.bounces_by_reply = object.at("bounces_by_reply").get<std::map<std::string, std::int64_t>>();
  provider.deferral_rate = object.at("deferral_rate").get<double>();
  provider.max_queue = object.at("max_queue").get<std::int64_t>();
  const Json& drain = object.at("time_to_drain_s");
  if (!drain.is_null()) provider.time_to_drain_s = drain.get<double>();
  provider.latency = latency_of(object.at("delivery_latency_s"));
  // summary.json files written before "thresholds" existed keep ProviderResult's default, the Gmail
  // profile's thresholds: what the report drew for every provider then.
  if (object.contains("thresholds")) provider.thresholds = thresholds_of(object.at("thresholds"));
  return provider;
}

IdentityKind identity_kind_of(const std::string& name) {
  for (const IdentityKind kind : {IdentityKind::Ip, IdentityKind::Dkim, IdentityKind::Spf}) {
    if (identity_kind_name(kind) == name) return kind;
  }
  throw ReportInputError("unknown identity kind '" + name + "'");
}

IdentityResult identity_of(const Json& object) {
  IdentityResult identity;
  identity.kind = identity_kind_of(object.at("kind").get<std::string>());
  identity.id = object.at("id").get<std::string>();
  identity.provider = object.at("provider").get<std::string>();
  const std::string tier = object.at("final_tier").get<std::string>();
  const std::optional<Tier> parsed = parse_tier(tier);
  if (!parsed) throw ReportInputError("unknown tier '" + tier + "'");
  identity.final_tier = *parsed;
  identity.final_score = object.at("final_score").get<double>();
  identity.peak_spam_rate = object.at("peak_spam_rate").get<double>();
  return identity;
}

RunResult parse(const Json& summary) {
  RunResult result;
  result.scenario = summary.at("scenario").get<std::string>();
  result.seed = summary.at("seed").get<std::uint64_t>();
  result.start_date = summary.at("start_date").get<std::string>();
  result.simulated = Duration(std::llround(summary.at("simulated_s").get<double>() * 1000.0));
  result.totals = counts_of(summary.at("totals"));
  for (const auto& [name, provider] : summary.at("providers").items()) {
    result.providers.push_back(provider_of(name, provider));
  }
  for (const auto& [name, source] : summary.at("traffic").items()) {
    result.traffic.push_back(TrafficResult{
        name, source.at("class").get<std::string>(), source.at("injected").get<std::int64_t>(),
        source.at("delivered").get<std::int64_t>(), latency_of(source.at("delivery_latency_s"))});
  }
  for (const Json& identity : summary.at("identities")) result.identities.push_back(identity_of(identity));
  for (const Json& alert : summary.at("alerts")) {
    result.alerts.push_back(
        Alert{alert.at("provider").get<std::string>(), alert.at("hour_start_s").get<double>(),
              alert.at("deferral_share").get<double>(), alert.at("level").get<std::string>()});
  }
  result.events_processed = summary.at("events_processed").get<std::int64_t>();
  return result;
}

}  // namespace

RunResult run_result_from_summary(const nlohmann::ordered_json& summary,
                                  const std::filesystem::path& source) {
  try {
    return parse(summary);
  } catch (const nlohmann::json::exception& e) {
    throw ReportInputError(source.string() + ": not a run's summary.json: " + e.what());
  } catch (const ReportInputError& e) {
    throw ReportInputError(source.string() + ": " + e.what());
  }
}

RunResult read_run_summary(const std::filesystem::path& path) {
  return run_result_from_summary(read_json_file(path), path);
}

}  // namespace delivsim::report
