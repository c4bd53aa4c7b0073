#pragma once
/// @file Which thresholds (tier bands, spam-rate lines, alert levels) the report draws and colours by: each
/// provider's own, from summary.json.
#include <string>

#include "sim/output/run_result.h"

namespace delivsim::report {

/// The provider that run-wide figures (all providers' deferral rate) and the compare overlays are judged by:
/// "gmail" when there is one, else the first provider; empty when there are none.
std::string judged_provider(const RunResult& run);

/// The thresholds of the provider named `provider` in `run`; the Gmail profile's when `run` has no such
/// provider (a run without providers).
const ProviderThresholds& provider_thresholds(const RunResult& run, const std::string& provider);

/// provider_thresholds() of judged_provider().
const ProviderThresholds& judged_thresholds(const RunResult& run);

}  // namespace delivsim::report
