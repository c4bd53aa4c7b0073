#include "sim/report/summary_reader.h"

#include "sim/report/json_fields.h"
#include "sim/report/json_file.h"
#include "sim/report/report_error.h"
#include "sim/report/summary_fields.h"

namespace delivsim::report {

namespace {

using Json = nlohmann::ordered_json;

MessageCounts counts_of(const Json& object) {
  MessageCounts counts;
  counts.injected = integer_member(object, "injected");
  counts.delivered = integer_member(object, "delivered");
  counts.delivered_inbox = integer_member(object, "delivered_inbox");
  counts.bounced = integer_member(object, "bounced");
  counts.expired = integer_member(object, "expired");
  counts.queued_at_end = integer_member(object, "queued_at_end");
  counts.attempts = integer_member(object, "attempts");
  counts.deferrals = integer_member(object, "deferrals");
  return counts;
}

LatencySummary latency_of(const Json& object) {
  return {.mean_s = number_member(object, "mean"),
          .p50_s = number_member(object, "p50"),
          .p95_s = number_member(object, "p95"),
          .p99_s = number_member(object, "p99"),
          .max_s = number_member(object, "max")};
}

FilterColourDays filter_colour_days_of(const Json& object) {
  return {.green = integer_member(object, "green"),
          .yellow = integer_member(object, "yellow"),
          .red = integer_member(object, "red")};
}

/// "filter_colours" of a provider or identity, when the file has it (only where the profile has bands).
std::optional<FilterColourDays> filter_colours_of(const Json& object) {
  if (!object.contains("filter_colours")) return std::nullopt;
  return within("filter_colours", [&] { return filter_colour_days_of(member(object, "filter_colours")); });
}

ProviderResult provider_of(const std::string& name, const Json& object) {
  ProviderResult provider;
  provider.name = name;
  // summary.json files written before runs recorded the profile leave it empty (judging_provider()).
  if (object.contains("profile")) provider.profile = string_member(object, "profile");
  provider.counts = counts_of(object);
  provider.deferrals_by_reply = counts_member(object, "deferrals_by_reply");
  provider.bounces_by_reply = counts_member(object, "bounces_by_reply");
  // summary.json files written before the SMTP step was modelled have neither: no counts, no bytes.
  if (object.contains("deferrals_by_step"))
    provider.deferrals_by_step = counts_member(object, "deferrals_by_step");
  if (object.contains("bytes_sent")) provider.bytes_sent = integer_member(object, "bytes_sent");
  provider.deferral_rate = number_member(object, "deferral_rate");
  provider.max_queue = integer_member(object, "max_queue");
  if (!member(object, "time_to_drain_s").is_null())
    provider.time_to_drain_s = number_member(object, "time_to_drain_s");
  provider.latency =
      within("delivery_latency_s", [&] { return latency_of(member(object, "delivery_latency_s")); });
  // summary.json files written before "thresholds" existed keep ProviderResult's default, the Gmail
  // profile's thresholds: what the report drew for every provider then.
  provider.thresholds = thresholds_member(object, "thresholds", provider.thresholds);
  provider.filter_colours = filter_colours_of(object);
  return provider;
}

IdentityResult identity_of(const Json& object) {
  IdentityResult identity;
  identity.kind = identity_kind_member(object, "kind");
  identity.id = string_member(object, "id");
  identity.provider = string_member(object, "provider");
  identity.final_tier = tier_member(object, "final_tier");
  identity.final_score = number_member(object, "final_score");
  identity.peak_spam_rate = number_member(object, "peak_spam_rate");
  identity.filter_colours = filter_colours_of(object);  // worst_filter_colour follows from it
  return identity;
}

RunResult parse(const Json& summary) {
  RunResult result;
  result.scenario = string_member(summary, "scenario");
  result.seed = unsigned_member(summary, "seed");
  result.start_date = string_member(summary, "start_date");
  result.simulated = seconds_member(summary, "simulated_s");
  result.totals = within("totals", [&] { return counts_of(member(summary, "totals")); });
  for (const auto& item : object_member(summary, "providers").items()) {
    const std::string& name = item.key();
    const Json& provider = item.value();
    result.providers.push_back(within("providers." + name, [&] { return provider_of(name, provider); }));
  }
  for (const auto& item : object_member(summary, "traffic").items()) {
    const std::string& name = item.key();
    const Json& source = item.value();
    result.traffic.push_back(within("traffic." + name, [&] {
      return TrafficResult{
          name, string_member(source, "class"), integer_member(source, "injected"),
          integer_member(source, "delivered"), integer_member(source, "delivered_inbox"),
          within("delivery_latency_s", [&] { return latency_of(member(source, "delivery_latency_s")); }),
          // A summary.json written before suppression existed has no "suppressed": 0.
          integer_member_or(source, "suppressed", 0)};
    }));
  }
  const Json& identities = array_member(summary, "identities");
  for (std::size_t i = 0; i < identities.size(); ++i) {
    result.identities.push_back(
        within("identities[" + std::to_string(i) + "]", [&] { return identity_of(identities[i]); }));
  }
  const Json& alerts = array_member(summary, "alerts");
  for (std::size_t i = 0; i < alerts.size(); ++i) {
    const Json& alert = alerts[i];
    result.alerts.push_back(within("alerts[" + std::to_string(i) + "]", [&] {
      return Alert{string_member(alert, "provider"), number_member(alert, "hour_start_s"),
                   number_member(alert, "deferral_share"), string_member(alert, "level")};
    }));
  }
  result.events_processed = integer_member(summary, "events_processed");
  return result;
}

}  // namespace

RunResult run_result_from_summary(const nlohmann::ordered_json& summary,
                                  const std::filesystem::path& source) {
  try {
    return parse(summary);
  } catch (const ReportInputError& e) {
    const std::string message = e.what();
    throw ReportInputError(source.string() + ": not a run's summary.json: " +
                           (message.starts_with(": ") ? message.substr(2) : message));
  }
}

RunResult read_run_summary(const std::filesystem::path& path) {
  return run_result_from_summary(read_json_object_file(path), path);
}

}  // namespace delivsim::report
