#pragma once
/// @file The terminal summary of a run: fixed-width text for people, not for parsing.
#include <string>

#include "sim/output/run_result.h"

namespace delivsim {

/// A readable, deterministic summary of `result`, at most 120 columns wide for names of ordinary length: a
/// heading line (scenario, seed, simulated days), one row per provider plus a TOTAL row (counts with
/// thousands separators, deferral %, max queue, time to drain), the delivered mail per provider and per
/// traffic source (inbox and spam-folder counts, inbox %, mean/p50/p95/p99/max delivery latency in human
/// units), each provider's top 3 deferral replies, the identities' final tiers, the IPs' SNDS-style filter
/// colour days (only when a provider's profile has colour bands), and the alert count with the first few
/// alerts. Ends with "\n".
std::string format_summary_table(const RunResult& result);

}  // namespace delivsim
