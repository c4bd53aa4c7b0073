#pragma once
/// @file summary.json: a run's figures as JSON for scripts and comparisons.
#include <nlohmann/json.hpp>
#include <string>

#include "sim/output/run_result.h"

namespace delivsim {

/// Version of summary.json's layout; raised when a key is renamed or removed, not when one is added (readers
/// ignore keys they do not know: 1 also covers files without a provider's "thresholds").
inline constexpr int kSummarySchemaVersion = 1;

/// summary.json's text: pretty-printed with a 2-space indent and a trailing newline, keys in a fixed order
/// (schema_version, scenario, seed, start_date, simulated_s, totals, providers keyed by name in RunResult
/// order, identities, alerts, events_processed). Every double is rounded to 6 significant digits so that the
/// same result always gives the same bytes; a provider that never drained has "time_to_drain_s": null. Each
/// provider ends with "thresholds": its ProviderThresholds (the receiver parameters reports draw by). The
/// counts carry the delivered mail's placement (delivered_inbox, delivered_spam) and totals, providers and
/// traffic sources its inbox_share; delivery_latency_s is {mean, p50, p95, p99, max}. A provider whose
/// profile has SNDS-style colour bands ends with "filter_colours": {"green", "yellow", "red"} (IP-days), and
/// its IP identities end with "filter_colours" (days) and "worst_filter_colour" (null: no day with mail);
/// other providers and identities have neither key. Every key is listed in docs/batch-outputs.md.
std::string summary_json(const RunResult& result);

/// A provider's "thresholds" object as summary.json writes it (a live run's summary.json has it too).
nlohmann::ordered_json thresholds_json(const ProviderThresholds& thresholds);

}  // namespace delivsim
