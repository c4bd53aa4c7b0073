#pragma once
/// @file Why a sweep chose its best point and why it left the others out, in words shared by the terminal
/// report and sweep.json.
#include <string>
#include <vector>

#include "sim/batch/sweep.h"

namespace delivsim {

/// "lowest providers.gmail.time_to_drain_s of the 3 of 12 points that met every constraint" ("highest" when
/// maximising); empty without an objective.
std::string best_reason(const SweepResult& result);

/// One line per constraint that some point broke, "8 points had providers.gmail.deferral_rate > 0.05", then
/// "2 points that met every constraint had no value for <figure> (null or missing in some replication)"
/// when that happened; empty without an objective.
std::vector<std::string> exclusion_reasons(const SweepResult& result);

}  // namespace delivsim
