#pragma once
/// @file Which thresholds (tier bands, spam-rate lines, alert levels) the report draws and colours by: each
/// provider's own, from summary.json.
#include <string>

#include "sim/output/run_result.h"

namespace delivsim::report {

/// The thresholds of the provider named `provider` in `run`; the Gmail profile's when `run` has no such
/// provider (a run without providers).
const ProviderThresholds& provider_thresholds(const RunResult& run, const std::string& provider);

/// provider_thresholds() of judging_provider() (sim/output/judging_provider.h).
const ProviderThresholds& judged_thresholds(const RunResult& run);

}  // namespace delivsim::report
