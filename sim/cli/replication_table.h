#pragma once
/// @file The terminal summary of a batch of replications: fixed-width text for people, not for parsing.
#include <string>
#include <vector>

#include "sim/output/run_result.h"

namespace delivsim {

/// A heading line (scenario, the first replication's seed, number of replications, simulated days), then one
/// row per headline figure (headline_figures()) with mean, sd, p5, p50, p95 over the replications that have
/// the figure and the count of those that miss it (never drained, no identities); "-" where no replication
/// has it. Shares and rates are percentages, times are human durations, tiers are names where the value is
/// one. Ends with
/// "\n".
std::string format_replication_table(const std::vector<RunResult>& replications);

}  // namespace delivsim
