#include "sim/report/summary_fields.h"

#include <cmath>
#include <cstdint>

#include "sim/report/json_fields.h"

namespace delivsim::report {

namespace {

/// Longest span of model time a summary.json may state, seconds: its milliseconds fit a Duration.
constexpr double kMaxSpanS = 9e15;

}  // namespace

std::map<std::string, std::int64_t> counts_member(const nlohmann::ordered_json& object,
                                                  std::string_view key) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& [name, count] : object_member(object, key).items()) {
    try {
      counts[name] = integer_of(count);
    } catch (const ReportInputError& e) {
      throw ReportInputError(std::string(key) + "." + name + ": " + e.what());
    }
  }
  return counts;
}

IdentityKind identity_kind_member(const nlohmann::ordered_json& object, std::string_view key) {
  const std::string name = string_member(object, key);
  for (const IdentityKind kind : {IdentityKind::Ip, IdentityKind::Dkim, IdentityKind::Spf}) {
    if (identity_kind_name(kind) == name) return kind;
  }
  throw ReportInputError(std::string(key) + ": unknown identity kind '" + name + "'");
}

Tier tier_member(const nlohmann::ordered_json& object, std::string_view key) {
  const std::string name = string_member(object, key);
  const std::optional<Tier> tier = parse_tier(name);
  if (!tier) throw ReportInputError(std::string(key) + ": unknown tier '" + name + "'");
  return *tier;
}

Duration seconds_member(const nlohmann::ordered_json& object, std::string_view key) {
  const double seconds = number_member(object, key);
  if (!(seconds >= 0 && seconds <= kMaxSpanS)) {
    throw ReportInputError(std::string(key) + ": expected 0 to " +
                           std::to_string(static_cast<std::int64_t>(kMaxSpanS)) + " seconds, found " +
                           member(object, key).dump());
  }
  return Duration(std::llround(seconds * 1000.0));
}

ProviderThresholds thresholds_member(const nlohmann::ordered_json& object, std::string_view key,
                                     const ProviderThresholds& fallback) {
  if (!object.contains(key)) return fallback;
  const nlohmann::ordered_json& thresholds = object_member(object, key);
  return within(std::string(key), [&] {
    return ProviderThresholds{
        number_member(thresholds, "tier_high_min"),  number_member(thresholds, "tier_medium_min"),
        number_member(thresholds, "tier_low_min"),   number_member(thresholds, "spam_rate_good"),
        number_member(thresholds, "spam_rate_bad"),  number_member(thresholds, "alert_unusual_share"),
        number_member(thresholds, "alert_act_share")};
  });
}

}  // namespace delivsim::report
