#include "sim/report/live_summary.h"

#include <cmath>
#include <set>

#include "sim/report/json_fields.h"
#include "sim/report/json_file.h"
#include "sim/report/report_error.h"
#include "sim/report/summary_fields.h"

namespace delivsim::report {

namespace {

using Json = nlohmann::ordered_json;

LiveIdentity identity_of(const Json& object) {
  return {.kind = identity_kind_member(object, "kind"),
          .id = string_member(object, "id"),
          .score = number_member(object, "score"),
          .tier = tier_member(object, "tier")};
}

/// The counts of a provider, by their key in summary.json.
struct CountField {
  const char* key;
  std::int64_t LiveProvider::*count;
};

constexpr CountField kCountFields[] = {{"connections", &LiveProvider::connections},
                                       {"connections_refused", &LiveProvider::connections_refused},
                                       {"attempts", &LiveProvider::attempts},
                                       {"delivered", &LiveProvider::delivered},
                                       {"delivered_inbox", &LiveProvider::delivered_inbox},
                                       {"deferrals", &LiveProvider::deferrals},
                                       {"bounces", &LiveProvider::bounces},
                                       {"complaints", &LiveProvider::complaints},
                                       {"bytes_received", &LiveProvider::bytes_received}};

LiveProvider provider_of(const Json& object) {
  LiveProvider provider;
  provider.name = string_member(object, "name");
  if (object.contains("profile")) provider.profile = string_member(object, "profile");
  provider.thresholds = thresholds_member(object, "thresholds", provider.thresholds);
  for (const CountField& field : kCountFields) provider.*field.count = integer_member(object, field.key);
  provider.deferrals_by_reply = counts_member(object, "deferrals_by_reply");
  provider.bounces_by_reply = counts_member(object, "bounces_by_reply");
  const Json& identities = array_member(object, "identities");
  for (std::size_t i = 0; i < identities.size(); ++i) {
    provider.identities.push_back(
        within("identities[" + std::to_string(i) + "]", [&] { return identity_of(identities[i]); }));
  }
  return provider;
}

/// Throws when a count summed over `providers` (as the report shows totals) leaves std::int64_t.
void check_totals_fit(const std::vector<LiveProvider>& providers) {
  for (const CountField& field : kCountFields) {
    std::int64_t total = 0;
    for (const LiveProvider& provider : providers) {
      if (__builtin_add_overflow(total, provider.*field.count, &total)) {
        throw ReportInputError(std::string("providers: the providers' ") + field.key +
                               " add up to more than 2^63 - 1 or less than -2^63");
      }
    }
  }
}

double time_scale_of(const Json& summary) {
  const double time_scale = number_member(summary, "time_scale");
  if (!(time_scale > 0 && std::isfinite(time_scale)))
    throw ReportInputError("time_scale: expected a number above 0, found " +
                           member(summary, "time_scale").dump());
  return time_scale;
}

LiveSummary parse(const Json& summary) {
  const std::string mode = string_member(summary, "mode");
  if (mode != "live") throw ReportInputError("mode: expected \"live\", found \"" + mode + "\"");
  LiveSummary live;
  live.scenario = string_member(summary, "scenario");
  live.start_date = string_member(summary, "start_date");
  live.time_scale = time_scale_of(summary);
  live.model_time = seconds_member(summary, "model_time_s");
  live.unknown_clients = integer_member(summary, "unknown_clients");
  const Json& providers = array_member(summary, "providers");
  // As many as a run's summary.json can name (its providers are an object's members): the charts look up
  // each provider's identities among all of them.
  if (providers.size() > kMaxJsonObjectMembers) {
    throw ReportInputError("providers: " + std::to_string(providers.size()) + " providers, more than " +
                           std::to_string(kMaxJsonObjectMembers));
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < providers.size(); ++i) {
    const std::string where = "providers[" + std::to_string(i) + "]";
    LiveProvider provider = within(where, [&] { return provider_of(providers[i]); });
    if (!names.insert(provider.name).second)
      throw ReportInputError(where + ".name: '" + provider.name + "' names an earlier provider as well");
    live.providers.push_back(std::move(provider));
  }
  check_totals_fit(live.providers);
  return live;
}

}  // namespace

bool is_live_summary(const nlohmann::ordered_json& summary) {
  return summary.is_object() && summary.contains("mode");
}

LiveSummary live_summary_from_json(const nlohmann::ordered_json& summary,
                                   const std::filesystem::path& source) {
  try {
    return parse(summary);
  } catch (const ReportInputError& e) {
    const std::string message = e.what();
    throw ReportInputError(source.string() + ": not a live run's summary.json: " +
                           (message.starts_with(": ") ? message.substr(2) : message));
  }
}

}  // namespace delivsim::report
