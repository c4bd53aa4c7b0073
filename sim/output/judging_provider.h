#pragma once
/// @file Which of a run's providers the run-wide figures (all providers' deferral rate, the compare overlays)
/// and an identity figure without a provider are judged by, from the run alone (a run folder).
#include <string>

#include "sim/output/run_result.h"

namespace delivsim {

/// The name of the provider judging_index() (models/provider_profile.h) picks among the run's providers, by
/// the profile each provider's result records; "" when the run has none. In a summary.json written before
/// runs recorded profiles, a provider named after a profile ("gmail") is taken to have that profile, and any
/// other an unknown one.
std::string judging_provider(const RunResult& run);

}  // namespace delivsim
