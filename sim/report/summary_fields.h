#pragma once
/// @file Members that a run's summary.json and a live run's share, read without trusting the file: counts
/// by reply key, an identity's kind, a reputation tier and a span of model time. Each problem is a
/// ReportInputError naming the key, as json_fields.h's are.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "models/reply_catalog.h"
#include "models/tier.h"
#include "models/units.h"
#include "sim/output/provider_thresholds.h"

namespace delivsim::report {

/// member() that is an object of whole numbers (reply key or SMTP step -> count); a bad count is
/// "key.<its key>: expected a whole number ...".
std::map<std::string, std::int64_t> counts_member(const nlohmann::ordered_json& object, std::string_view key);

/// member() naming an identity kind ("ip", "dkim", "spf"); else "key: unknown identity kind 'x'".
IdentityKind identity_kind_member(const nlohmann::ordered_json& object, std::string_view key);

/// member() naming a tier ("HIGH", "MEDIUM", "LOW", "BAD"); else "key: unknown tier 'x'".
Tier tier_member(const nlohmann::ordered_json& object, std::string_view key);

/// member() that is a provider's "thresholds" object (summary_json.h's thresholds_json) when `object` has
/// one; else `fallback` (summary.json files written before providers carried their thresholds).
ProviderThresholds thresholds_member(const nlohmann::ordered_json& object, std::string_view key,
                                     const ProviderThresholds& fallback);

/// member() that is a number of seconds from 0 to 9e15 (so its milliseconds fit a Duration), as a Duration;
/// else "key: expected 0 to 9000000000000000 seconds, found ...".
Duration seconds_member(const nlohmann::ordered_json& object, std::string_view key);

}  // namespace delivsim::report
